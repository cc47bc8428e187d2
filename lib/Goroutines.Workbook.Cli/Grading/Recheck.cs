namespace Goroutines.Workbook.Cli.Grading;

/// <summary>The grader's own verdict on one answer: correct, incorrect, unanswered or invalid, the misconception it shows, and the points.</summary>
public sealed record Recheck(string Verdict, string? Misconception, int Points, int MaxPoints);
