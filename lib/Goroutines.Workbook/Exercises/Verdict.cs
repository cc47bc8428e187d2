namespace Goroutines.Workbook.Exercises;

/// <summary>What a check concluded about an answer.</summary>
public enum Verdict
{
    /// <summary>The answer is right.</summary>
    Correct,

    /// <summary>The answer has the right shape but is wrong.</summary>
    Incorrect,

    /// <summary>No answer yet: the placeholder the exercise ships with (null or an empty string).</summary>
    Unanswered,

    /// <summary>The answer has the wrong shape (e.g. words where numbers are expected), or the exercise is unknown.</summary>
    Invalid,
}
