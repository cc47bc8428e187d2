namespace Goroutines.Workbook.Cli.Grading;

/// <summary>
/// One submission in the gradebook: how its run went (<see cref="Status"/>: ok, timed out, crashed,
/// out of memory, not a notebook, flagged: …), one grade per exercise of its lesson (keyed by exercise id),
/// the total, and notes (failed cells, what a flag is about).
/// </summary>
public sealed record GradebookRow(
    Submission Submission,
    string Status,
    IReadOnlyList<string> Flags,
    IReadOnlyList<string> Notes,
    IReadOnlyDictionary<string, ExerciseGrade> Grades,
    int Total,
    int Max,
    TimeSpan Elapsed)
{
    /// <summary>The run problem alone (ok, timed out, …), without the flags.</summary>
    public string RunStatus { get; init; } = "ok";

    public bool IsFlagged => Flags.Count > 0;
}
