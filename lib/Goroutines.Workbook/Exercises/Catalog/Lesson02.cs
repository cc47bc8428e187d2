using System;
using System.Collections.Generic;
using System.Linq;
using static Goroutines.Runtime;

namespace Goroutines.Workbook.Exercises.Catalog;

/// <summary>The exercises of lesson 02 · What go func() does (newproc, runnext, goroutine ids and dead Gs, the cost of a goroutine).</summary>
public static class Lesson02
{
    private static readonly LessonSection OneStep = new("02-what-go-func-does.ipynb", "1 · What Go(f) does, step by step");
    private static readonly LessonSection Runnext = new("02-what-go-func-does.ipynb", "2 · Who runs first: runnext");
    private static readonly LessonSection Ids = new("02-what-go-func-does.ipynb", "3 · Goroutine ids and dead Gs");
    private static readonly LessonSection Cost = new("02-what-go-func-does.ipynb", "4 · What a goroutine costs, next to a thread");

    // 02.child-order: how many goroutines main starts, and which of them starts one more (the Go references
    // tests/GoReference/newproc-child-runnext-k{K}p{P} record these six).
    private static readonly (int Count, int Parent)[] ChildVariants = [(4, 0), (5, 2), (3, 2), (6, 1), (5, 4), (4, 3)];

    // 02.new-goid: how many goroutines main starts one at a time (each ends before the next), then how many at once.
    private static readonly (int OneByOne, int Together)[] GoidVariants = [(3, 2), (2, 1), (1, 3), (4, 2), (2, 5), (5, 3)];

    /// <summary>What the child goroutine of 02.child-order prints (the answers are numbers).</summary>
    public const int Child = 100;

    /// <summary>The lesson's exercises, in the order the lesson asks them.</summary>
    public static IReadOnlyList<Exercise> Exercises => All.Value;

    // Built on first use, after every static field below is set, whatever their order.
    private static readonly Lazy<IReadOnlyList<Exercise>> All = new(() => [AfterGo(), ChildOrder(), NewGoid(), GoroutineCost()]);

    // ── 02.after-go ────────────────────────────────────────────────────────────────────────────────────────────
    private static Exercise AfterGo() => new ConceptExercise("02.after-go", "Where a new goroutine is")
    {
        Section = OneStep,
        Variants = 6,
        Question = "With one P, main calls Go(f) and the call returns; main has not blocked yet. Where is the new goroutine, and what is its status?",
        Choices =
        [
            "Running, on a new OS thread of its own.",
            "Runnable, in its P's runnext slot: it runs when main blocks or yields, before the goroutines already in the queue.",
            "Runnable, at the tail of its P's local queue, behind the goroutines made before it.",
            "Running already: Go(f) switches to the new goroutine at once, and main waits until it blocks or ends.",
        ],
        Salt = "02.after-go/7c2e",
        AnswerHashes = ["4d8ecb2766e18d6201ead2948a874c395eae86eb018feb921c95495220671a9d"],
        Misreads =
        [
            new("4f20b82201d662864353c6104693faea90a609a01342929c01a4ebe7776a4a20", MisconceptionCatalog.GoroutineIsAThread),
            new("35979c4d040dccab176742491feebdac5d697bb4f8123cd577bb94129296ca7b", MisconceptionCatalog.StartInCreationOrder),
        ],
        Hints =
        [
            "Look at the stepper's picture right after a GoCreate step: which goroutine is in the bold 'running' box, and where is the new one drawn?",
            "newproc calls runqput(pp, newg, next=true). What does next=true do, and who keeps the P?",
        ],
        Explanation = "newproc makes the G (from the P's free list, or a new one), gives it the next goroutine id and the status " +
            "_Grunnable, and puts it with runqput(next=true) in the slot the P runs next; the G that was there moves to the tail of " +
            "the local queue. The creator keeps its P and keeps running: nothing new runs until it blocks, yields or ends.",
        Why = "go f() only makes a runnable G and parks it in runnext; the creator keeps running.",
    };

    // ── 02.child-order ─────────────────────────────────────────────────────────────────────────────────────────
    private static Exercise ChildOrder() => new PredictExercise("02.child-order", "A goroutine that starts a goroutine")
    {
        Points = 2,
        Variants = ChildVariants.Length,
        Section = Runnext,
        Scenario = ChildScenario,
        Observe = run => run.Output,
        Misreads =
        [
            new(MisconceptionCatalog.StartInCreationOrder, v => Enumerable.Range(0, ChildVariants[v].Count).Append(Child)),
        ],
        Hints =
        [
            "First work out the order without the extra goroutine: the last one main creates is in runnext, the others wait in the queue in order.",
            $"The goroutine that prints {Child} is created while another goroutine runs, and by then runnext is empty. Where does newproc put it, and what does schedule() take first when its creator ends?",
        ],
        Why = "A goroutine made by a running goroutine goes into the empty runnext, so it runs right after its creator, ahead of the whole queue.",
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
                    Go(() =>
                    {
                        Println(n);
                        if (n == {{parent}})
                        {
                            wg.Add(1);
                            Go(() => { Println({{Child}}); wg.Done(); });
                        }
                        wg.Done();
                    });
                }
                await wg.Wait();
            }, new RunOptions { MaxProcs = 1, Lockstep = true, Seed = 7 });
            """;
        return new PredictScenario(
            $"main starts {count} goroutines on one P; goroutine {parent} prints its number and then starts one more goroutine, " +
            $"which prints {Child}. In what order are the numbers printed?",
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
                        Println(n);
                        if (n == parent)
                        {
                            wg.Add(1);
                            Go(() => { Println(Child); wg.Done(); });
                        }
                        wg.Done();
                    });
                }
                await wg.Wait();
            },
            new RunOptions { MaxProcs = 1, Lockstep = true, Seed = 7 });
    }

    // ── 02.new-goid ────────────────────────────────────────────────────────────────────────────────────────────
    private static Exercise NewGoid() => new PredictExercise("02.new-goid", "The id of a goroutine made after others ended")
    {
        Points = 2,
        Variants = GoidVariants.Length,
        Section = Ids,
        Shape = AnswerShape.Number,
        Scenario = GoidScenario,
        Observe = run => run.Events.Last(e => e.Kind == EventKind.GoCreate).G,
        Misreads =
        [
            new(MisconceptionCatalog.GoidReused, v => 5 + GoidVariants[v].Together),
        ],
        Hints =
        [
            "main is G1, and the runtime made G2 to G5 before main began (section 3), so main's first goroutine is G6.",
            "A goroutine made after another has ended reuses the dead G (gfget) — its struct, in Go also its stack — but newproc1 " +
            "gives it the next id from the P's batch all the same. Do ids ever go back?",
        ],
        Why = "Ids only grow: a reused G gets a fresh goroutine id, so the last goroutine's id counts every goroutine made before it.",
    };

    private static PredictScenario GoidScenario(int variant)
    {
        var (oneByOne, together) = GoidVariants[variant];
        var source = $$"""
            RunResult run = Runtime.Run(async () =>
            {
                for (var i = 0; i < {{oneByOne}}; i++)       // one at a time: each ends before the next is made
                {
                    var one = new WaitGroup();
                    one.Add(1);
                    Go(() => one.Done());
                    await one.Wait();
                }
                var all = new WaitGroup();
                for (var i = 0; i < {{together}}; i++)       // then {{together}} alive at once
                {
                    all.Add(1);
                    Go(() => all.Done());
                }
                await all.Wait();
            }, new RunOptions { MaxProcs = 1, Lockstep = true, Seed = 7 });
            """;
        return new PredictScenario(
            $"On one P, main makes {oneByOne} goroutine{(oneByOne == 1 ? "" : "s")} one at a time, each ending before the next is made, " +
            $"then {together} more at once. What goroutine id does the last goroutine main makes get? (main is G1; answer a number, like 7.)",
            source,
            async () =>
            {
                for (var i = 0; i < oneByOne; i++)
                {
                    var one = new WaitGroup();
                    one.Add(1);
                    Go(() => one.Done());
                    await one.Wait();
                }
                var all = new WaitGroup();
                for (var i = 0; i < together; i++)
                {
                    all.Add(1);
                    Go(() => all.Done());
                }
                await all.Wait();
            },
            new RunOptions { MaxProcs = 1, Lockstep = true, Seed = 7 });
    }

    // ── 02.goroutine-cost ──────────────────────────────────────────────────────────────────────────────────────
    private static Exercise GoroutineCost() => new ConceptExercise("02.goroutine-cost", "Why goroutines are cheap")
    {
        Section = Cost,
        Variants = 6,
        Question = "A Go program can keep 100,000 goroutines waiting at once; 100,000 OS threads would strain most machines. What makes the difference?",
        Choices =
        [
            "Each goroutine is an OS thread from a pool, so it is created only once and then reused.",
            "A goroutine starts with a small stack (2 KiB in Go) that grows when needed, and the Go runtime makes and switches goroutines itself, without a system call; a few threads run them all.",
            "Goroutines have no stack at all: a goroutine is only a function pointer waiting in a queue.",
            "Only GOMAXPROCS goroutines exist at a time; the others are kept as plain data until a P is free.",
        ],
        Salt = "02.goroutine-cost/e51b",
        AnswerHashes = ["fd6fa51b6c272a25818e7b5fea29026beacca6481c1f036ada2d10fd0780e8dd"],
        Misreads =
        [
            new("6e5e1bc6377e7828ef89c8173816e574899acaa922b303f96d2ecbe4de9760e6", MisconceptionCatalog.GoroutineIsAThread),
        ],
        Hints =
        [
            "Look at the Go figures in section 4: how much stack does each parked goroutine hold, and how many goroutines did NumGoroutine count?",
            "A thread is made by the operating system (a clone system call, a stack of its own reserved for it) and switched by the kernel. " +
            "What does newproc do instead, and where does the new G's memory come from?",
        ],
        Explanation = "newproc1 takes a dead G from the P's free list or makes one with malg and a 2 KiB stack that the runtime grows by " +
            "copying when a call needs more; all of it is the runtime's own memory, with no system call. Every goroutine that exists " +
            "has its G and stack (NumGoroutine counted all 10,000 parked ones), but the OS sees only the few Ms that run them.",
        Why = "A goroutine is a small runtime object with a small growable stack; the OS sees only the few threads that run them.",
    };
}
