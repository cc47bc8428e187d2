using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using static Goroutines.Runtime;

namespace Goroutines.Workbook.Exercises.Catalog;

/// <summary>The exercises of lesson 00 · Start here (runnext order, what Go(...) does, a loop-variable fix).</summary>
public static class Lesson00
{
    private static readonly LessonSection Explain = new("00-start-here.ipynb", "2 · Explain");

    /// <summary>The lesson's exercises, in the order the lesson asks them.</summary>
    public static IReadOnlyList<Exercise> Exercises { get; } = [RunnextOrder()];

    // ── 00.runnext-order ───────────────────────────────────────────────────────────────────────────────────────
    // Variants: 5–8 goroutines; in variants 4–7 main also calls Gosched once, half-way through the loop.
    private static readonly int[] GoroutineCounts = [6, 8, 5, 7, 6, 8, 5, 7];

    private static Exercise RunnextOrder() => new PredictExercise("00.runnext-order", "Who prints first?")
    {
        Points = 2,
        Variants = GoroutineCounts.Length,
        Section = Explain,
        Scenario = RunnextScenario,
        Observe = run => run.Output,
        Misreads = [new(MisconceptionCatalog.StartInCreationOrder, v => Enumerable.Range(0, GoroutineCounts[v]))],
        Hints =
        [
            "With one P, nothing you create runs until main blocks (or yields). Where does each new goroutine wait until then?",
            "Each new goroutine goes to runnext and pushes the previous one to the tail of the local queue. When main blocks, " +
            "schedule() takes runnext first, then the queue from its head. A Gosched sends main to the global queue, which " +
            "a P looks at only when its local queue is empty.",
        ],
        Why = "The newest goroutine waits in runnext and runs first; the others run from the queue's head, in the order they were pushed there.",
    };

    private static PredictScenario RunnextScenario(int variant)
    {
        var count = GoroutineCounts[variant];
        var yieldAt = variant >= 4 ? count / 2 - 1 : -1;
        var gosched = yieldAt < 0 ? "" : $"\n        if (i == {yieldAt}) await Gosched();";
        var source = $$"""
            Runtime.Run(async () =>
            {
                var wg = new WaitGroup();
                for (var i = 0; i < {{count}}; i++)
                {
                    var n = i;
                    wg.Add(1);
                    Go(async () => { Println(n); wg.Done(); });{{gosched}}
                }
                await wg.Wait();
            }, new RunOptions { MaxProcs = 1, Lockstep = true, Seed = 7 });
            """;
        return new PredictScenario(
            $"main starts {count} goroutines on one P; goroutine n prints n. In what order are the numbers printed?",
            source,
            async () =>
            {
                var wg = new WaitGroup();
                for (var i = 0; i < count; i++)
                {
                    var n = i;
                    wg.Add(1);
                    Go(() => { Println(n); wg.Done(); });
                    if (i == yieldAt)
                        await Gosched();
                }
                await wg.Wait();
            },
            new RunOptions { MaxProcs = 1, Lockstep = true, Seed = 7 });
    }
}
