using System.Linq;

namespace Goroutines.Workbook.Tests;

using Goroutines.Workbook.Exercises;

public class GradingTests
{
    [Fact]
    public void Recheck_reruns_the_prediction_for_that_students_variant()
    {
        var exercise = (PredictExercise)ExerciseCatalog.Find("00.runnext-order")!;
        var (ada, bob) = ("ada@example.edu", Enumerable.Range(0, 200).Select(i => $"b{i}").First(s => Student.VariantOf(exercise, s) != Student.VariantOf(exercise, "ada@example.edu")));
        var adasAnswer = exercise.RightAnswer(Student.VariantOf(exercise, ada));

        var forAda = Grading.Recheck("00.runnext-order", ada, adasAnswer);
        var forBob = Grading.Recheck("00.runnext-order", bob, adasAnswer);

        Assert.Equal((Verdict.Correct, 2, 2, true), (forAda.Verdict, forAda.Points, forAda.MaxPoints, forAda.Rechecked));
        Assert.Equal((Verdict.Incorrect, 0), (forBob.Verdict, forBob.Points));
    }

    [Fact]
    public void Recheck_hashes_a_concept_answer_and_names_the_misconception()
    {
        var right = Grading.Recheck("01.where-schedule-runs", "ada", "the same M");
        var wrong = Grading.Recheck("01.where-schedule-runs", "ada", "sysmon");

        Assert.Equal(Verdict.Correct, right.Verdict);
        Assert.Equal(1, right.Points);
        Assert.Equal(Verdict.Incorrect, wrong.Verdict);
        Assert.Equal("scheduler-is-its-own-thread", wrong.Misconception);
    }

    [Fact]
    public void Recheck_reads_a_multiple_choice_answer_by_the_recorded_text_whatever_the_variant()
    {
        var question = (ConceptExercise)ExerciseCatalog.Find("01.what-is-p")!;
        var rightText = question.Choices[2].ToLowerInvariant().TrimEnd('.');   // what a record's "answer" holds

        foreach (var student in new[] { "a", "b", "c", "d", "e", "f" })
            Assert.Equal(Verdict.Correct, Grading.Recheck("01.what-is-p", student, rightText).Verdict);
    }

    [Fact]
    public void Recheck_of_the_answer_a_record_holds_agrees_with_the_notebook()
    {
        foreach (var (id, answer) in new[] { ("00.runnext-order", "5 0 1 2 3 4"), ("00.what-go-does", "c"), ("01.what-is-p", "a"), ("01.syscall-threads", "6"), ("01.syscall-threads", "six"), ("00.runnext-order", "") })
        {
            var inNotebook = Exercises.Check(id, answer);
            var regraded = Grading.Recheck(id, null, inNotebook.Answer);

            Assert.Equal(inNotebook.Verdict, regraded.Verdict);
            Assert.Equal(inNotebook.Misconception?.Id, regraded.Misconception);
        }
    }

    [Fact]
    public void Recheck_says_code_is_checked_in_the_kernel_and_never_throws()
    {
        var code = Grading.Recheck("00.loop-capture", "ada", null);
        var unknown = Grading.Recheck("42.nothing", "ada", "1");
        var unanswered = Grading.Recheck("00.runnext-order", "ada", null);
        var garbage = Grading.Recheck("00.runnext-order", null, "not numbers at all");

        Assert.False(code.Rechecked);
        Assert.Contains("kernel", code.Message);
        Assert.Equal(3, code.MaxPoints);
        Assert.False(unknown.Rechecked);
        Assert.Equal(Verdict.Unanswered, unanswered.Verdict);
        Assert.Equal(Verdict.Invalid, garbage.Verdict);
    }

    [Fact]
    public void The_catalogue_lists_every_exercise_with_its_columns()
    {
        Assert.All(ExerciseCatalog.All, e =>
        {
            Assert.Matches("^[0-9]{2}\\.[a-z0-9-]+$", e.Id);
            Assert.Equal(e.Id[..2], e.Lesson);
            Assert.False(string.IsNullOrWhiteSpace(e.Title));
            Assert.True(e.Points > 0);
        });
    }
}
