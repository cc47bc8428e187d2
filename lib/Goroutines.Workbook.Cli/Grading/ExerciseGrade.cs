namespace Goroutines.Workbook.Cli.Grading;

/// <summary>One exercise of one submission as graded: the answer collected, the grader's verdict, the misconception, and the points.</summary>
public sealed record ExerciseGrade(string Exercise, string? Answer, string Verdict, string? Misconception, int Points, int MaxPoints)
{
    public const string Correct = "correct";
    public const string Incorrect = "incorrect";
    public const string Unanswered = "unanswered";
    public const string Invalid = "invalid";
    /// <summary>No cell of the submission checked this exercise (deleted, never run, or the run stopped first).</summary>
    public const string Missing = "missing";
}
