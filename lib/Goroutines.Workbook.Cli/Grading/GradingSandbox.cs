namespace Goroutines.Workbook.Cli.Grading;

/// <summary>
/// A throwaway copy of one submission, laid out like the repository so the notebook's
/// <c>#r "../artifacts/lib/…"</c> finds the library: <c>&lt;temp&gt;/notebooks/&lt;notebook&gt;</c> (with the other
/// files of a student's own folder) beside <c>&lt;temp&gt;/artifacts/lib/</c> (a copy of the staged library).
/// Whatever the notebook deletes or writes there is thrown away with it.
/// </summary>
public sealed class GradingSandbox : IDisposable
{
    private GradingSandbox(string root, string notebook)
    {
        Root = root;
        Notebook = notebook;
    }

    /// <summary>The temporary folder.</summary>
    public string Root { get; }

    /// <summary>The copy of the notebook, in <c>Root/notebooks/</c>.</summary>
    public string Notebook { get; }

    /// <summary>Copies <paramref name="submission"/> and the library in <paramref name="libraryFolder"/> into a new temporary folder.</summary>
    public static GradingSandbox Create(Submission submission, string libraryFolder)
    {
        var root = Directory.CreateTempSubdirectory("workbook-grade-").FullName;
        var notebooks = Directory.CreateDirectory(Path.Combine(root, "notebooks")).FullName;
        var lib = Directory.CreateDirectory(Path.Combine(root, "artifacts", "lib")).FullName;
        foreach (var file in Directory.EnumerateFiles(libraryFolder).Where(f => !Path.GetFileName(f).StartsWith('.')))
            File.Copy(file, Path.Combine(lib, Path.GetFileName(file)));
        // A student's own folder (ada/…) comes along: its notebook may read a file beside it. A shared folder does not.
        var source = Path.GetDirectoryName(submission.Path)!;
        var files = submission.Name.Contains('/')
            ? Directory.EnumerateFiles(source).Where(f => new FileInfo(f).Length <= MaxCompanionBytes || f == submission.Path)
            : [submission.Path];
        foreach (var file in files)
            File.Copy(file, Path.Combine(notebooks, Path.GetFileName(file)));
        return new GradingSandbox(root, Path.Combine(notebooks, Path.GetFileName(submission.Path)));
    }

    private const long MaxCompanionBytes = 10 * 1024 * 1024;

    public void Dispose()
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            try
            {
                Directory.Delete(Root, recursive: true);
                return;
            }
            catch (DirectoryNotFoundException)
            {
                return;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Thread.Sleep(200); // a kernel that was just killed may still hold a file for a moment
            }
        }
    }
}
