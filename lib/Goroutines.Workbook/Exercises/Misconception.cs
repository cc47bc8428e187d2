namespace Goroutines.Workbook.Exercises;

/// <summary>A named wrong idea about the scheduler, with the one-line correction and where the lessons teach it.</summary>
/// <param name="Id">A stable id, e.g. "goroutine-is-a-thread".</param>
/// <param name="Name">The wrong idea as a student would say it.</param>
/// <param name="Correction">One line that sets it right.</param>
/// <param name="Section">The lesson section to re-read.</param>
public sealed record Misconception(string Id, string Name, string Correction, LessonSection Section);
