using System;
using System.Collections.Generic;
using System.Linq;
using static Goroutines.Runtime;

namespace Goroutines.Workbook.Exercises.Catalog;

/// <summary>The exercises of lesson 03 · G, M and P (a syscall handoff, why P is logical, where the scheduler runs).</summary>
public static class Lesson03
{
    private static readonly LessonSection Handoff = new("03-g-m-and-p.ipynb", "2 · A system call: the P moves to another thread");
    private static readonly LessonSection WhereSchedulerRuns = new("03-g-m-and-p.ipynb", "4 · Where the scheduler runs");


    // 03.who-runs-after-handoff: how many plain workers main starts after the syscall goroutine, how long the
    // syscall takes (µs), and whether a goroutine that sleeps 200 µs comes last. Each variant has its own answer,
    // and none is the lesson's own program (2 workers, 300 µs, a sleeper), whose answer the lesson shows.
    private static readonly (int Workers, int SyscallUs, bool Sleeper)[] HandoffVariants =
        [(1, 200, true), (1, 300, true), (3, 600, true), (2, 250, false), (2, 500, true), (3, 200, true)];

    /// <summary>The lesson's exercises, in the order the lesson asks them.</summary>
    public static IReadOnlyList<Exercise> Exercises => All.Value;

    // Built on first use, after every static field below is set, whatever their order.
    private static readonly Lazy<IReadOnlyList<Exercise>> All = new(() => [WhoRunsAfterHandoff(), WhyPIsLogical(), SchedulerContext()]);

    // ── 03.why-p-is-logical ────────────────────────────────────────────────────────────────────────────────────
    private static Exercise WhyPIsLogical() => new ConceptExercise("03.why-p-is-logical", "Why a P is a logical processor")
    {
        Section = Handoff,
        Variants = 6,
        Question = "Why does Go's runtime run goroutines through logical processors (Ps) instead of tying its queues to the machine's cores or to its threads?",
        Choices =
        [
            "Because a P is a CPU core: the runtime pins each P to one core, so a goroutine never moves between cores.",
            "Because the scheduling state (run queue, runnext, timers, free Gs, caches) must outlive a thread that blocks in a system call: the P carries it to another thread, and the queued goroutines keep running.",
            "Because GOMAXPROCS caps how many threads a Go program may create, and each P is one of those threads.",
            "Because when a thread blocks in a system call, the goroutines queued behind it must wait for it anyway; a P only makes that wait cheaper.",
        ],
        Salt = "03.why-p-is-logical/7e2b",
        AnswerHashes = ["23b4737c19afa266b24c94a206871508df53b6515bd953c511f00eb0e889b980"],
        Misreads =
        [
            new("3c09af3e763a4e0188a680a8c17b554ac166e8d3fa5c19b229eada8eb768e8ce", MisconceptionCatalog.PIsACore),
            new("7c93e15b0f9367f33d8f5d282134f1c55fe28ffe14a3b85f15b4136f13a2ea7d", MisconceptionCatalog.GomaxprocsCapsThreads),
            new("91fd52aad8d8358eb6c7d00ac815aaf5abae6994afac95b061598b781dacdb82", MisconceptionCatalog.SyscallBlocksP),
        ],
        Hints =
        [
            "Look at P0's line before and after the handoff in section 2: what stayed the same, and what changed?",
            "The thread M0 was stuck in the kernel, yet G8 and G9 ran, and G10's timer fired. Whatever held P0's queue and timers cannot have been M0 — and the OS, not Go, picks the core.",
        ],
        Explanation = "In section 2 P0 keeps its queue, its timer, its free G and its schedtick while the thread holding it changes from M0 " +
            "to M2. A thread can block in the kernel at any moment; the P is the part that must not block, so the runtime keeps the scheduling " +
            "state in it and moves it (handoffp, startm) to a thread that can run. The OS kernel decides which core a thread uses.",
        Why = "The P is the scheduling state plus the right to run Go code; it moves to another thread when its thread blocks.",
    };

    // ── 03.who-runs-after-handoff ──────────────────────────────────────────────────────────────────────────────
    private static Exercise WhoRunsAfterHandoff() => new PredictExercise("03.who-runs-after-handoff", "What the new thread runs after a handoff")
    {
        Points = 3,
        Variants = HandoffVariants.Length,
        Section = Handoff,
        Scenario = HandoffScenario,
        Observe = NewThreadRuns,
        RevealEvents = [EventKind.GoStart, EventKind.GoSyscallBegin, EventKind.ProcSteal, EventKind.ProcStart, EventKind.GoSyscallEndBlocked, EventKind.GoUnblock],
        Hints =
        [
            "Step it with Views.Stepper, as in section 2, until the ProcSteal and then the ProcStart. Work out what is in P0's runnext and " +
            "queue when G7 enters its syscall: main is G1, G5 is the runtime's finalizer goroutine, and yours are numbered from G6.",
            "The new thread runs P0's queue from its head, then whatever P0's timers wake (into runnext). G7 back from its syscall " +
            "finds P0 taken if the new thread still runs a goroutine: then G7 goes to the global queue and its old thread sleeps; " +
            "if P0 is idle, G7's own thread takes it back. main (G1) runs wherever the last wg.Done() readies it.",
        ],
        Why = "The P keeps its queue and timers when sysmon hands it to the new thread; a goroutine back from a syscall runs on whichever thread holds a P.",
    };

    // The goroutines started by the M that took the P sysmon retook first, in order.
    private static object NewThreadRuns(RunResult run)
    {
        var steal = run.Events.FirstOrDefault(e => e.Kind == EventKind.ProcSteal);
        var start = steal == null ? null : run.Events.FirstOrDefault(e => e.Seq > steal.Seq && e.Kind == EventKind.ProcStart && e.P == steal.P);
        return start == null
            ? Array.Empty<long>()
            : run.Events.Where(e => e.Kind == EventKind.GoStart && e.M == start.M).Select(e => e.G).ToArray();
    }

    private static PredictScenario HandoffScenario(int variant)
    {
        var (workers, syscallUs, sleeper) = HandoffVariants[variant];
        var count = 2 + workers + (sleeper ? 1 : 0);
        var lines = new List<string>
        {
            "    Go(async () => { wg.Done(); });                                  // G6: ends at once",
            $"    Go(async () => {{ await Syscall(TimeSpan.FromMicroseconds({syscallUs})); await Work(TimeSpan.FromMicroseconds(100)); wg.Done(); }}); // G7",
        };
        for (var i = 0; i < workers; i++)
            lines.Add($"    Go(async () => {{ await Work(TimeSpan.FromMicroseconds(100)); wg.Done(); }});   // G{8 + i}");
        if (sleeper)
            lines.Add($"    Go(async () => {{ await Sleep(TimeSpan.FromMicroseconds(200)); await Work(TimeSpan.FromMicroseconds(100)); wg.Done(); }}); // G{8 + workers}");
        var source =
            "Runtime.Run(async () =>\n{\n" +
            "    var wg = new WaitGroup();\n" +
            $"    wg.Add({count});\n" +
            string.Join("\n", lines) + "\n" +
            "    await wg.Wait();\n" +
            "}, new RunOptions { MaxProcs = 1, Lockstep = true, Seed = 7 });";
        return new PredictScenario(
            $"One P. G7 makes a {syscallUs} µs blocking system call on M0; sysmon retakes P0 and hands it to a new thread, M2. " +
            "List the goroutines M2 runs, in order, until the run ends (e.g. \"G8 G9\"). main is G1.",
            source,
            async () =>
            {
                var wg = new WaitGroup();
                wg.Add(count);
                Go(async () => { wg.Done(); });
                Go(async () => { await Syscall(TimeSpan.FromMicroseconds(syscallUs)); await Work(TimeSpan.FromMicroseconds(100)); wg.Done(); });
                for (var i = 0; i < workers; i++)
                    Go(async () => { await Work(TimeSpan.FromMicroseconds(100)); wg.Done(); });
                if (sleeper)
                    Go(async () => { await Sleep(TimeSpan.FromMicroseconds(200)); await Work(TimeSpan.FromMicroseconds(100)); wg.Done(); });
                await wg.Wait();
            },
            new RunOptions { MaxProcs = 1, Lockstep = true, Seed = 7 });
    }

    // ── 03.scheduler-context ───────────────────────────────────────────────────────────────────────────────────
    private static Exercise SchedulerContext() => new ConceptExercise("03.scheduler-context", "Where the scheduler runs, and with what rights")
    {
        Section = WhereSchedulerRuns,
        Variants = 6,
        Question = "In Go, where does the scheduler's code (schedule → findRunnable → execute) run, and with what rights?",
        Choices =
        [
            "In a goroutine of its own, started by the runtime, that runs at a higher priority than yours.",
            "On one central scheduler thread that hands goroutines to the other threads.",
            "In a privileged mode (the OS kernel, or a runtime mode your goroutines cannot enter), so it can stop any goroutine.",
            "On every M itself, on that M's own g0 stack, whenever its goroutine parks, yields or exits: ordinary runtime code with no special privilege.",
            "On sysmon's thread, which picks the next goroutine for every P.",
        ],
        Salt = "03.scheduler-context/c5d1",
        AnswerHashes = ["53429fc25c17693f34cca809d983cba650437024a37624e8a60815a4087e8b55"],
        Misreads =
        [
            new("7ac4d5152d5c7495fe4fe0f1e4466cd986f2b818937a4e994990529622356843", MisconceptionCatalog.SchedulerIsAThread),
            new("edb3acdc7d60268e3a776c289cbeed6354954e4be409e6cce6fc1590b3341170", MisconceptionCatalog.SchedulerIsAThread),
            new("27953b9003f88151021f0e1f59ca542209e46c0e670fbbbfca8fdd5576da5429", MisconceptionCatalog.SchedulerIsPrivileged),
            new("e95ef0a2bebb27da8c411a4ce4d64cb8ed4dae931611108ccab3465f399cecbf", MisconceptionCatalog.SchedulerIsAThread),
        ],
        Hints =
        [
            "In section 4's table, which thread made each decision? Did sysmon's M1 ever start a goroutine?",
            "Go's schedule() is called through mcall from park_m, gosched_m and goexit0, on the stack of the M whose goroutine just stopped. " +
            "Nothing switches privilege levels: the OS kernel schedules threads, not goroutines.",
        ],
        Explanation = "Every decision in section 4 was made by the thread whose goroutine had just parked, yielded or ended: M0 before the " +
            "handoff, M2 after it. sysmon (M1) only retook the P; it started no goroutine. In Go, park_m, gosched_m and goexit0 switch to " +
            "the M's g0 stack with mcall and call schedule() there — plain Go code of the runtime, in the same process and with the same rights as yours.",
        Why = "The scheduler is a routine each M runs for itself, on its g0 stack; there is no scheduler thread and no privilege.",
    };
}
