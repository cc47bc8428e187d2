namespace Goroutines.Workbook.Exercises;

/// <summary>What one exercise concluded about one answer, before it is dressed as an ExerciseResult.</summary>
/// <param name="Verdict">Correct, Incorrect, Unanswered or Invalid.</param>
/// <param name="Answer">The answer normalised to a string (null for code, or when unreadable).</param>
/// <param name="Message">One line: why it is right, what is wrong, or the shape expected.</param>
/// <param name="Misconception">The named misconception the answer shows, or null.</param>
public sealed record Evaluation(Verdict Verdict, string? Answer, string Message, Misconception? Misconception = null)
{
    /// <summary>Code exercises: how many seeds (schedules) were run.</summary>
    public int? Seeds { get; init; }

    /// <summary>Code exercises: the seed whose run broke a property, or null.</summary>
    public int? FailingSeed { get; init; }

    /// <summary>Extra HTML shown under the verdict (a code exercise's failing timeline and how to replay it).</summary>
    public string DetailHtml { get; init; } = "";

    /// <summary>The unread or unreadable answer as an Evaluation.</summary>
    public static Evaluation From(ParsedAnswer parsed) => parsed.Verdict == Verdict.Unanswered
        ? new Evaluation(Verdict.Unanswered, null, "Not answered yet: write your answer in the cell and run it again.")
        : new Evaluation(Verdict.Invalid, null, parsed.Problem);
}
