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

    private static readonly LessonSection Intro = new("00-start-here.ipynb", "00 · Start here: ten goroutines, one processor");
    private static readonly LessonSection TwoPs = new("00-start-here.ipynb", "3 · Predict again: two processors");

    // 00.runnext-order: 5–8 goroutines; in variants 4–7 main also calls Gosched once, half-way through the loop.
    private static readonly int[] GoroutineCounts = [6, 8, 5, 7, 6, 8, 5, 7];

    /// <summary>The lesson's exercises, in the order the lesson asks them.</summary>
    public static IReadOnlyList<Exercise> Exercises => All.Value;

    // Built on first use, after every static field below is set, whatever their order.
    private static readonly Lazy<IReadOnlyList<Exercise>> All = new(() => [RunnextOrder(), WhatGoDoes(), LoopCapture()]);

    // ── 00.runnext-order ───────────────────────────────────────────────────────────────────────────────────────

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
        Why = "The newest goroutine waits in runnext and runs first; the others run from the queue's head, in the order they were pushed there. " +
              "(Your goroutines are G6 onwards: G6 prints 0, G7 prints 1, …; G5 is the runtime's finalizer goroutine, which prints nothing.)",
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

    // ── 00.what-go-does ────────────────────────────────────────────────────────────────────────────────────────
    private static Exercise WhatGoDoes() => new ConceptExercise("00.what-go-does", "What Go(f) does")
    {
        Section = Intro,
        Variants = 6,
        Question = "main is running on a P and calls Go(f). What happens at that moment?",
        Choices =
        [
            "A new OS thread starts, and f runs on it at once.",
            "main stops, and f runs until it finishes; then main goes on.",
            "A new goroutine for f is put in this P's runnext slot, and main keeps running.",
            "f joins the end of this P's run queue, behind the goroutines created before it.",
            "The scheduler's thread is woken up to decide where f will run.",
        ],
        Salt = "00.what-go-does/5b2e",
        AnswerHashes = ["c887b270476fd959c3cdb18441583eaed5bb84023a8cc994ea2300be8531adcc"],
        Misreads =
        [
            new("394920d52523f9da70dcc05f073f87763d6b850ed172b7301e6f0c2e2ddcb091", MisconceptionCatalog.GoroutineIsAThread),
            new("38e733936d4f8910585f019444336b51aef00e06b4dd8a17db3527f5aff65a4f", MisconceptionCatalog.RunsUntilFinished),
            new("92cf1693a5caf20715a38379a96e8b230076f79b63d46e5e66c993deb42324b6", MisconceptionCatalog.StartInCreationOrder),
            new("91224ae81bc3c7a4081dab6bcf50ecd514098993d6e254a37f66a1b3093b06ea", MisconceptionCatalog.SchedulerIsAThread),
        ],
        Hints =
        [
            "Look at the table in section 2: when does the first goroutine you created start, compared with the moment main called Go?",
            "Go(f) is Go's newproc: it makes a G and puts it somewhere on the current P, without a new thread and without switching. Which slot did the lesson say?",
        ],
        Explanation = "Go(f) is newproc: it makes a goroutine (a G, not a thread) and puts it on the current P, in the slot that is " +
            "run next; the goroutine that was there moves to the tail of the local queue. The caller keeps its P and goes on; " +
            "nothing switches until it blocks or yields.",
        Why = "Go(f) is newproc: a new G, no new thread, no switch.",
    };

    // ── 00.loop-capture ────────────────────────────────────────────────────────────────────────────────────────
    // Variants: the number of Ps the check runs with.
    private static readonly int[] CaptureProcs = [2, 1, 3, 4];

    private static Exercise LoopCapture() => new CodeExercise("00.loop-capture", "Each goroutine its own number")
    {
        Points = 3,
        Section = TwoPs,
        Variants = CaptureProcs.Length,
        MaxProcs = v => CaptureProcs[v],
        Task = v => "Numbers() should print 0 to 9, each exactly once, in any order, and return only when all ten have printed. " +
            "It doesn't. Fix it, then set answer = Numbers; and run the cell.",
        Starter = """
            async Task Numbers()
            {
                var wg = new WaitGroup();
                for (var i = 0; i < 10; i++)
                {
                    wg.Add(1);
                    Go(async () => { Println(i); wg.Done(); });
                }
                await wg.Wait();
            }
            """,
        Solution = """
            async Task Numbers()
            {
                var wg = new WaitGroup();
                for (var i = 0; i < 10; i++)
                {
                    var n = i;              // a fresh variable each time round: each goroutine gets its own
                    wg.Add(1);
                    Go(async () => { Println(n); wg.Done(); });
                }
                await wg.Wait();
            }
            """,
        Properties =
        [
            CodeProperty.Completes,
            CodeProperty.NoLeakedGoroutines,
            CodeProperty.PrintsEachOnce(_ => Enumerable.Range(0, 10).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))),
        ],
        Hints =
        [
            "Run it and look at what it prints: which value of i does each goroutine see, and when does it read it?",
            "A C# for loop has one variable i for the whole loop (like Go before 1.22), and a goroutine reads it only when it runs. " +
            "Copy it into a variable declared inside the loop body and print that.",
        ],
        Why = "Each goroutine captures its own copy, so what it prints no longer depends on when it runs.",
    };
}
