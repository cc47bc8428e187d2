using System;
using System.Linq;
using System.Threading.Tasks;
using static Goroutines.Runtime;

namespace Goroutines.Workbook.Tests;

using Goroutines.Workbook.Exercises;

/// <summary>Lesson 07's exercises: the code exercise runs without async preemption, its solution passes every seed and
/// near misses fail; the safe-point prediction is the first chunk that ends after sysmon's request.</summary>
public class Lesson07ExerciseTests
{
    private static CodeExercise GoschedHog => (CodeExercise)ExerciseCatalog.Find("07.gosched-hog")!;
    private static PredictExercise SafePointChunks => (PredictExercise)ExerciseCatalog.Find("07.safe-point-chunks")!;

    // The lesson's answer: 1 ms chunks, each followed by Gosched.
    private static async Task Yielding()
    {
        for (var k = 0; k < 60; k++)
        {
            await Work(TimeSpan.FromMilliseconds(1));
            await Gosched();
        }
    }

    // Nearly right: 60 safe points, but nobody yields before sysmon asks (after 10 ms).
    private static async Task ChunksOnly()
    {
        for (var k = 0; k < 60; k++)
            await Work(TimeSpan.FromMilliseconds(1));
    }

    // Nearly right: yields, but only every 5 ms.
    private static async Task YieldsEvery5Ms()
    {
        for (var k = 0; k < 12; k++)
        {
            await Work(TimeSpan.FromMilliseconds(5));
            await Gosched();
        }
    }

    // Lets the printer run by not working at all.
    private static async Task Sleeps()
    {
        for (var k = 0; k < 60; k++)
            await Sleep(TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public void The_gosched_hog_runs_without_async_preemption_on_one_P()
    {
        var options = GoschedHog.OptionsFor(0, 1);
        Assert.False(options.AsyncPreemption);
        Assert.Equal(1, options.MaxProcs);
        Assert.Contains("AsyncPreemption = false", GoschedHog.PromptHtml(0));
    }

    [Fact]
    public void Yielding_after_every_chunk_passes_every_seed()
    {
        var result = GoschedHog.Evaluate((Func<Task>)Yielding, 0, grading: false);
        Assert.Equal(Verdict.Correct, result.Verdict);
        Assert.Equal(GoschedHog.Seeds, result.Seeds);
    }

    [Theory]
    [InlineData(nameof(ChunksOnly), "lets the printer run within 3 ms")]
    [InlineData(nameof(YieldsEvery5Ms), "lets the printer run within 3 ms")]
    [InlineData(nameof(Sleeps), "does 60 ms of CPU work")]
    public void Near_misses_fail_with_the_rule_they_break(string program, string rule)
    {
        Func<Task> hog = program switch
        {
            nameof(ChunksOnly) => ChunksOnly,
            nameof(YieldsEvery5Ms) => YieldsEvery5Ms,
            _ => Sleeps,
        };
        var result = GoschedHog.Evaluate(hog, 0, grading: false);
        Assert.Equal(Verdict.Incorrect, result.Verdict);
        Assert.Contains(rule, result.Message);
        Assert.Contains("AsyncPreemption = false", result.DetailHtml);
    }

    [Fact]
    public void The_starter_makes_the_printer_wait_for_the_whole_hog()
    {
        var result = GoschedHog.Evaluate((Func<Task>)(async () => await Work(TimeSpan.FromMilliseconds(60))), 0, grading: false);
        Assert.Equal(Verdict.Incorrect, result.Verdict);
        Assert.Contains("60.0 ms", result.Message);
    }

    [Theory]
    [InlineData(0, "3")]   // 4 ms chunks: sysmon asks at 11.2 ms, the call at 12 ms stops the hog
    [InlineData(1, "4")]   // 3 ms: 12 ms
    [InlineData(2, "3")]   // 5 ms: 15 ms
    [InlineData(3, "2")]   // 6 ms: 12 ms
    [InlineData(4, "6")]   // 2 ms: 12 ms
    [InlineData(5, "2")]   // 7 ms: 14 ms
    public void The_hog_stops_at_the_first_call_after_sysmons_request(int variant, string chunks)
    {
        Assert.Equal(chunks, SafePointChunks.RightAnswer(variant));
        Assert.Contains("AsyncPreemption = false", SafePointChunks.PromptHtml(variant));
    }
}
