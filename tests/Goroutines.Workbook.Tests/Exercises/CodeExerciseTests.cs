using System;
using System.Linq;
using System.Threading.Tasks;
using static Goroutines.Runtime;

namespace Goroutines.Workbook.Tests;

using Goroutines.Workbook.Exercises;

public class CodeExerciseTests
{
    private static CodeExercise LoopCapture => (CodeExercise)ExerciseCatalog.Find("00.loop-capture")!;

    // The lesson's fix: a variable of its own in each round of the loop.
    private static async Task Fixed()
    {
        var wg = new WaitGroup();
        for (var i = 0; i < 10; i++)
        {
            var n = i;
            wg.Add(1);
            Go(() => { Println(n); wg.Done(); });
        }
        await wg.Wait();
    }

    // The lesson's starter: every goroutine reads the loop's one variable when it runs.
    private static async Task Captured()
    {
        var wg = new WaitGroup();
        for (var i = 0; i < 10; i++)
        {
            wg.Add(1);
            Go(() => { Println(i); wg.Done(); });
        }
        await wg.Wait();
    }

    // A lost update: read, work, write back — two Ps interleave it under some schedules.
    private static async Task RacyCounter()
    {
        var count = 0;
        var wg = new WaitGroup();
        for (var i = 0; i < 4; i++)
        {
            wg.Add(1);
            Go(async () =>
            {
                var seen = count;
                await Work(TimeSpan.FromMicroseconds(1));
                count = seen + 1;
                wg.Done();
            });
        }
        await wg.Wait();
        Println(count);
    }

    // main waits for a value nobody sends.
    private static async Task Deadlocks()
    {
        var ch = new Chan<int>();
        Go(async () => await ch.Send(1));
        await ch.Recv();
        await ch.Recv();
    }

    // main returns while a goroutine still waits.
    private static async Task Leaks()
    {
        var ch = new Chan<int>();
        for (var i = 0; i < 10; i++)
        {
            var n = i;
            Go(() => Println(n));
        }
        Go(async () => await ch.Recv());
        await Sleep(TimeSpan.FromMilliseconds(1));
    }

    private static CodeExercise Counter() => new("99.counter", "Count to four")
    {
        Task = _ => "Count to four with four goroutines.",
        MaxProcs = _ => 2,
        Properties = [CodeProperty.Completes, CodeProperty.PrintsExactly(_ => ["4"])],
    };

    [Fact]
    public void A_correct_solution_passes_every_seed_of_every_variant()
    {
        for (var variant = 0; variant < LoopCapture.Variants; variant++)
        {
            var evaluation = LoopCapture.Evaluate((Func<Task>)Fixed, variant, grading: false);

            Assert.Equal(Verdict.Correct, evaluation.Verdict);
            Assert.Equal(LoopCapture.Seeds, evaluation.Seeds);
            Assert.Null(evaluation.FailingSeed);
        }
    }

    [Fact]
    public void The_captured_loop_variable_is_caught_with_the_seed_the_property_and_a_timeline()
    {
        var evaluation = LoopCapture.Evaluate((Func<Task>)Captured, 0, grading: false);

        Assert.Equal(Verdict.Incorrect, evaluation.Verdict);
        Assert.NotNull(evaluation.FailingSeed);
        Assert.Contains($"seed {evaluation.FailingSeed}", evaluation.Message);
        Assert.Contains("prints every value exactly once", evaluation.Message);
        Assert.Contains($"Seed = {evaluation.FailingSeed}", evaluation.DetailHtml);
        Assert.Contains("plotly", evaluation.DetailHtml, StringComparison.OrdinalIgnoreCase);   // Charts.Timeline of the failing run, as a chart
    }

    [Fact]
    public void The_reported_seed_replays_the_failure()
    {
        var evaluation = LoopCapture.Evaluate((Func<Task>)Captured, 0, grading: false);

        var replay = Runtime.Run(Captured, LoopCapture.OptionsFor(0, evaluation.FailingSeed!.Value));

        Assert.NotEqual(Enumerable.Range(0, 10).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).Order(), replay.Output.Order());
    }

    [Fact]
    public void A_race_is_caught_and_its_seed_replays_the_lost_update()
    {
        var counter = Counter();
        var outcomes = counter.SeedsFor(false).Select(seed => Runtime.Run(RacyCounter, counter.OptionsFor(0, seed)).OutputLine).ToList();

        var evaluation = counter.Evaluate((Func<Task>)RacyCounter, 0, grading: false);
        var replay = Runtime.Run(RacyCounter, counter.OptionsFor(0, evaluation.FailingSeed!.Value));

        Assert.Contains(outcomes, o => o != "4");                       // the schedules do break it
        Assert.Equal(Verdict.Incorrect, evaluation.Verdict);
        Assert.NotEqual("4", replay.OutputLine);
        Assert.Equal(outcomes[counter.SeedsFor(false).ToList().IndexOf(evaluation.FailingSeed.Value)], replay.OutputLine);
    }

    [Fact]
    public void A_deadlock_is_caught_with_gos_message()
    {
        var evaluation = Counter().Evaluate((Func<Task>)Deadlocks, 0, grading: false);

        Assert.Equal(Verdict.Incorrect, evaluation.Verdict);
        Assert.Equal(1, evaluation.FailingSeed);
        Assert.Contains("Deadlock", evaluation.Message);
        Assert.Contains("all goroutines are asleep - deadlock!", evaluation.DetailHtml);
    }

    [Fact]
    public void A_leaked_goroutine_is_caught()
    {
        var evaluation = LoopCapture.Evaluate((Func<Task>)Leaks, 0, grading: false);

        Assert.Equal(Verdict.Incorrect, evaluation.Verdict);
        Assert.Contains("still alive when main returned", evaluation.Message);
    }

    [Fact]
    public void Grading_runs_hidden_extra_seeds()
    {
        var notebook = LoopCapture.SeedsFor(grading: false);
        var graded = LoopCapture.SeedsFor(grading: true);

        Assert.Equal(LoopCapture.Seeds + LoopCapture.GradingSeeds, graded.Count);
        Assert.Equal(notebook, graded.Take(notebook.Count));
        Assert.Equal(graded.Count, graded.Distinct().Count());
        Assert.Equal(Verdict.Correct, LoopCapture.Evaluate((Func<Task>)Fixed, 0, grading: true).Verdict);
        Assert.Equal(graded.Count, LoopCapture.Evaluate((Func<Task>)Fixed, 0, grading: true).Seeds);
    }

    [Fact]
    public void No_program_is_not_answered_yet_and_a_value_is_the_wrong_shape()
    {
        Assert.Equal(Verdict.Unanswered, LoopCapture.Evaluate(null, 0, false).Verdict);
        var wrong = LoopCapture.Evaluate("0 1 2", 0, false);
        Assert.Equal(Verdict.Invalid, wrong.Verdict);
        Assert.Contains("Func<Task>", wrong.Message);
    }

    [Fact]
    public void Other_properties_report_what_broke()
    {
        var run = Runtime.Run(Fixed, new RunOptions { MaxProcs = 2, Lockstep = true, Seed = 1 });

        Assert.Null(CodeProperty.WithinVirtualTime(TimeSpan.FromMilliseconds(10)).Check(run, 0));
        Assert.Contains("virtual time", CodeProperty.WithinVirtualTime(TimeSpan.FromTicks(1)).Check(run, 0));
        Assert.Null(CodeProperty.PrintsExactly(_ => run.Output).Check(run, 0));
        var oneP = Runtime.Run(async () => await Work(TimeSpan.FromMicroseconds(5)), new RunOptions { MaxProcs = 3, Lockstep = true, Seed = 1 });
        Assert.Contains("never ran a goroutine", CodeProperty.EveryPBusy.Check(oneP, 0));
    }

    // An exercise whose answer is a worker, not a main: three workers drain a channel of 0 … 9.
    private static CodeExercise Workers() => new("98.workers", "Drain the channel")
    {
        Task = _ => "Write a worker that prints every value it receives until the channel is closed.",
        Expected = "a worker, Func<Chan<int>, Task>",
        Wrap = (answer, _) => answer is Func<Chan<int>, Task> worker
            ? async () =>
            {
                var ch = new Chan<int>();
                var wg = new WaitGroup();
                for (var w = 0; w < 3; w++)
                {
                    wg.Add(1);
                    Go(async () => { await worker(ch); wg.Done(); });
                }
                for (var i = 0; i < 10; i++)
                    await ch.Send(i);
                ch.Close();
                await wg.Wait();
            }
            : null,
        Properties = [CodeProperty.Completes, CodeProperty.NoLeakedGoroutines,
                      CodeProperty.PrintsEachOnce(_ => Enumerable.Range(0, 10).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)))],
    };

    [Fact]
    public void An_exercise_can_take_its_own_delegate_shape()
    {
        Func<Chan<int>, Task> drains = async ch =>
        {
            while (true)
            {
                var (value, ok) = await ch.RecvOk();
                if (!ok)
                    return;
                Println(value);
            }
        };
        Func<Chan<int>, Task> takesOne = async ch => Println(await ch.Recv());

        Assert.Equal(Verdict.Correct, Workers().Evaluate(drains, 0, false).Verdict);
        var once = Workers().Evaluate(takesOne, 0, false);
        Assert.Equal(Verdict.Incorrect, once.Verdict);
        Assert.Contains("Deadlock", once.Message);   // main waits to send the fourth value
        var shape = Workers().Evaluate((Func<Task>)Fixed, 0, false);
        Assert.Equal(Verdict.Invalid, shape.Verdict);
        Assert.Contains("a worker, Func<Chan<int>, Task>", shape.Message);
    }
}
