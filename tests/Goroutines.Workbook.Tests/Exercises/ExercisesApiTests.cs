using System;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.DotNet.Interactive.Formatting;

namespace Goroutines.Workbook.Tests;

using Goroutines.Workbook.Exercises;

public sealed class ExercisesApiTests : IDisposable
{
    public ExercisesApiTests()
    {
        Student.Is(null);
        Environment.SetEnvironmentVariable(Student.EnvironmentVariable, null);
        Environment.SetEnvironmentVariable(Grading.EnvironmentVariable, null);
        ExerciseSession.Clear();
    }

    public void Dispose()
    {
        Student.Is(null);
        Environment.SetEnvironmentVariable(Student.EnvironmentVariable, null);
        Environment.SetEnvironmentVariable(Grading.EnvironmentVariable, null);
        ExerciseSession.Clear();
    }

    private static JsonElement Record(ExerciseResult result)
    {
        var html = result.ToHtml();
        var open = $"<script type=\"{Submission.ScriptType}\">";
        var start = html.IndexOf(open, StringComparison.Ordinal) + open.Length;
        Assert.Equal(1, html.Split(open).Length - 1);   // exactly one record
        return JsonDocument.Parse(html[start..html.IndexOf("</script>", start, StringComparison.Ordinal)]).RootElement;
    }

    [Fact]
    public void Every_exercise_shipped_unanswered_says_not_answered_yet()
    {
        foreach (var exercise in ExerciseCatalog.All)
        {
            var result = exercise.Kind == ExerciseKind.Code ? Exercises.Check(exercise.Id, (Func<Task>?)null) : Exercises.Check(exercise.Id, "");

            Assert.Equal(Verdict.Unanswered, result.Verdict);
            Assert.Contains("not answered yet", result.ToHtml());
        }
    }

    [Fact]
    public void The_submission_record_has_the_contracts_fields_in_order()
    {
        Student.Is("Ada@Example.edu");
        var result = Exercises.Check("00.runnext-order", "0 1 2 3 4 5 6 7");
        var record = Record(result);

        Assert.Equal(
            ["schema", "exercise", "kind", "student", "claimedStudent", "variant", "answer", "verdict", "misconception", "seeds", "failingSeed", "grading"],
            record.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal(1, record.GetProperty("schema").GetInt32());
        Assert.Equal("00.runnext-order", record.GetProperty("exercise").GetString());
        Assert.Equal("predict", record.GetProperty("kind").GetString());
        Assert.Equal("ada@example.edu", record.GetProperty("student").GetString());
        Assert.Equal("ada@example.edu", record.GetProperty("claimedStudent").GetString());
        Assert.Equal(result.Variant, record.GetProperty("variant").GetInt32());
        Assert.Equal("0 1 2 3 4 5 6 7", record.GetProperty("answer").GetString());
        Assert.Equal("incorrect", record.GetProperty("verdict").GetString());
        Assert.Equal(JsonValueKind.Null, record.GetProperty("seeds").ValueKind);
        Assert.Equal(JsonValueKind.Null, record.GetProperty("failingSeed").ValueKind);
        Assert.False(record.GetProperty("grading").GetBoolean());
    }

    [Fact]
    public void The_graders_identity_wins_and_the_claim_is_kept()
    {
        Student.Is("ada@example.edu");
        Environment.SetEnvironmentVariable(Student.EnvironmentVariable, "bob@example.edu");
        Environment.SetEnvironmentVariable(Grading.EnvironmentVariable, "1");

        var record = Record(Exercises.Check("00.runnext-order", "1 2 3"));
        var exercise = ExerciseCatalog.Find("00.runnext-order")!;

        Assert.Equal("bob@example.edu", record.GetProperty("student").GetString());
        Assert.Equal("ada@example.edu", record.GetProperty("claimedStudent").GetString());
        Assert.Equal(Student.VariantOf(exercise, "bob@example.edu"), record.GetProperty("variant").GetInt32());
        Assert.True(record.GetProperty("grading").GetBoolean());
    }

    [Fact]
    public void A_code_record_has_its_seeds_and_the_failing_seed_and_no_answer()
    {
        var record = Record(Exercises.Check("00.loop-capture", async () =>
        {
            var wg = new WaitGroup();
            for (var i = 0; i < 10; i++) { wg.Add(1); Runtime.Go(() => { Runtime.Println(i); wg.Done(); }); }
            await wg.Wait();
        }));

        Assert.Equal("code", record.GetProperty("kind").GetString());
        Assert.Equal(JsonValueKind.Null, record.GetProperty("answer").ValueKind);
        Assert.Equal(20, record.GetProperty("seeds").GetInt32());
        Assert.Equal(1, record.GetProperty("failingSeed").GetInt32());
    }

    [Fact]
    public void The_record_cannot_close_its_script_element()
    {
        var json = Exercises.Check("01.where-schedule-runs", "</script><script>alert(1)</script>").SubmissionJson;

        Assert.DoesNotContain("<", json);
        Assert.Equal("</script><script>alert(1)</script>", JsonDocument.Parse(json).RootElement.GetProperty("answer").GetString());
    }

    [Fact]
    public void Hints_step_forward_with_each_wrong_answer_and_stop_at_the_last()
    {
        var exercise = ExerciseCatalog.Find("00.runnext-order")!;

        var hints = Enumerable.Range(0, 3).Select(_ => Exercises.Check("00.runnext-order", "1 2 3").Hint).ToList();

        Assert.Equal([exercise.Hints[0], exercise.Hints[1], exercise.Hints[1]], hints);
        Assert.Null(Exercises.Check("00.runnext-order", "").Hint);
    }

    [Fact]
    public void Hint_shows_one_more_hint_each_call()
    {
        var first = Exercises.Hint("00.what-go-does");
        var second = Exercises.Hint("00.what-go-does");

        Assert.Contains("Run this cell again", first.ToHtml());
        Assert.Single(first.Text.Split('\n'));
        Assert.Equal(2, second.Text.Split('\n').Length);
    }

    [Fact]
    public void Progress_lists_solved_tried_and_not_answered()
    {
        Exercises.Check("00.runnext-order", "5 0 1 2 3 4");
        Exercises.Check("00.what-go-does", "a");

        var progress = Exercises.Progress("00").Text;

        Assert.Contains("00.runnext-order: solved", progress);
        Assert.Contains("00.what-go-does: tried", progress);
        Assert.Contains("00.loop-capture: not answered", progress);
    }

    [Fact]
    public void Nothing_throws_an_unknown_id_and_a_wrong_shape_get_messages()
    {
        var unknown = Exercises.Check("00.runext-order", "1");
        Assert.Equal(Verdict.Invalid, unknown.Verdict);
        Assert.Contains("There is no exercise", unknown.Message);
        Assert.Contains("no exercise", Exercises.Show("nope").Text);
        Assert.Contains("no exercise", Exercises.Reveal("").Text);
        Assert.Contains("no exercise", Exercises.Hint(null!).Text);
        Assert.Contains("has no exercises", Exercises.Progress("42").Text);
        Assert.Equal(Verdict.Invalid, Exercises.Check(null!, "1").Verdict);

        var shape = Exercises.Check("00.runnext-order", new object());
        Assert.Equal(Verdict.Invalid, shape.Verdict);
        Assert.Contains("sequence of numbers", shape.Message);
    }

    [Fact]
    public void A_bug_in_an_exercise_is_a_message_not_an_exception()
    {
        Exercises.Add(new PredictExercise("98.broken", "Broken")
        {
            Scenario = _ => throw new InvalidOperationException("no scenario"),
            Observe = run => run.Output,
        });

        var result = Exercises.Check("98.broken", "1 2");

        Assert.Equal(Verdict.Invalid, result.Verdict);
        Assert.Contains("bug in the exercise", result.Message);
        Assert.Contains("bug in the exercise", Exercises.Show("98.broken").Text);
    }

    [Fact]
    public void A_teachers_own_exercise_works_in_the_session_but_the_grader_does_not_know_it()
    {
        Exercises.Add(new ConceptExercise("97.my-question", "Mine")
        {
            Question = "Which slot runs next?",
            Salt = "97/x",
            AnswerHashes = [AnswerHash.Of("97/x", "runnext")],
        });

        Assert.True(Exercises.Check("97.my-question", "RunNext").IsCorrect);
        Assert.False(Grading.Recheck("97.my-question", null, "runnext").Rechecked);
        Assert.Throws<ArgumentException>(() => Exercises.Add(new ConceptExercise("00.what-go-does", "clash") { Question = "?", Salt = "s", AnswerHashes = [] }));
    }

    [Fact]
    public void Show_gives_the_students_variant_of_the_program()
    {
        var exercise = (PredictExercise)ExerciseCatalog.Find("00.runnext-order")!;
        var who = Enumerable.Range(0, 100).Select(i => $"s{i}").First(s => Student.VariantOf(exercise, s) == 4);
        Student.Is(who);

        var html = Exercises.Show("00.runnext-order").ToHtml();

        Assert.Contains("await Gosched()", html);
        Assert.Contains("Your variant: 4", html);
    }

    [Fact]
    public void Results_and_views_display_as_html_in_a_notebook()
    {
        var html = Formatter.ToDisplayString(Exercises.Check("00.what-go-does", "a"), "text/html");

        Assert.Contains(Submission.ScriptType, html);
        Assert.Contains("A goroutine is a thread", html);   // the misconception's name
        Assert.Contains("exercise-view", Formatter.ToDisplayString(Exercises.Progress("00"), "text/html"));
    }

    [Fact]
    public void The_catalogue_has_every_misconception_the_issue_lists_and_three_exercises_per_lesson()
    {
        var ids = ExerciseCatalog.Misconceptions.Select(m => m.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.True(ids.Count >= 10, $"{ids.Count} misconceptions; the issue lists ten");
        Assert.All(ExerciseCatalog.Misconceptions, m => Assert.False(string.IsNullOrWhiteSpace(m.Correction)));
        Assert.Equal(ExerciseCatalog.All.Count, ExerciseCatalog.All.Select(e => e.Id).Distinct().Count());
        foreach (var lesson in ExerciseCatalog.All.Select(e => e.Lesson).Distinct())
        {
            var exercises = ExerciseCatalog.OfLesson(lesson);
            Assert.True(exercises.Count >= 3);
            Assert.True(exercises.Select(e => e.Kind).Distinct().Count() >= 2);
            Assert.All(exercises, e => Assert.True(e.Hints.Count >= 2, $"{e.Id} needs a nudge and a stronger hint"));
        }
    }
}
