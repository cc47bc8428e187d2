using System;
using System.Linq;
using System.Threading.Tasks;
using static Goroutines.Runtime;

namespace Goroutines.Workbook.Tests;

using Goroutines.Workbook.Exercises;

/// <summary>Lesson 08's exercises: the concept's hashes, Amdahl's speedup compared to one decimal, and the split loop.</summary>
public class Lesson08ExerciseTests
{
    private static Exercise Find(string id) => ExerciseCatalog.Find(id)!;

    [Fact]
    public void Only_the_computing_program_needs_more_Ps_and_each_waiting_one_names_the_misconception()
    {
        var which = Find("08.which-needs-ps");
        Assert.Equal(Verdict.Correct, which.Evaluate("c", 0, false).Verdict);
        Assert.Equal(Verdict.Correct, which.Evaluate("8 goroutines that each compute for 20 ms without blocking.", 0, false).Verdict);
        foreach (var wrong in new[] { "a", "b", "d" })
        {
            var result = which.Evaluate(wrong, 0, false);
            Assert.Equal(Verdict.Incorrect, result.Verdict);
            Assert.Equal("concurrency-is-parallelism", result.Misconception?.Id);
        }
    }

    [Theory]
    [InlineData("2.3")]
    [InlineData("2.29")]
    [InlineData("2.2857")]
    [InlineData("2.25")]
    [InlineData("2.3x")]
    [InlineData("2.3×")]
    public void Amdahl_speedup_at_4_Ps_with_a_quarter_serial_is_read_to_one_decimal(string answer)
    {
        // Variant 0: 2 ms serial, 24 goroutines of 0.25 ms, 4 Ps: 1 / (0.25 + 0.75 / 4) = 2.2857…
        Assert.Equal(Verdict.Correct, Find("08.amdahl-speedup").Evaluate(answer, 0, false).Verdict);
    }

    [Fact]
    public void Amdahl_speedup_refuses_near_misses_and_names_the_ideal()
    {
        var amdahl = Find("08.amdahl-speedup");
        Assert.Equal(Verdict.Incorrect, amdahl.Evaluate("2.2", 0, false).Verdict);
        Assert.Equal(Verdict.Incorrect, amdahl.Evaluate(2.35, 0, false).Verdict);
        var ideal = amdahl.Evaluate(4, 0, false);
        Assert.Equal(Verdict.Incorrect, ideal.Verdict);
        Assert.Equal("more-ps-always-faster", ideal.Misconception?.Id);
        Assert.Equal(Verdict.Invalid, amdahl.Evaluate("about two", 0, false).Verdict);
    }

    [Fact]
    public void Every_Amdahl_variant_is_the_law_to_one_decimal()
    {
        var amdahl = (PredictExercise)Find("08.amdahl-speedup");
        for (var v = 0; v < amdahl.Variants; v++)
        {
            var run = amdahl.RunScenario(v);
            var procs = run.Options.MaxProcs;
            var serialNs = run.Events.First(e => e.Kind == EventKind.GoCreate && e.G != 1).TimeNs;   // main works alone until its first go
            var s = (double)serialNs / run.Stats.TimeInState!.RunningNs;
            var law = 1 / (s + (1 - s) / procs);
            Assert.Equal((decimal)Math.Round(law, 1, MidpointRounding.AwayFromZero),
                decimal.Parse(amdahl.RightAnswer(v), System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    // The solution: each chunk its own goroutine, main waits for all.
    private static async Task Split()
    {
        var wg = new WaitGroup();
        for (var chunk = 0; chunk < 8; chunk++)
        {
            wg.Add(1);
            Go(async () => { await Work(TimeSpan.FromMilliseconds(1)); wg.Done(); });
        }
        await wg.Wait();
    }

    // Also right: as many goroutines as Ps, each a share of the chunks.
    private static Func<Task> SplitInto(int workers) => async () =>
    {
        var wg = new WaitGroup();
        for (var w = 0; w < workers; w++)
        {
            var share = 8 / workers;
            wg.Add(1);
            Go(async () => { for (var c = 0; c < share; c++) await Work(TimeSpan.FromMilliseconds(1)); wg.Done(); });
        }
        await wg.Wait();
    };

    // The starter: the loop on main.
    private static async Task Serial()
    {
        for (var chunk = 0; chunk < 8; chunk++)
            await Work(TimeSpan.FromMilliseconds(1));
    }

    // Nearly: the chunks in goroutines, but main does not wait for them.
    private static Task NoWait()
    {
        for (var chunk = 0; chunk < 8; chunk++)
            Go(async () => await Work(TimeSpan.FromMilliseconds(1)));
        return Task.CompletedTask;
    }

    // Nearly: fast enough, but only because it skipped half the work.
    private static async Task HalfTheWork()
    {
        var wg = new WaitGroup();
        for (var chunk = 0; chunk < 4; chunk++)
        {
            wg.Add(1);
            Go(async () => { await Work(TimeSpan.FromMilliseconds(1)); wg.Done(); });
        }
        await wg.Wait();
    }

    [Fact]
    public void Split_loop_passes_every_seed_of_every_variant()
    {
        var split = Find("08.split-the-loop");
        for (var v = 0; v < split.Variants; v++)
            Assert.Equal(Verdict.Correct, split.Evaluate((Func<Task>)Split, v, false).Verdict);
        Assert.Equal(Verdict.Correct, split.Evaluate(SplitInto(4), 0, false).Verdict);   // variant 0 has 4 Ps
    }

    [Fact]
    public void Serial_loop_early_return_and_skipped_work_each_fail()
    {
        var split = Find("08.split-the-loop");
        var serial = split.Evaluate((Func<Task>)Serial, 0, false);
        Assert.Equal(Verdict.Incorrect, serial.Verdict);
        Assert.Contains("virtual time", serial.Message);
        Assert.Equal(Verdict.Incorrect, split.Evaluate((Func<Task>)NoWait, 0, false).Verdict);
        var half = split.Evaluate((Func<Task>)HalfTheWork, 0, false);
        Assert.Equal(Verdict.Incorrect, half.Verdict);
        Assert.Contains("8 ms", half.Message);
    }
}
