namespace Goroutines.Workbook.Exercises;

/// <summary>
/// An answer read into its normalised form ("9 0 1 2", "3", "runnext"), or why it could not be read.
/// </summary>
/// <param name="Verdict">Unanswered (null or empty), Invalid (wrong shape), otherwise Correct as a placeholder for "readable".</param>
/// <param name="Text">The normalised answer, or null when it could not be read.</param>
/// <param name="Problem">What was wrong with the shape and what is expected; empty when readable.</param>
public sealed record ParsedAnswer(Verdict Verdict, string? Text, string Problem)
{
    /// <summary>True when the answer was read: it can be compared.</summary>
    public bool IsReadable => Text is not null;

    /// <summary>A readable answer.</summary>
    public static ParsedAnswer Of(string text) => new(Verdict.Correct, text, "");

    /// <summary>No answer yet.</summary>
    public static ParsedAnswer Unanswered { get; } = new(Verdict.Unanswered, null, "");

    /// <summary>An answer of the wrong shape, with what to write instead.</summary>
    public static ParsedAnswer WrongShape(string problem) => new(Verdict.Invalid, null, problem);
}
