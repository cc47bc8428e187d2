using System.Linq;

namespace Goroutines.Workbook.Tests;

using Goroutines.Workbook.Exercises;

public class PredictExerciseTests
{
    private static PredictExercise Runnext => (PredictExercise)ExerciseCatalog.Find("00.runnext-order")!;

    [Fact]
    public void The_right_answer_is_what_the_scenario_prints_when_run()
    {
        for (var variant = 0; variant < Runnext.Variants; variant++)
        {
            var run = Runnext.RunScenario(variant);

            Assert.Equal(Outcome.Completed, run.Outcome);
            Assert.Equal(run.OutputLine, Runnext.RightAnswer(variant));
        }
    }

    [Fact]
    public void Runnext_order_at_one_P_is_the_newest_first_then_the_rest_in_creation_order()
    {
        // Variant 0: six goroutines, no Gosched: Go prints 5 0 1 2 3 4 (as 9 0 1 … 8 for ten, GoReference e1-runnext).
        var evaluation = Runnext.Evaluate("5 0 1 2 3 4", 0, grading: false);

        Assert.Equal(Verdict.Correct, evaluation.Verdict);
    }

    [Fact]
    public void Creation_order_is_incorrect_and_names_the_misconception()
    {
        var evaluation = Runnext.Evaluate(new[] { 0, 1, 2, 3, 4, 5 }, 0, grading: false);

        Assert.Equal(Verdict.Incorrect, evaluation.Verdict);
        Assert.Equal("start-in-creation-order", evaluation.Misconception?.Id);
        Assert.Equal("0 1 2 3 4 5", evaluation.Answer);
    }

    [Fact]
    public void Another_wrong_order_is_incorrect_without_a_misconception()
    {
        var evaluation = Runnext.Evaluate("4 3 2 1 0 5", 0, grading: false);

        Assert.Equal(Verdict.Incorrect, evaluation.Verdict);
        Assert.Null(evaluation.Misconception);
    }

    [Fact]
    public void No_misread_is_ever_a_right_answer()
    {
        foreach (var exercise in ExerciseCatalog.All.OfType<PredictExercise>())
            for (var variant = 0; variant < exercise.Variants; variant++)
                foreach (var misread in exercise.Misreads)
                    Assert.NotEqual(exercise.RightAnswer(variant), exercise.Shape.Read(misread.WrongAnswer(variant)).Text);
    }

    [Fact]
    public void Every_prediction_scenario_runs_in_lockstep_and_completes()
    {
        foreach (var exercise in ExerciseCatalog.All.OfType<PredictExercise>())
            for (var variant = 0; variant < exercise.Variants; variant++)
            {
                var scenario = exercise.Scenario(variant);
                Assert.True(scenario.Options.Lockstep, $"{exercise.Id} variant {variant} is not Lockstep");
                Assert.Equal(Outcome.Completed, exercise.RunScenario(variant).Outcome);
            }
    }

    [Fact]
    public void The_program_shown_says_what_the_scenario_runs()
    {
        foreach (var exercise in ExerciseCatalog.All.OfType<PredictExercise>())
            for (var variant = 0; variant < exercise.Variants; variant++)
            {
                var scenario = exercise.Scenario(variant);
                Assert.Contains($"MaxProcs = {scenario.Options.MaxProcs}", scenario.Program);
                Assert.Contains($"Seed = {scenario.Options.Seed}", scenario.Program);
            }
    }

    [Fact]
    public void The_worked_answer_shows_the_answer_the_rules_and_a_scrubber()
    {
        var html = Runnext.RevealHtml(4);

        Assert.Contains(Runnext.RightAnswer(4), html);
        Assert.Contains("runnext", html);           // the reason of a GoStart
        Assert.Contains("Gosched", html);           // variant 4's program
        Assert.Contains("<svg", html);              // the scrubber's frames
    }

    [Fact]
    public void A_thread_count_prediction_reads_a_number_and_maps_gomaxprocs_to_its_misconception()
    {
        var threads = (PredictExercise)ExerciseCatalog.Find("01.syscall-threads")!;
        var right = threads.RightAnswer(0);

        Assert.Equal(Verdict.Correct, threads.Evaluate(int.Parse(right, System.Globalization.CultureInfo.InvariantCulture), 0, false).Verdict);
        Assert.Equal(Verdict.Correct, threads.Evaluate($" {right} ", 0, false).Verdict);
        Assert.Equal("gomaxprocs-caps-threads", threads.Evaluate(1, 0, false).Misconception?.Id);   // variant 0 has GOMAXPROCS = 1
        Assert.Equal(Verdict.Invalid, threads.Evaluate("a few", 0, false).Verdict);
    }

    [Fact]
    public void A_prediction_can_read_its_answer_off_a_paused_run()
    {
        // Where is the first goroutine main made (G6) once main has made three? The tail of P0's local queue, behind G5.
        var queue = new PredictExercise("98.where-g6", "Where G6 waits")
        {
            Scenario = _ => new PredictScenario("Which goroutines are in P0's local queue after main has made three?", "…", async () =>
            {
                var wg = new WaitGroup();
                for (var i = 0; i < 3; i++) { wg.Add(1); Runtime.Go(() => wg.Done()); }
                await wg.Wait();
            }, new RunOptions { MaxProcs = 1, Lockstep = true, Seed = 7 }),
            ObserveSteps = stepped =>
            {
                stepped.StepUntil(e => e.Kind == EventKind.GoCreate && e.G == 8);
                return stepped.Snapshot.Ps[0].Queue;
            },
        };

        Assert.Equal("5 6 7", queue.RightAnswer(0));
        Assert.Equal(Verdict.Correct, queue.Evaluate("G5 G6 G7", 0, false).Verdict);
    }

    [Fact]
    public void A_prediction_with_no_observable_or_two_says_so()
    {
        var neither = new PredictExercise("98.neither", "Neither")
        {
            Scenario = _ => new PredictScenario("?", "…", () => System.Threading.Tasks.Task.CompletedTask, new RunOptions { MaxProcs = 1, Lockstep = true }),
        };

        var error = Assert.Throws<System.InvalidOperationException>(() => neither.RightAnswer(0));
        Assert.Contains("exactly one of Observe", error.Message);
    }

    [Fact]
    public void Every_scenario_gives_the_same_observable_every_time_it_runs()
    {
        // The grader recomputes the right answer in its own process: it must not depend on the run.
        foreach (var exercise in ExerciseCatalog.All.OfType<PredictExercise>())
            for (var variant = 0; variant < exercise.Variants; variant++)
            {
                var first = Observed(exercise, variant);
                var second = Observed(exercise, variant);

                Assert.Equal(first, second);
                Assert.Equal(exercise.RightAnswer(variant), first);
            }
    }

    // The observable of one fresh run of a variant, read off the finished run (Observe) or the paused one (ObserveSteps).
    private static string? Observed(PredictExercise exercise, int variant)
    {
        if (exercise.Observe is not null)
            return exercise.Shape.Read(exercise.Observe(exercise.RunScenario(variant))).Text;
        var scenario = exercise.Scenario(variant);
        using var stepped = Runtime.Start(scenario.Main, scenario.Options);
        return exercise.Shape.Read(exercise.ObserveSteps!(stepped)).Text;
    }

    [Fact]
    public void A_worked_answer_without_scrubber_frames_stays_small_for_a_run_of_hundreds_of_goroutines()
    {
        // 04.overflow-ring starts 258 goroutines: its scrubber would be about a megabyte, so RevealFrames = 0 leaves it out.
        var overflow = (PredictExercise)ExerciseCatalog.Find("04.overflow-ring")!;

        var html = overflow.RevealHtml(0);

        Assert.Equal(0, overflow.RevealFrames);
        Assert.Contains(overflow.RightAnswer(0), html);
        Assert.Contains("runqputslow", html);        // the overflow event's reason, in the table
        Assert.DoesNotContain("<svg", html);
        Assert.True(html.Length < 100_000, $"{html.Length} characters");
    }
}
