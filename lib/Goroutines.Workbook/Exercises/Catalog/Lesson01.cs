using System;
using System.Collections.Generic;
using System.Linq;
using static Goroutines.Runtime;

namespace Goroutines.Workbook.Exercises.Catalog;

/// <summary>The exercises of lesson 01 · Seeing the scheduler (a steal, a syscall handoff, what P is, where schedule() runs).</summary>
public static class Lesson01
{
    private static readonly LessonSection Stepping = new("01-seeing-the-scheduler.ipynb", "2 · One step at a time");
    private static readonly LessonSection Charts = new("01-seeing-the-scheduler.ipynb", "4 · The run at a glance: charts");

    // 01.p1-runs: how many busy goroutines main starts, and the seed of the Lockstep run.
    private static readonly (int Count, int Seed)[] StealVariants = [(12, 7), (10, 7), (8, 7), (14, 7), (12, 3), (9, 5)];

    // 01.syscall-threads: GOMAXPROCS and how many goroutines sit in a 1 ms syscall at once.
    private static readonly (int Procs, int Sleepers)[] SyscallVariants = [(1, 4), (2, 3), (1, 3), (2, 4), (1, 5), (2, 5)];

    /// <summary>The lesson's exercises, in the order the lesson asks them.</summary>
    public static IReadOnlyList<Exercise> Exercises => All.Value;

    // Built on first use, after every static field below is set, whatever their order.
    private static readonly Lazy<IReadOnlyList<Exercise>> All = new(() => [WhatIsP(), P1Runs(), SyscallThreads(), WhereScheduleRuns()]);

    // ── 01.what-is-p ───────────────────────────────────────────────────────────────────────────────────────────
    private static Exercise WhatIsP() => new ConceptExercise("01.what-is-p", "What a P is")
    {
        Section = Stepping,
        Variants = 6,
        Question = "In the G-M-P picture, what is a P?",
        Choices =
        [
            "A CPU core of the machine.",
            "An OS thread that runs goroutines.",
            "A logical processor: it owns a run queue and the right to run Go code, and an M must hold one to run goroutines.",
            "The scheduler's own thread, which hands goroutines to the Ms.",
        ],
        Salt = "01.what-is-p/a41c",
        AnswerHashes = ["e927eca61a38cec78503f4d595beb91b716e7e22acb4d61960bb997bc7101862"],
        Misreads =
        [
            new("fee799664e3faa1cc0a1a5158348003258745846c042ec6dccbb1fbbafd4fb7e", MisconceptionCatalog.PIsACore),
            new("f095416811835f58c5fafb3147c31bb04636f8d82e4e150a494174b956e3b696", MisconceptionCatalog.GoroutineIsAThread),
            new("a1b9cd0b69eb0171181254d66538afd6afc2c1b655ed3721062c9c9ab0f539a8", MisconceptionCatalog.SchedulerIsAThread),
        ],
        Hints =
        [
            "In the picture, what does a grey P box hold, and what joins an M to it?",
            "An M (thread) can sit in a syscall without a P, and a P can wait with no M at all. So a P is neither a thread nor a core: what does the box carry?",
        ],
        Explanation = "In the picture each P box carries a runnext slot and a local queue, and an M runs goroutines only while a " +
            "thick line joins it to a P. GOMAXPROCS is the number of these boxes; the operating system, not Go, decides which core a thread uses.",
        Why = "A P is the permission to run Go code, with the queue of work that comes with it.",
    };

    // ── 01.p1-runs ─────────────────────────────────────────────────────────────────────────────────────────────
    private static Exercise P1Runs() => new PredictExercise("01.p1-runs", "What P1 runs, and in what order")
    {
        Points = 3,
        Variants = StealVariants.Length,
        Section = Stepping,
        Scenario = StealScenario,
        Observe = run => run.Events.Where(e => e.Kind == EventKind.GoStart && e.P == 1).Select(e => e.G),
        Hints =
        [
            "Step through it with Views.Stepper (StepUntil a RunqSteal). P1 starts with nothing: everything it runs, it steals. " +
            "Remember the runtime's own goroutines (G2–G5), and that new ones are numbered from G6.",
            "runqsteal takes half of the other P's local queue, rounded up, from its head, and runs the last goroutine it took " +
            "at once; the others wait in P1's queue and run from its head. runnext is not stolen while its owner is running.",
        ],
        Why = "P1 only ever steals: half of P0's queue from the head, running the last one it took and queueing the rest.",
    };

    private static PredictScenario StealScenario(int variant)
    {
        var (count, seed) = StealVariants[variant];
        var source = $$"""
            Runtime.Run(async () =>
            {
                var wg = new WaitGroup();
                for (var i = 0; i < {{count}}; i++)
                {
                    wg.Add(1);
                    Go(async () => { await Work(TimeSpan.FromMicroseconds(200)); wg.Done(); });
                }
                await wg.Wait();
            }, new RunOptions { MaxProcs = 2, Lockstep = true, Seed = {{seed}} });
            """;
        return new PredictScenario(
            $"main starts {count} goroutines that each work for 200 µs, on two Ps. List the goroutines P1 runs, in order " +
            "(as goroutine numbers, e.g. \"G5 G6 …\"). main is G1.",
            source,
            async () =>
            {
                var wg = new WaitGroup();
                for (var i = 0; i < count; i++)
                {
                    wg.Add(1);
                    Go(async () => { await Work(TimeSpan.FromMicroseconds(200)); wg.Done(); });
                }
                await wg.Wait();
            },
            new RunOptions { MaxProcs = 2, Lockstep = true, Seed = seed });
    }

    // ── 01.syscall-threads ─────────────────────────────────────────────────────────────────────────────────────
    private static Exercise SyscallThreads() => new PredictExercise("01.syscall-threads", "Threads while goroutines sit in syscalls")
    {
        Points = 2,
        Variants = SyscallVariants.Length,
        Section = Charts,
        Shape = AnswerShape.Number,
        Scenario = SyscallScenario,
        Observe = run => run.Stats.ThreadsCreated,
        Misreads =
        [
            new(MisconceptionCatalog.GomaxprocsCapsThreads, v => SyscallVariants[v].Procs),
            new(MisconceptionCatalog.GomaxprocsCapsThreads, v => SyscallVariants[v].Procs + 1),
            new(MisconceptionCatalog.SyscallBlocksP, v => 2),
        ],
        Hints =
        [
            "Count the M that runs main, sysmon's own thread, and ask: while a goroutine's M is stuck in a 1 ms syscall, who runs the next goroutine on its P?",
            "sysmon retakes a P from an M that has been in a syscall for 20 µs or more and hands it to another M — a new thread when no idle one exists. " +
            "Each goroutine here blocks its thread in turn; when the last has started its syscall, the P is handed off once more.",
        ],
        Why = "Each blocking syscall keeps its thread; sysmon hands the P to a new thread, so threads grow past GOMAXPROCS.",
    };

    private static PredictScenario SyscallScenario(int variant)
    {
        var (procs, sleepers) = SyscallVariants[variant];
        var source = $$"""
            RunResult run = Runtime.Run(async () =>
            {
                var wg = new WaitGroup();
                for (var i = 0; i < {{sleepers}}; i++)
                {
                    wg.Add(1);
                    Go(async () => { await Syscall(TimeSpan.FromMilliseconds(1)); wg.Done(); });
                }
                await wg.Wait();
            }, new RunOptions { MaxProcs = {{procs}}, Lockstep = true, Seed = 7 });
            """;
        return new PredictScenario(
            $"{sleepers} goroutines each make a blocking system call of 1 ms, with GOMAXPROCS = {procs}. " +
            "How many OS threads does the run create in all (run.Stats.ThreadsCreated, counting sysmon's)?",
            source,
            async () =>
            {
                var wg = new WaitGroup();
                for (var i = 0; i < sleepers; i++)
                {
                    wg.Add(1);
                    Go(async () => { await Syscall(TimeSpan.FromMilliseconds(1)); wg.Done(); });
                }
                await wg.Wait();
            },
            new RunOptions { MaxProcs = procs, Lockstep = true, Seed = 7 });
    }

    // ── 01.where-schedule-runs ─────────────────────────────────────────────────────────────────────────────────
    private static Exercise WhereScheduleRuns() => new ConceptExercise("01.where-schedule-runs", "Where schedule() runs")
    {
        Section = Stepping,
        Question = "A goroutine running on M2 blocks on a channel receive. On which OS thread does schedule() run to pick the next goroutine? (a few words)",
        Salt = "01.where-schedule-runs/9d07",
        AnswerHashes =
        [
            "b6af35b2c9c0e5b68141c35ca94b331af6d9a5ab5abddfd658a768f30cd2cba1", "5485c3ee38ab8846be50d3ead658831b237e887e3c646c12128276d0bfb902c8",
            "fa38f59c1cded7018603a578179fd9477e68b85e2542e5b3a7f32c2e49299a5e", "5597e8000234ac51d2f6763681ca5e5ef12591c16c65b8ce3ce0380d26b98459",
            "6b84a44e7473cb20baee66c89c9c88ac391396ccf2a12c640ff0c58be4879cca", "2611e151b8aef0c53deac5f53c54a61eb8646a97bdf3898ca78f46b362faf413",
            "f87b0123144883db729db6561763c3f5d8a11e6740107664590033981c6b4545", "06cdb8a89f3285e182bbbcb128daba556675097d4082e42b5c93ce02350c0038",
            "c7655babc39ea366a6d1073eb86368a69e2f6a200d8a2731a2fa3006ad3f4b6a", "bea47d8d57d2f5f169650e20ea41aaafabb2dfd01ad8638f2f334bcccaf631ad",
            "b3061f9c6565d8eaa68edee4de040fdbd2c1164d18afa09cd00947a72a96bf17", "4ca9cf9ff1d83f2e726a20743b7d8db0874a861a79ddee8ec885795c8150e8a5",
            "6e8cb88d58c1aab4b1fa060a3b8b63b71b13d0380225678df281db3b698fe4b1", "3639494de2ee746f07d48bb64560e1bfb9111d506e05efe008e2f9d23881d979",
            "575166154f0d0d61f7175f9ddd13abc1f36dc00c56e563c442113347f644f1fc", "b761cb264e8a271068c5d5b0825b28c2ca64a3f60e3f450ca6c7048933b4da34",
        ],
        Misreads =
        [
            new("7ab8aff59bb459fa346699cd655b3d09bd1882eba88a5311125b2bfb8625a28f", MisconceptionCatalog.SchedulerIsAThread),
            new("368a214dbcb8ee2d7417740d19d7d3dba1531a28207218c680cc051b49f3d59d", MisconceptionCatalog.SchedulerIsAThread),
            new("19c30ef3cc21a945d7a03d4ffa228973c90da24eaab917143de541dab34f5b6a", MisconceptionCatalog.SchedulerIsAThread),
            new("a72ba232c6ed97e3bf894fa1f0e6df760ccb1b57a7bc26cec2a93efa521151fd", MisconceptionCatalog.SchedulerIsAThread),
        ],
        Hints =
        [
            "In the stepper, look at the M of the goroutine that blocks and at the M of the goroutine that starts next on that P.",
            "There is no scheduler thread: schedule() is code that every M runs itself (on its g0 stack) whenever its goroutine blocks, yields or ends. sysmon has no P and never runs goroutines.",
        ],
        Explanation = "Go has no scheduler thread. When a goroutine parks, its M switches to its own g0 stack and calls schedule() " +
            "there, then runs whatever that finds. In the stepper the next goroutine on that P starts on the very thread whose goroutine just blocked.",
        Why = "Every M is its own scheduler: schedule() runs on the M whose goroutine just stopped.",
    };
}
