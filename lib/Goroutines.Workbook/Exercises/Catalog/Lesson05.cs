using System;
using System.Collections.Generic;
using System.Linq;
using static Goroutines.Runtime;

namespace Goroutines.Workbook.Exercises.Catalog;

/// <summary>The exercises of lesson 05 · GOMAXPROCS (what it limits, threads past it in syscalls, speedup with a serial part).</summary>
public static class Lesson05
{
    private const string Notebook = "05-gomaxprocs.ipynb";
    private static readonly LessonSection PsThreadsCores = new(Notebook, "1 · Ps, threads and cores");
    private static readonly LessonSection Threads = new(Notebook, "2 · Does GOMAXPROCS cap the threads?");
    private static readonly LessonSection Speedup = new(Notebook, "4 · Speedup over 1, 2, 4 and 8 Ps");

    // 05.threads-in-syscalls: GOMAXPROCS, goroutines in a 1 ms syscall, goroutines doing 1 ms of CPU work (always at least
    // as many as Ps, so every P has Go code to run).
    private static readonly (int Procs, int InSyscall, int Cpu)[] ThreadVariants =
        [(2, 4, 2), (1, 3, 2), (1, 4, 4), (2, 3, 2), (4, 4, 4), (1, 5, 2), (2, 5, 2), (4, 5, 4)];

    // 05.serial-speedup: ms of serial work in main, goroutines of 1 ms each, Ps. The Ps never divide the goroutines evenly.
    private static readonly (int SerialMs, int Goroutines, int Procs)[] SpeedupVariants =
        [(2, 6, 4), (1, 10, 4), (2, 9, 4), (1, 6, 4), (3, 10, 4), (3, 7, 2), (2, 5, 2), (1, 7, 3)];

    /// <summary>The lesson's exercises, in the order the lesson asks them.</summary>
    public static IReadOnlyList<Exercise> Exercises => All.Value;

    // Built on first use, after every static field below is set, whatever their order.
    private static readonly Lazy<IReadOnlyList<Exercise>> All = new(() => [WhatGomaxprocsLimits(), ThreadsInSyscalls(), SerialSpeedup()]);

    // ── 05.what-gomaxprocs-limits ──────────────────────────────────────────────────────────────────────────────
    private static Exercise WhatGomaxprocsLimits() => new ConceptExercise("05.what-gomaxprocs-limits", "What GOMAXPROCS limits")
    {
        Section = PsThreadsCores,
        Variants = 6,
        Question = "runtime.GOMAXPROCS(4) on a machine with 2 cores. What does the 4 limit?",
        Choices =
        [
            "How many OS threads the program may create.",
            "How many CPU cores the program may use.",
            "How many goroutines may exist at once.",
            "How many goroutines may run Go code at the same moment: one per P.",
        ],
        Salt = "05.what-gomaxprocs-limits/5c2e",
        AnswerHashes = ["15485065f473fba4981e1422ef7a93e4d623ffa2f21c5ffb3e906f951dd0dfb9"],
        Misreads =
        [
            new("41a61dd45396fe25029a6844f6ba326c56a08d8dde08168a65312da16a6e66ce", MisconceptionCatalog.GomaxprocsCapsThreads),
            new("ab9097a329a3e6723aabf1fb583e1643cb0fd7acca42321d47e61bc826a94f4f", MisconceptionCatalog.PIsACore),
            new("19631296402f4a89920df646bfb461b09feaacc73bea1252a51c834e23a6db4b", MisconceptionCatalog.GoroutineIsAThread),
        ],
        Hints =
        [
            "Look at the picture of the run with MaxProcs = 4: count the P boxes, the threads, and the goroutines. Which number is 4?",
            "Go accepted GOMAXPROCS(8) on this 2-core machine, and the threads outnumbered GOMAXPROCS as soon as goroutines sat in syscalls. " +
            "What does an M need before it may run a goroutine?",
        ],
        Explanation = "GOMAXPROCS is the length of allp, the number of Ps (procresize makes exactly that many). An M runs Go code only " +
            "while it holds a P, so the Ps bound the goroutines running at once. Threads in syscalls hold no P and are not limited by it; " +
            "which core a thread runs on is the operating system's choice.",
        Why = "GOMAXPROCS is the number of Ps: the permits to run Go code, not threads and not cores.",
    };

    // ── 05.threads-in-syscalls ─────────────────────────────────────────────────────────────────────────────────
    private static Exercise ThreadsInSyscalls() => new PredictExercise("05.threads-in-syscalls", "Threads with goroutines in syscalls and at work")
    {
        Points = 2,
        Variants = ThreadVariants.Length,
        Section = Threads,
        Shape = AnswerShape.Number,
        Scenario = ThreadScenario,
        Observe = run => run.Stats.ThreadsCreated,
        Misreads =
        [
            new(MisconceptionCatalog.GomaxprocsCapsThreads, v => ThreadVariants[v].Procs),
            new(MisconceptionCatalog.GomaxprocsCapsThreads, v => ThreadVariants[v].Procs + 1),
            new(MisconceptionCatalog.GoroutineIsAThread, v => ThreadVariants[v].InSyscall + ThreadVariants[v].Cpu + 2),
        ],
        Hints =
        [
            "The syscalls all last 1 ms and all overlap. A thread in a syscall stays there with its goroutine; can it run anything else meanwhile?",
            "Count three things: a thread for every goroutine blocked in a syscall at the same time, a thread for every P that has Go code to run " +
            "(here every P has CPU work), and sysmon's own thread. The CPU-bound goroutines take turns on the Ps' threads.",
        ],
        Why = "Each goroutine in a blocking syscall keeps its thread, each P needs one more to go on running Go code, and sysmon has one: " +
              "GOMAXPROCS limits only the threads that hold a P.",
    };

    private static PredictScenario ThreadScenario(int variant)
    {
        var (procs, inSyscall, cpu) = ThreadVariants[variant];
        var source = $$"""
            RunResult run = Runtime.Run(async () =>
            {
                var wg = new WaitGroup();
                for (var i = 0; i < {{inSyscall}}; i++)
                {
                    wg.Add(1);
                    Go(async () => { await Syscall(TimeSpan.FromMilliseconds(1)); wg.Done(); });   // a blocking system call
                }
                for (var i = 0; i < {{cpu}}; i++)
                {
                    wg.Add(1);
                    Go(async () => { await Work(TimeSpan.FromMilliseconds(1)); wg.Done(); });      // CPU work
                }
                await wg.Wait();
            }, new RunOptions { MaxProcs = {{procs}}, Lockstep = true, Seed = 7 });
            """;
        return new PredictScenario(
            $"{inSyscall} goroutines each make a blocking system call of 1 ms and {cpu} goroutines each do 1 ms of CPU work, with " +
            $"GOMAXPROCS = {procs}. How many OS threads does the run create in all (run.Stats.ThreadsCreated, counting sysmon's)?",
            source,
            async () =>
            {
                var wg = new WaitGroup();
                for (var i = 0; i < inSyscall; i++)
                {
                    wg.Add(1);
                    Go(async () => { await Syscall(TimeSpan.FromMilliseconds(1)); wg.Done(); });
                }
                for (var i = 0; i < cpu; i++)
                {
                    wg.Add(1);
                    Go(async () => { await Work(TimeSpan.FromMilliseconds(1)); wg.Done(); });
                }
                await wg.Wait();
            },
            new RunOptions { MaxProcs = procs, Lockstep = true, Seed = 7 });
    }

    // ── 05.serial-speedup ──────────────────────────────────────────────────────────────────────────────────────
    private static Exercise SerialSpeedup() => new PredictExercise("05.serial-speedup", "Virtual time with a serial part")
    {
        Points = 2,
        Variants = SpeedupVariants.Length,
        Section = Speedup,
        Shape = AnswerShape.Number,
        Scenario = SpeedupScenario,
        // Whole virtual milliseconds from the start to the end of the run (the scheduler's own steps add a few µs).
        Observe = run => (int)Math.Round(run.Events[^1].TimeNs / 1e6),
        Misreads =
        [
            new(MisconceptionCatalog.MorePsAlwaysFaster, v => (SpeedupVariants[v].SerialMs + SpeedupVariants[v].Goroutines) / (decimal)SpeedupVariants[v].Procs),
            new(MisconceptionCatalog.MorePsAlwaysFaster, v => SpeedupVariants[v].SerialMs + SpeedupVariants[v].Goroutines / (decimal)SpeedupVariants[v].Procs),
        ],
        Hints =
        [
            "main works alone first: no other goroutine exists yet, so the other Ps have nothing to do. Then the goroutines start: how many can run at once?",
            "A 1 ms goroutine cannot be split between Ps. With n goroutines on p Ps they finish in rounds: ⌈n / p⌉ rounds of 1 ms, after the serial part.",
        ],
        Why = "The serial part runs on one P whatever GOMAXPROCS is, and whole goroutines fill the Ps in rounds: serial + ⌈n / p⌉ ms.",
    };

    private static PredictScenario SpeedupScenario(int variant)
    {
        var (serialMs, goroutines, procs) = SpeedupVariants[variant];
        var source = $$"""
            RunResult run = Runtime.Run(async () =>
            {
                await Work(TimeSpan.FromMilliseconds({{serialMs}}));   // the serial part: main alone
                var wg = new WaitGroup();
                for (var i = 0; i < {{goroutines}}; i++)
                {
                    wg.Add(1);
                    Go(async () => { await Work(TimeSpan.FromMilliseconds(1)); wg.Done(); });
                }
                await wg.Wait();
            }, new RunOptions { MaxProcs = {{procs}}, Lockstep = true, Seed = 7 });
            """;
        return new PredictScenario(
            $"main does {serialMs} ms of CPU work alone, then starts {goroutines} goroutines that each do 1 ms of CPU work, with " +
            $"GOMAXPROCS = {procs}. How long does the run take in virtual time? Answer in whole milliseconds (just the number).",
            source,
            async () =>
            {
                await Work(TimeSpan.FromMilliseconds(serialMs));
                var wg = new WaitGroup();
                for (var i = 0; i < goroutines; i++)
                {
                    wg.Add(1);
                    Go(async () => { await Work(TimeSpan.FromMilliseconds(1)); wg.Done(); });
                }
                await wg.Wait();
            },
            new RunOptions { MaxProcs = procs, Lockstep = true, Seed = 7 });
    }
}
