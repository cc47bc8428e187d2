using Goroutines.Workbook.Cli.Execution;
using Notebooks.Tests.Support;

namespace Notebooks.Tests;

/// <summary>
/// Every lesson's exercises in the real kernel, three ways: as shipped (every exercise "not answered yet"), with the
/// answer key (every exercise correct) and with wrong answers (every exercise incorrect, with a hint, and the
/// misconception named where the key plants one). Run All completes in every case.
/// </summary>
[Collection(KernelCollection.Name)]
public sealed class LessonExerciseTests(LessonRuns shipped, AnsweredLessonRuns answered) : IClassFixture<AnsweredLessonRuns>
{
    public static TheoryData<string> Lessons => Repo.LessonNames();

    private static void AssertEveryCellRan(NotebookResult result)
    {
        Assert.Null(result.KernelError);
        var failures = result.Cells.Where(c => !c.IsOk).Select(c => $"cell {c.Cell.Number} {c.Status}: {c.Error}").ToList();
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.DoesNotContain(result.Cells.SelectMany(c => c.Outputs), o => o.Kind is OutputKind.Error or OutputKind.StandardError);
    }

    // The one record of each of the lesson's exercises: every exercise is checked once, none is missing.
    private static Dictionary<string, SubmissionRecord> RecordsByExercise(string lesson, NotebookResult result)
    {
        var records = SubmissionRecord.In(result);
        Assert.Equal(SubmissionRecord.ExercisesOf(lesson).Order(), records.Select(r => r.Exercise).Order());
        return records.ToDictionary(r => r.Exercise);
    }

    [Theory]
    [MemberData(nameof(Lessons))]
    public void The_answer_key_covers_every_exercise_of_the_lesson(string lesson)
    {
        Assert.Equal(SubmissionRecord.ExercisesOf(lesson).Order(), AnswerKey.For(lesson).Entries.Keys.Order());
        Assert.True(SubmissionRecord.ExercisesOf(lesson).Count >= 3, $"{lesson} needs at least three exercises");
    }

    [Theory]
    [MemberData(nameof(Lessons))]
    public async Task As_shipped_every_exercise_says_not_answered_yet(string lesson)
    {
        var result = await shipped.Get(lesson);

        AssertEveryCellRan(result);
        Assert.All(RecordsByExercise(lesson, result).Values, r =>
        {
            Assert.Equal("unanswered", r.Verdict);
            Assert.Contains("not answered yet", r.Html);
        });
    }

    [Theory]
    [MemberData(nameof(Lessons))]
    public async Task With_the_answer_key_every_exercise_is_correct(string lesson)
    {
        var result = await answered.Get(lesson, right: true);

        AssertEveryCellRan(result);
        Assert.All(RecordsByExercise(lesson, result).Values, r => Assert.True(r.Verdict == "correct", $"{r.Exercise}: {r.Verdict}"));
    }

    [Theory]
    [MemberData(nameof(Lessons))]
    public async Task With_wrong_answers_every_exercise_is_incorrect_with_a_hint_and_its_misconception(string lesson)
    {
        var result = await answered.Get(lesson, right: false);
        var key = AnswerKey.For(lesson);

        AssertEveryCellRan(result);
        Assert.All(RecordsByExercise(lesson, result).Values, r =>
        {
            Assert.True(r.Verdict == "incorrect", $"{r.Exercise}: {r.Verdict}");
            Assert.Contains("Hint:", r.Html);
            Assert.Equal(key.Entries[r.Exercise].Misconception, r.Misconception);
        });
    }
}
