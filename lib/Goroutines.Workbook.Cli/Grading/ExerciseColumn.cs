namespace Goroutines.Workbook.Cli.Grading;

/// <summary>One exercise as the gradebook shows it: a column, whether or not a submission still has its cell.</summary>
public sealed record ExerciseColumn(string Id, string Lesson, string Kind, string Title, int Points);
