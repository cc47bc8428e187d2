using Goroutines.Workbook.Cli.Execution;

namespace Notebooks.Tests.Support;

/// <summary>Paths of the repository the tests run in.</summary>
public static class Repo
{
    public static RepoLayout Layout { get; } = new(
        RepoLayout.FindRootAbove(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException($"No {RepoLayout.SolutionFile} above {AppContext.BaseDirectory}."));

    public static string Root => Layout.Root;

    public static string TestData(string name) => Path.Combine(Root, "tests", "Notebooks.Tests", "TestData", name);

    /// <summary>The lessons as theory data: file names relative to notebooks/.</summary>
    public static TheoryData<string> LessonNames()
    {
        var data = new TheoryData<string>();
        foreach (var lesson in Layout.Lessons)
            data.Add(Path.GetFileName(lesson));
        return data;
    }

    /// <summary>A fresh, empty folder under the system temp folder.</summary>
    public static string FreshTempFolder(string prefix)
    {
        var path = Path.Combine(Path.GetTempPath(), prefix + "-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(path);
        return path;
    }
}
