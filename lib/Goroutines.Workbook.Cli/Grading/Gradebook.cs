namespace Goroutines.Workbook.Cli.Grading;

/// <summary>The whole result of a grading: the exercise columns, one row per submission, and how long it took.</summary>
public sealed record Gradebook(IReadOnlyList<ExerciseColumn> Columns, IReadOnlyList<GradebookRow> Rows, TimeSpan Elapsed, int Jobs)
{
    /// <summary>The closing line, e.g. "30 submissions graded in 212.4 s with 2 kernels at once (8.5 per minute): 28 ok, 1 timed out, …; average 7.2 of 9 points".</summary>
    public string Summary
    {
        get
        {
            var perMinute = Elapsed.TotalMinutes > 0 ? Rows.Count / Elapsed.TotalMinutes : 0;
            var statuses = Rows.GroupBy(r => r.RunStatus.Split(':')[0]).OrderByDescending(g => g.Count()).Select(g => $"{g.Count()} {g.Key}");
            var flagged = Rows.Count(r => r.IsFlagged);
            var average = Rows.Count == 0 ? 0 : Rows.Average(r => r.Total);
            var max = Rows.Count == 0 ? 0 : Rows.Max(r => r.Max);
            return $"{Rows.Count} submission{(Rows.Count == 1 ? "" : "s")} graded in {Elapsed.TotalSeconds:0.0} s with {Jobs} kernel{(Jobs == 1 ? "" : "s")} at once " +
                   $"({perMinute:0.0} per minute): {string.Join(", ", statuses)}, {flagged} flagged; average {average:0.0} of {max} points";
        }
    }
}
