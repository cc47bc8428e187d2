using Goroutines.Workbook.Cli.Grading;

namespace Notebooks.Tests.Grading;

/// <summary>
/// A stand-in for the exercise library's key in the grader's own tests: lesson "t" has a predict (2 points),
/// a concept (1 point) and a code exercise (3 points). "right" is the correct answer for every student;
/// "wrong" is incorrect and shows the misconception "goroutine-is-thread".
/// </summary>
public sealed class FakeAnswerKey : IAnswerKey
{
    public IReadOnlyList<ExerciseColumn> Exercises { get; } =
    [
        new("t.predict", "t", "predict", "Predict the order", 2),
        new("t.concept", "t", "concept", "What is a P?", 1),
        new("t.code", "t", "code", "Fix the deadlock", 3),
    ];

    public List<(string Exercise, string? Student, string? Answer)> Asked { get; } = [];

    public Recheck Recheck(string exercise, string? student, string? answer)
    {
        lock (Asked) Asked.Add((exercise, student, answer));
        var points = Exercises.Single(e => e.Id == exercise).Points;
        return answer?.Trim() switch
        {
            null or "" => new Recheck(ExerciseGrade.Unanswered, null, 0, points),
            "right" => new Recheck(ExerciseGrade.Correct, null, points, points),
            "wrong" => new Recheck(ExerciseGrade.Incorrect, "goroutine-is-thread", 0, points),
            _ => new Recheck(ExerciseGrade.Incorrect, null, 0, points),
        };
    }

    public string MisconceptionName(string id) => id == "goroutine-is-thread" ? "A goroutine is a thread" : id;
}
