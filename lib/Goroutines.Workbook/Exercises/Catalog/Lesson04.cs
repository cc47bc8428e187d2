using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using static Goroutines.Runtime;

namespace Goroutines.Workbook.Exercises.Catalog;

/// <summary>
/// The exercises of lesson 04 · Run queues (runnext for a goroutine's child, Gosched to the global queue, the ring's
/// overflow, the 1-in-61 fairness check, stealing half a queue).
/// </summary>
public static class Lesson04
{
    internal const string Notebook = "04-run-queues.ipynb";
    internal static readonly LessonSection Ring = new(Notebook, "1 · runnext and the local ring");
    internal static readonly LessonSection Global = new(Notebook, "2 · Gosched and the global queue");
    internal static readonly LessonSection Overflow = new(Notebook, "3 · A full ring: runqputslow");
    internal static readonly LessonSection Fairness = new(Notebook, "4 · Fairness: every 61st schedtick");
    internal static readonly LessonSection Stealing = new(Notebook, "5 · Idle Ps steal: spinning Ms and runqsteal");

    // A scrubber keeps a few kB per step: the worked answers of runs with hundreds of goroutines list their events without one.
    private const int NoScrubber = 0;

    private static readonly RunOptions OneP = new() { MaxProcs = 1, Lockstep = true, Seed = 7 };

    // 04.child-runs-next: how many goroutines main starts, and which of them starts a child.
    private static readonly (int Count, int Parent)[] ChildVariants = [(5, 2), (6, 0), (7, 4), (7, 3), (6, 3), (5, 1)];

    // 04.gosched-order: how many workers, and how many rounds of "record, Gosched" each does.
    private static readonly (int Workers, int Rounds)[] GoschedVariants = [(3, 3), (2, 3), (3, 2), (4, 2), (2, 4), (3, 4)];

    // 04.overflow-ring: how many goroutines main starts (more than the ring's 256 slots).
    private static readonly int[] OverflowCounts = [258, 270, 300, 280, 290, 320];

    // 04.fairness-main: how many goroutines main starts before its Gosched, and how many Goscheds it does first.
    private static readonly (int Count, int Warmup)[] FairnessVariants = [(100, 0), (110, 6), (100, 2), (120, 3), (90, 5), (150, 4)];

    private static readonly string[] WorkerNames = ["A", "B", "C", "D"];

    /// <summary>The lesson's exercises, in the order the lesson asks them.</summary>
    public static IReadOnlyList<Exercise> Exercises => All.Value;

    // Built on first use, after every static field above is set, whatever their order.
    private static readonly Lazy<IReadOnlyList<Exercise>> All =
        new(() => [ChildRunsNext(), GoschedOrder(), OverflowRing(), FairnessMain(), StealHalf()]);

    // ── 04.child-runs-next ─────────────────────────────────────────────────────────────────────────────────────
    private static Exercise ChildRunsNext() => new PredictExercise("04.child-runs-next", "A goroutine's child")
    {
        Points = 2,
        Variants = ChildVariants.Length,
        Section = Ring,
        Scenario = ChildScenario,
        Observe = run => run.Output,
        Misreads =
        [
            // In creation order: main's goroutines, then the child.
            new(MisconceptionCatalog.StartInCreationOrder, v => Enumerable.Range(0, ChildVariants[v].Count).Append(100 + ChildVariants[v].Parent)),
            // runnext for main's last goroutine, but the child queued behind everything.
            new(MisconceptionCatalog.StartInCreationOrder, v =>
            {
                var (count, parent) = ChildVariants[v];
                return new[] { count - 1 }.Concat(Enumerable.Range(0, count - 1)).Append(100 + parent);
            }),
        ],
        Hints =
        [
            "Which slot does a new goroutine go to — on which P? The child is made by a goroutine, not by main, but on the same (only) P.",
            "newproc puts every new goroutine in its P's runnext, whoever creates it. When its parent finishes, schedule() looks at runnext " +
            "before the local ring, so the child runs next, ahead of the goroutines still waiting in the ring.",
        ],
        Why = "Every new goroutine goes to its P's runnext, so a child runs as soon as its parent stops — ahead of the ring.",
    };

    private static PredictScenario ChildScenario(int variant)
    {
        var (count, parent) = ChildVariants[variant];
        var source = $$"""
            Runtime.Run(async () =>
            {
                var wg = new WaitGroup();
                for (var i = 0; i < {{count}}; i++)
                {
                    var n = i;
                    wg.Add(1);
                    Go(async () =>
                    {
                        if (n == {{parent}})
                        {
                            wg.Add(1);
                            Go(async () => { Println(100 + n); wg.Done(); });   // the child prints {{100 + parent}}
                        }
                        Println(n);
                        wg.Done();
                    });
                }
                await wg.Wait();
            }, new RunOptions { MaxProcs = 1, Lockstep = true, Seed = 7 });
            """;
        return new PredictScenario(
            $"main starts {count} goroutines on one P; goroutine n prints n, and goroutine {parent} first starts a child " +
            $"that prints {100 + parent}. In what order are the numbers printed?",
            source,
            async () =>
            {
                var wg = new WaitGroup();
                for (var i = 0; i < count; i++)
                {
                    var n = i;
                    wg.Add(1);
                    Go(() =>
                    {
                        if (n == parent)
                        {
                            wg.Add(1);
                            Go(() => { Println(100 + n); wg.Done(); });
                        }
                        Println(n);
                        wg.Done();
                    });
                }
                await wg.Wait();
            },
            OneP);
    }

    // ── 04.gosched-order ───────────────────────────────────────────────────────────────────────────────────────
    private static Exercise GoschedOrder() => new PredictExercise("04.gosched-order", "Workers that yield")
    {
        Points = 2,
        Variants = GoschedVariants.Length,
        Section = Global,
        Shape = AnswerShape.Words,
        Scenario = GoschedScenario,
        Observe = run => string.Join(" ", run.Output),
        Misreads =
        [
            // Gosched puts the worker straight back in front of its own P's queue: each worker runs all its rounds at once, newest first.
            new(MisconceptionCatalog.GoschedStaysLocal, v =>
            {
                var (workers, rounds) = GoschedVariants[v];
                var order = new[] { workers - 1 }.Concat(Enumerable.Range(0, workers - 1));
                return string.Join(" ", order.SelectMany(w => Enumerable.Range(0, rounds).Select(r => WorkerNames[w] + r)));
            }),
            // Round by round, in creation order.
            new(MisconceptionCatalog.StartInCreationOrder, v =>
            {
                var (workers, rounds) = GoschedVariants[v];
                return string.Join(" ", Enumerable.Range(0, rounds).SelectMany(r => Enumerable.Range(0, workers).Select(w => WorkerNames[w] + r)));
            }),
        ],
        Hints =
        [
            "Who runs first: the worker created last is in runnext. Then: where does a worker go when it calls Gosched, and when does " +
            "the P look there?",
            "Gosched puts the caller on the tail of the global queue. The P takes the local queue first; when that is empty it takes a " +
            "batch from the global queue's head (min(size/GOMAXPROCS+1, size, 128) goroutines), runs the first and queues the rest locally.",
        ],
        Why = "Each Gosched sends the worker to the global queue's tail, so the workers take turns in the order they first yielded.",
    };

    private static PredictScenario GoschedScenario(int variant)
    {
        var (workers, rounds) = GoschedVariants[variant];
        var names = string.Join(", ", WorkerNames.Take(workers).Select(n => $"\"{n}\""));
        var source = $$"""
            Runtime.Run(async () =>
            {
                var wg = new WaitGroup();
                foreach (var id in new[] { {{names}} })
                {
                    wg.Add(1);
                    Go(async () =>
                    {
                        for (var i = 0; i < {{rounds}}; i++)
                        {
                            Println(id + i);
                            await Gosched();
                        }
                        wg.Done();
                    });
                }
                await wg.Wait();
            }, new RunOptions { MaxProcs = 1, Lockstep = true, Seed = 7 });
            """;
        return new PredictScenario(
            $"main starts {workers} workers on one P; each prints its name and round ({WorkerNames[0]}0, {WorkerNames[0]}1, …) " +
            $"and calls Gosched, {rounds} times. What is printed, in order (e.g. \"{WorkerNames[0]}0 {WorkerNames[1]}0 …\")?",
            source,
            async () =>
            {
                var wg = new WaitGroup();
                foreach (var id in WorkerNames.Take(workers))
                {
                    wg.Add(1);
                    Go(async () =>
                    {
                        for (var i = 0; i < rounds; i++)
                        {
                            Println(id + i);
                            await Gosched();
                        }
                        wg.Done();
                    });
                }
                await wg.Wait();
            },
            OneP);
    }

    // ── 04.overflow-ring ───────────────────────────────────────────────────────────────────────────────────────
    private static Exercise OverflowRing() => new PredictExercise("04.overflow-ring", "How full is the ring?")
    {
        Points = 3,
        Variants = OverflowCounts.Length,
        Section = Overflow,
        Shape = AnswerShape.Number,
        Scenario = OverflowScenario,
        ObserveSteps = stepped =>
        {
            stepped.StepUntil(e => e.Kind == EventKind.GoBlock && e.G == 1);   // main waits in wg.Wait
            return stepped.Snapshot.Ps[0].Queue.Count;
        },
        RevealEvents = [EventKind.RunqOverflow, EventKind.GoBlock, EventKind.GlobalRunqGet],
        RevealFrames = NoScrubber,
        Misreads =
        [
            new(MisconceptionCatalog.LocalQueueUnbounded, v => OverflowCounts[v] - 1),
            new(MisconceptionCatalog.LocalQueueUnbounded, v => OverflowCounts[v]),
        ],
        Hints =
        [
            "The ring has 256 slots, and G5 (the runtime's finalizer goroutine) is already in it when main's first Go call pushes it out " +
            "of runnext. What happens when a goroutine must go to the tail of a full ring?",
            "runqputslow moves the first half of the ring (128) plus the goroutine that did not fit — 129 in all — to the global queue. " +
            "After that the ring has 128 and fills again, one slot per new goroutine, while the newest waits in runnext.",
        ],
        Why = "The ring holds at most 256: when it is full, runqputslow moves half of it plus one to the global queue.",
    };

    private static PredictScenario OverflowScenario(int variant)
    {
        var count = OverflowCounts[variant];
        var source = $$"""
            Runtime.Run(async () =>
            {
                var wg = new WaitGroup();
                for (var i = 0; i < {{count}}; i++)
                {
                    var n = i;
                    wg.Add(1);
                    Go(async () => { Println(n); wg.Done(); });
                }
                await wg.Wait();   // how many goroutines are in P0's local ring now?
            }, new RunOptions { MaxProcs = 1, Lockstep = true, Seed = 7 });
            """;
        return new PredictScenario(
            $"main starts {count} goroutines on one P, then waits in wg.Wait. At that moment, how many goroutines are in P0's local " +
            "ring (the queue, not counting runnext)?",
            source,
            async () =>
            {
                var wg = new WaitGroup();
                for (var i = 0; i < count; i++)
                {
                    var n = i;
                    wg.Add(1);
                    Go(() => { Println(n); wg.Done(); });
                }
                await wg.Wait();
            },
            OneP);
    }

    // ── 04.fairness-main ───────────────────────────────────────────────────────────────────────────────────────
    private static Exercise FairnessMain() => new PredictExercise("04.fairness-main", "When does main come back?")
    {
        Points = 3,
        Variants = FairnessVariants.Length,
        Section = Fairness,
        Shape = AnswerShape.Number,
        Scenario = FairnessScenario,
        Observe = run => run.Output.TakeWhile(line => line != "main").Count(),
        RevealEvents = [EventKind.GoStop, EventKind.GlobalRunqGet],
        RevealFrames = NoScrubber,
        Misreads = [new(MisconceptionCatalog.GlobalOnlyWhenLocalEmpty, v => FairnessVariants[v].Count)],
        Hints =
        [
            "After its Gosched, main waits in the global queue. A P looks there first once every 61 schedticks. Which starts count as a " +
            "tick, and what is P0's schedtick when main yields? (Step it: each GoStart's reason says the schedtick.)",
            "The goroutine in runnext shares main's time slice (no tick). Every start from the ring, G5 included, is one tick. At the first " +
            "start whose schedtick would be a multiple of 61, findRunnable takes main from the global queue first — if the ring has not run dry before.",
        ],
        Why = "Every 61st schedtick a P takes one goroutine from the global queue before its own, so the global queue never starves.",
    };

    private static PredictScenario FairnessScenario(int variant)
    {
        var (count, warmup) = FairnessVariants[variant];
        var warm = warmup == 0 ? "" : $"\n        for (var w = 0; w < {warmup}; w++) await Gosched();   // a few yields first";
        var source = $$"""
            Runtime.Run(async () =>
            {{{warm}}
                var wg = new WaitGroup();
                for (var i = 0; i < {{count}}; i++)
                {
                    var n = i;
                    wg.Add(1);
                    Go(async () => { Println(n); wg.Done(); });
                }
                await Gosched();
                Println("main");
                await wg.Wait();
            }, new RunOptions { MaxProcs = 1, Lockstep = true, Seed = 7 });
            """;
        return new PredictScenario(
            $"main {(warmup == 0 ? "" : $"calls Gosched {warmup} times, then ")}starts {count} goroutines on one P (goroutine n prints n), " +
            "calls Gosched and prints \"main\". How many numbers are printed before \"main\"?",
            source,
            async () =>
            {
                for (var w = 0; w < warmup; w++)
                    await Gosched();
                var wg = new WaitGroup();
                for (var i = 0; i < count; i++)
                {
                    var n = i;
                    wg.Add(1);
                    Go(() => { Println(n); wg.Done(); });
                }
                await Gosched();
                Println("main");
                await wg.Wait();
            },
            OneP);
    }

    // ── 04.steal-half ──────────────────────────────────────────────────────────────────────────────────────────
    private static Exercise StealHalf() => new ConceptExercise("04.steal-half", "What a thief takes")
    {
        Section = Stealing,
        Variants = 6,
        Question = "Two Ps. P0's M is running a goroutine; P0's local ring holds 7 more goroutines, and one waits in its runnext. " +
            "P1 has run out of work, and its M is spinning. What does P1's runqsteal do?",
        Choices =
        [
            "Nothing: a P without work only takes goroutines from the global queue.",
            "It takes all 7 goroutines of P0's ring and runs the first.",
            "It takes 4 goroutines from the head of P0's ring (half, rounded up), runs the last one it took, and puts the other 3 in its own ring.",
            "It takes 3 goroutines from the tail of P0's ring (half, rounded down) and runs the first.",
            "It takes the goroutine in P0's runnext, because that one would run next.",
        ],
        Salt = "04.steal-half/c3e8",
        AnswerHashes = ["d8c2f78cbccfe4c91356f32b915646f3f7d571268fe0d519797164d0c810bf22"],
        Misreads =
        [
            new("2d7c2e32919780c11f35185bfb06c7c3b92a966f06da4d20cec41480f0e7dcd4", MisconceptionCatalog.IdlePOnlyTakesGlobalWork),
        ],
        Hints =
        [
            "Step the lesson's run to a RunqSteal: its reason says how many goroutines the thief took and which one it runs.",
            "runqgrab takes n - n/2 of the victim's ring from its head; runqsteal runs the last of them at once. runnext is left alone while " +
            "its owner runs (stealWork touches it only in its last round, and only after a short wait).",
        ],
        Explanation = "stealWork visits the other Ps in a random order (stealOrder) for up to four rounds; from the first with work, " +
            "runqgrab takes half of its ring, rounded up, from the head. runqsteal returns the last goroutine it grabbed to run now and " +
            "publishes the others in the thief's own ring. The victim's runnext is taken only in the last round, after a short wait.",
        Why = "A thief takes half of the victim's ring, rounded up, from its head, and runs the last one it took.",
    };
}
