using Goroutines.Workbook.Exercises;

namespace Goroutines.Workbook.Cli.Grading;

/// <summary>The exercise library as the grader's key: <see cref="ExerciseCatalog"/> for the columns, <see cref="Grading.Recheck"/> for the answers.</summary>
public sealed class LibraryAnswerKey : IAnswerKey
{
    public IReadOnlyList<ExerciseColumn> Exercises { get; } = ExerciseCatalog.All
        .Select(e => new ExerciseColumn(e.Id, e.Lesson, KindName(e.Kind), e.Title, e.Points)).ToList();

    public Recheck Recheck(string exercise, string? student, string? answer)
    {
        var graded = Workbook.Exercises.Grading.Recheck(exercise, student, answer);
        return new Recheck(VerdictName(graded.Verdict), graded.Misconception, graded.Points, graded.MaxPoints);
    }

    public string MisconceptionName(string id) =>
        ExerciseCatalog.Misconceptions.FirstOrDefault(m => m.Id == id)?.Name ?? id;

    /// <summary>"predict", "concept" or "code", as the submission record spells it.</summary>
    public static string KindName(ExerciseKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>"correct", "incorrect", "unanswered" or "invalid", as the submission record spells it.</summary>
    public static string VerdictName(Verdict verdict) => verdict.ToString().ToLowerInvariant();
}
