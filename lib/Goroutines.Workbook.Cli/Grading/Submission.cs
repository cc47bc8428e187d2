namespace Goroutines.Workbook.Cli.Grading;

/// <summary>One submitted notebook: its file, its name in the gradebook (relative to the submissions folder), and whose it is.</summary>
public sealed record Submission(string Path, string Name, string Student);
