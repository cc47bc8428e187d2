using System.Collections.Concurrent;
using Goroutines.Workbook.Cli.Execution;
using Goroutines.Workbook.Cli.Notebooks;

namespace Notebooks.Tests.Support;

/// <summary>Each lesson executed in the real kernel with its answer key applied, right or wrong, once per test run.</summary>
public sealed class AnsweredLessonRuns
{
    private readonly ConcurrentDictionary<(string, bool), Lazy<Task<NotebookResult>>> _runs = new();

    /// <summary>The lesson run with every answer cell holding the right (or the wrong) answer.</summary>
    public Task<NotebookResult> Get(string lessonFileName, bool right) =>
        _runs.GetOrAdd((lessonFileName, right), key => new Lazy<Task<NotebookResult>>(() => RunAsync(key.Item1, key.Item2))).Value;

    private static async Task<NotebookResult> RunAsync(string name, bool right)
    {
        LibraryStager.Stage(Repo.Layout);
        var shipped = NotebookParser.Load(Path.Combine(Repo.Layout.Notebooks, name));
        var answered = AnswerKey.For(name).Apply(shipped, entry => right ? entry.Right : entry.Wrong);
        var runner = new NotebookRunner(Repo.Layout, new RunnerOptions { CellTimeout = TimeSpan.FromSeconds(120) }, SilentProgress.Instance);
        return await runner.RunAsync(answered);
    }
}
