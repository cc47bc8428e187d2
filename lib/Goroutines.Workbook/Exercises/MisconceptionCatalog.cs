using System;
using System.Collections.Generic;
using System.Linq;

namespace Goroutines.Workbook.Exercises;

/// <summary>
/// The named misconceptions every exercise maps its known wrong answers to. Each has a one-line correction
/// (from Go's runtime, see GO-RUNTIME.md) and the lesson section that teaches the rule.
/// </summary>
public static class MisconceptionCatalog
{
    private static readonly LessonSection Lesson00Intro = new("00-start-here.ipynb", "00 · Start here: ten goroutines, one processor");
    private static readonly LessonSection Lesson00Explain = new("00-start-here.ipynb", "2 · Explain");
    private static readonly LessonSection Lesson00TwoPs = new("00-start-here.ipynb", "3 · Predict again: two processors");
    private static readonly LessonSection Lesson01Stepping = new("01-seeing-the-scheduler.ipynb", "2 · One step at a time");
    private static readonly LessonSection Lesson01Charts = new("01-seeing-the-scheduler.ipynb", "4 · The run at a glance: charts");

    /// <summary>"A goroutine is a thread."</summary>
    public static readonly Misconception GoroutineIsAThread = new("goroutine-is-a-thread",
        "A goroutine is a thread",
        "A goroutine (G) is a cheap task; OS threads (Ms) take turns running many Gs, each through a P.",
        Lesson00Intro);

    /// <summary>"GOMAXPROCS caps the number of threads."</summary>
    public static readonly Misconception GomaxprocsCapsThreads = new("gomaxprocs-caps-threads",
        "GOMAXPROCS caps the number of threads",
        "GOMAXPROCS is the number of Ps, which caps the threads running Go code at once; threads in syscalls don't count, so there can be many more.",
        Lesson01Charts);

    /// <summary>"Goroutines start in the order they were created."</summary>
    public static readonly Misconception StartInCreationOrder = new("start-in-creation-order",
        "Goroutines start in the order they were created",
        "A new goroutine goes to its P's runnext and runs next; the one it displaces joins the tail of the local queue, so the newest runs first.",
        Lesson00Explain);

    /// <summary>"Gosched keeps the goroutine on its own P's queue."</summary>
    public static readonly Misconception GoschedStaysLocal = new("gosched-stays-local",
        "Gosched keeps the goroutine on its own P's queue",
        "Gosched puts the goroutine on the tail of the global run queue, not its P's local queue (Go's goschedImpl calls globrunqput).",
        Lesson00Explain);

    /// <summary>"A blocking syscall blocks every goroutine queued on its P."</summary>
    public static readonly Misconception SyscallBlocksP = new("syscall-blocks-its-p",
        "A blocking syscall blocks every goroutine queued on its P",
        "Only the M in the syscall is blocked: sysmon (or entersyscallblock) hands its P to another M, which runs the queued goroutines.",
        Lesson01Stepping);

    /// <summary>"More Ps always make a program faster."</summary>
    public static readonly Misconception MorePsAlwaysFaster = new("more-ps-always-faster",
        "More Ps always make a program faster",
        "More Ps help only while there is runnable work for each; with fewer runnable goroutines than Ps, or with waiting, the extra Ps sit idle.",
        Lesson01Charts);

    /// <summary>"P is a CPU core."</summary>
    public static readonly Misconception PIsACore = new("p-is-a-cpu-core",
        "P is a CPU core",
        "A P is a logical processor: a token that holds a run queue and the right to run Go code. The OS decides which core an M's thread runs on.",
        Lesson01Stepping);

    /// <summary>"The scheduler is a thread or goroutine of its own."</summary>
    public static readonly Misconception SchedulerIsAThread = new("scheduler-is-its-own-thread",
        "The scheduler is a thread or goroutine of its own",
        "The scheduler is code every M runs on its own stack (g0) when its goroutine blocks, yields or ends; only sysmon is a separate thread, and it has no P.",
        Lesson01Stepping);

    /// <summary>"A goroutine runs until it finishes."</summary>
    public static readonly Misconception RunsUntilFinished = new("runs-until-finished",
        "A goroutine runs until it finishes",
        "A goroutine gives up its P whenever it blocks (a channel, a WaitGroup, Sleep), calls Gosched, or runs more than 10 ms and is preempted.",
        Lesson00Explain);

    /// <summary>"Unbuffered sends are asynchronous."</summary>
    public static readonly Misconception UnbufferedSendIsAsync = new("unbuffered-send-is-async",
        "Unbuffered sends are asynchronous",
        "A send on an unbuffered channel waits until a receiver takes the value: sender and receiver meet.",
        Lesson00TwoPs);

    // Lesson 03
    /// <summary>"The scheduler runs with special privilege."</summary>
    public static readonly Misconception SchedulerIsPrivileged = new("scheduler-is-privileged",
        "The scheduler runs with special privilege",
        "schedule() is ordinary runtime code: each M runs it on its own g0 stack (a separate stack, not a privilege level), in the same process and with the same rights as your goroutines; only the OS kernel schedules the threads.",
        new("03-g-m-and-p.ipynb", "4 · Where the scheduler runs"));
    // Lesson 02
    private static readonly LessonSection Lesson02Ids = new("02-what-go-func-does.ipynb", "3 · Goroutine ids and dead Gs");

    /// <summary>"A goroutine made after another ended gets the dead one's id."</summary>
    public static readonly Misconception GoidReused = new("goid-reused",
        "A new goroutine reuses the id of one that ended",
        "Go reuses a dead G's struct and stack (gfget), but newproc1 gives every new goroutine a fresh id from its P's batch: ids only grow.",
        Lesson02Ids);
    // Lesson 04
    /// <summary>"A P's local run queue holds every goroutine it is given."</summary>
    public static readonly Misconception LocalQueueUnbounded = new("local-queue-unbounded",
        "A P's local run queue holds every goroutine it is given",
        "The local ring has 256 slots (plus runnext); when it is full, runqputslow moves its first half and the newcomer — 129 goroutines — to the global queue.",
        Catalog.Lesson04.Overflow);

    /// <summary>"A P looks at the global queue only when its local queue is empty."</summary>
    public static readonly Misconception GlobalOnlyWhenLocalEmpty = new("global-only-when-local-empty",
        "A P looks at the global queue only when its local queue is empty",
        "Every 61st schedtick, findRunnable takes one goroutine from the global queue before the local one, so the global queue cannot starve.",
        Catalog.Lesson04.Fairness);

    /// <summary>"A P without work only takes goroutines from the global queue."</summary>
    public static readonly Misconception IdlePOnlyTakesGlobalWork = new("idle-p-only-takes-global-work",
        "A P without work only takes goroutines from the global queue",
        "A P that runs out of work spins and steals: runqsteal takes half of another P's local ring, rounded up, from its head.",
        Catalog.Lesson04.Stealing);

    // Lesson 07
    /// <summary>"sysmon takes the P away from a goroutine that runs too long."</summary>
    public static readonly Misconception SysmonTakesRunningP = new("sysmon-takes-a-running-p",
        "sysmon takes the P away from a goroutine that runs too long",
        "sysmon only hands off Ps whose thread sits in a syscall; a running goroutine keeps its P until it stops itself at a safe point or, since Go 1.14, a signal stops it.",
        Catalog.Lesson07.World);
    /// <summary>"Concurrency is parallelism: goroutines that are in progress together run at the same moment, so more Ps make any of them faster."</summary>
    public static readonly Misconception ConcurrencyIsParallelism = new("concurrency-is-parallelism",
        "Concurrency is parallelism: more Ps make any goroutine program faster",
        "Concurrency is structure: many goroutines in progress at once. Parallelism is running them at the same moment, one per P (and core). " +
        "Waiting goroutines (Sleep, the netpoller, channels) hold no P, so one P overlaps their waits; only runnable goroutines use more Ps.",
        Catalog.Lesson08.TwoPrograms);
    /// <summary>"A goroutine blocked forever is cleaned up, like garbage."</summary>
    public static readonly Misconception BlockedGoroutinesAreCollected = new("blocked-goroutines-are-collected",
        "A goroutine blocked forever is cleaned up, like garbage",
        "Go never collects or times out a blocked goroutine: one parked on a channel nobody will use again stays alive, and NumGoroutine counts it, until the program ends.",
        Catalog.Lesson09.Leak);

    /// <summary>Every named misconception, in the order above.</summary>
    public static IReadOnlyList<Misconception> All { get; } =
    [
        GoroutineIsAThread, GomaxprocsCapsThreads, StartInCreationOrder, GoschedStaysLocal, SyscallBlocksP,
        MorePsAlwaysFaster, PIsACore, SchedulerIsAThread, RunsUntilFinished, UnbufferedSendIsAsync,
        // Lesson 03
        SchedulerIsPrivileged,
        // Lesson 02
        GoidReused,
        // Lesson 04
        LocalQueueUnbounded, GlobalOnlyWhenLocalEmpty, IdlePOnlyTakesGlobalWork,
        // Lesson 07
        SysmonTakesRunningP,
        // Lesson 08
        ConcurrencyIsParallelism,
        // Lesson 09
        BlockedGoroutinesAreCollected,
    ];

    /// <summary>The misconception with this id, or null.</summary>
    public static Misconception? Find(string? id) => All.FirstOrDefault(m => string.Equals(m.Id, id, StringComparison.Ordinal));
}
