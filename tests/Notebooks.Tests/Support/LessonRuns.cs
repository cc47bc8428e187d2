using System.Collections.Concurrent;
using Goroutines.Workbook.Cli.Execution;
using Goroutines.Workbook.Cli.Notebooks;

namespace Notebooks.Tests.Support;

/// <summary>Each lesson executed once in the real kernel (through the runner's library code), shared by the tests that look at the results.</summary>
public sealed class LessonRuns
{
    private readonly ConcurrentDictionary<string, Lazy<Task<NotebookResult>>> _runs = new();

    public Task<NotebookResult> Get(string lessonFileName) =>
        _runs.GetOrAdd(lessonFileName, name => new Lazy<Task<NotebookResult>>(() => RunAsync(name))).Value;

    private static async Task<NotebookResult> RunAsync(string name)
    {
        LibraryStager.Stage(Repo.Layout);
        var notebook = NotebookParser.Load(Path.Combine(Repo.Layout.Notebooks, name));
        var runner = new NotebookRunner(Repo.Layout, new RunnerOptions { CellTimeout = TimeSpan.FromSeconds(120) }, SilentProgress.Instance);
        return await runner.RunAsync(notebook);
    }
}
