namespace Goroutines.Workbook.Exercises;

/// <summary>The grader's own check of one answer (see Grading.Recheck).</summary>
/// <param name="Exercise">The exercise id.</param>
/// <param name="Verdict">Correct, Incorrect, Unanswered or Invalid.</param>
/// <param name="Misconception">The id of the misconception the answer shows, or null.</param>
/// <param name="Points">Points earned: MaxPoints when correct, otherwise 0.</param>
/// <param name="MaxPoints">The exercise's points.</param>
/// <param name="Rechecked">False for code exercises (checked in the kernel) and unknown ids: the verdict is not the grader's own.</param>
/// <param name="Message">One line: why, or why it was not rechecked.</param>
public sealed record GradedAnswer(
    string Exercise, Verdict Verdict, string? Misconception, int Points, int MaxPoints, bool Rechecked, string Message);
