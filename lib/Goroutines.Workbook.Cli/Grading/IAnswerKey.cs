namespace Goroutines.Workbook.Cli.Grading;

/// <summary>What the grader knows about the exercises without asking a notebook: the catalogue, and how to re-check an answer itself.</summary>
public interface IAnswerKey
{
    /// <summary>Every exercise of every lesson, in lesson order.</summary>
    IReadOnlyList<ExerciseColumn> Exercises { get; }

    /// <summary>Re-checks a predict or concept answer for <paramref name="student"/>'s variant, in this process.</summary>
    Recheck Recheck(string exercise, string? student, string? answer);

    /// <summary>The readable name of a misconception id (the id itself when it is unknown).</summary>
    string MisconceptionName(string id);
}
