using System.Diagnostics;
using System.Globalization;
using Goroutines.Workbook.Cli.Execution;
using Goroutines.Workbook.Cli.Notebooks;

namespace Goroutines.Workbook.Cli.Grading;

/// <summary>
/// <c>workbook grade</c>: runs every submission in a kernel of its own, <see cref="GradeOptions.Jobs"/>
/// at once, each in a <see cref="GradingSandbox"/> with the student's identity, grading mode, a time
/// limit per cell and per notebook, and a managed-heap limit; then grades each run
/// (<see cref="SubmissionGrader"/>). One submission's failure is its own row and nothing else.
/// </summary>
public sealed class Grader(RepoLayout layout, GradeOptions options, IAnswerKey key, IRunProgress progress)
{
    public const string StudentVariable = "GOROUTINE_WORKBOOK_STUDENT";
    public const string GradingVariable = "GOROUTINE_WORKBOOK_GRADING";

    /// <summary>Grades <paramref name="submissions"/>; rows come back in the submissions' order.</summary>
    public async Task<Gradebook> GradeAsync(IReadOnlyList<Submission> submissions, CancellationToken cancel = default)
    {
        var watch = Stopwatch.StartNew();
        var jobs = Math.Max(1, options.Jobs);
        using var gate = new SemaphoreSlim(jobs);
        var runs = submissions.Select(async submission =>
        {
            await gate.WaitAsync(cancel);
            try
            {
                return await RunOneAsync(submission, cancel);
            }
            finally
            {
                gate.Release();
            }
        }).ToList();
        var finished = await Task.WhenAll(runs);
        var columns = ColumnsOf(finished);
        var grader = new SubmissionGrader(key);
        var rows = finished.Select(f => f.Run is null
            ? SubmissionGrader.NotANotebook(f.Submission, f.Problem!, columns)
            : grader.Grade(f.Submission, f.Run, f.StoredJson, columns)).ToList();
        return new Gradebook(columns, rows, watch.Elapsed, jobs);
    }

    /// <summary>The environment of a submission's kernel: its student, grading mode, and the heap limit.</summary>
    public IReadOnlyDictionary<string, string> KernelEnvironment(Submission submission) => new Dictionary<string, string>
    {
        [StudentVariable] = submission.Student,
        [GradingVariable] = "1",
        ["DOTNET_GCHeapHardLimit"] = ((long)options.MemoryMegabytes * 1024 * 1024).ToString("X", CultureInfo.InvariantCulture),
    };

    private sealed record Finished(Submission Submission, NotebookResult? Run, string StoredJson, string? Problem);

    private async Task<Finished> RunOneAsync(Submission submission, CancellationToken cancel)
    {
        string stored;
        try
        {
            stored = await File.ReadAllTextAsync(submission.Path, cancel);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new Finished(submission, null, "", "the file cannot be read (" + e.Message + ")");
        }
        NotebookDocument document;
        try
        {
            document = NotebookParser.Parse(submission.Path, stored);
        }
        catch (NotebookFormatException e)
        {
            progress.Info($"{submission.Name}: not a notebook ({e.Problem})");
            return new Finished(submission, null, stored, e.Problem);
        }

        using var sandbox = GradingSandbox.Create(submission, layout.LibraryFolder);
        var copy = document with { Path = sandbox.Notebook };
        var runner = new NotebookRunner(layout, new RunnerOptions
        {
            CellTimeout = options.CellTimeout,
            NotebookTimeout = options.NotebookTimeout,
            StartTimeout = options.NotebookTimeout,
            Environment = KernelEnvironment(submission),
        }, new SubmissionProgress(progress, submission));
        var run = await runner.RunAsync(copy, cancel);
        return new Finished(submission, run with { Notebook = run.Notebook with { Path = submission.Path } }, stored, null);
    }

    // The exercises of the lessons the submissions answered (every exercise when none answered any).
    private IReadOnlyList<ExerciseColumn> ColumnsOf(IEnumerable<Finished> finished)
    {
        var ids = finished.Where(f => f.Run is not null)
            .SelectMany(f => SubmissionCollector.FromRun(f.Run!.Cells)).Select(r => r.Exercise).ToHashSet(StringComparer.Ordinal);
        var lessons = key.Exercises.Where(e => ids.Contains(e.Id)).Select(e => e.Lesson).ToHashSet();
        return lessons.Count == 0 ? key.Exercises : key.Exercises.Where(e => lessons.Contains(e.Lesson)).ToList();
    }
}
