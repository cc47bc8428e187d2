namespace Goroutines.Workbook.Cli.Execution;

/// <summary>Where things are in a clone of the repository.</summary>
public sealed record RepoLayout(string Root)
{
    public const string SolutionFile = "GoroutineWorkbook.sln";

    public string Notebooks => Path.Combine(Root, "notebooks");

    /// <summary>The fixed folder the lessons reference the library from (<c>#r "../artifacts/lib/…"</c>).</summary>
    public string LibraryFolder => Path.Combine(Root, "artifacts", "lib");

    public string DefaultSite => Path.Combine(Root, "site");

    /// <summary>The lessons: notebooks/*.ipynb in name order.</summary>
    public IReadOnlyList<string> Lessons =>
        Directory.Exists(Notebooks)
            ? Directory.GetFiles(Notebooks, "*.ipynb").OrderBy(p => p, StringComparer.Ordinal).ToList()
            : [];

    /// <summary>Finds the repository above the current directory, or above this program's own folder.</summary>
    public static RepoLayout Find()
    {
        var root = FindRootAbove(Directory.GetCurrentDirectory()) ?? FindRootAbove(AppContext.BaseDirectory)
            ?? throw new InvalidOperationException(
                $"No {SolutionFile} was found above {Directory.GetCurrentDirectory()} or {AppContext.BaseDirectory}. Run the workbook from inside a clone of the repository.");
        return new RepoLayout(root);
    }

    public static string? FindRootAbove(string start)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFile)))
                return dir.FullName;
        }
        return null;
    }
}
