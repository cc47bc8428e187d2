using System;
using System.Collections.Generic;
using System.Linq;
using static Goroutines.Runtime;

namespace Goroutines.Workbook.Exercises.Catalog;

/// <summary>The exercises of lesson 06 · Blocking (a channel handoff, close's wake order, Mutex starvation mode, syscalls).</summary>
public static class Lesson06
{
    private const string Notebook = "06-blocking.ipynb";
    private static readonly LessonSection Parks = new(Notebook, "1 · A receiver parks, a sender readies it");
    private static readonly LessonSection Buffered = new(Notebook, "2 · A buffered channel's queue, and `close`");
    private static readonly LessonSection MutexModes = new(Notebook, "5 · `Mutex`: normal mode and starvation mode");
    private static readonly LessonSection Syscalls = new(Notebook, "6 · A system call holds its thread; waiting for I/O does not");

    // 06.close-wake-order: how many goroutines wait on the channel main closes.
    private static readonly int[] CloseVariants = [5, 4, 6, 3, 7, 8];

    // 06.syscalls-busy: the number of Ps the check runs with.
    private static readonly int[] FetchProcs = [2, 4];

    /// <summary>The lesson's exercises, in the order the lesson asks them.</summary>
    public static IReadOnlyList<Exercise> Exercises => All.Value;

    // Built on first use, after every static field below is set, whatever their order.
    private static readonly Lazy<IReadOnlyList<Exercise>> All = new(() => [SenderRunsOn(), CloseWakeOrder(), MutexStarving(), SyscallsBusy()]);

    // ── 06.sender-runs-on ──────────────────────────────────────────────────────────────────────────────────────
    private static Exercise SenderRunsOn() => new ConceptExercise("06.sender-runs-on", "After a handoff")
    {
        Section = Parks,
        Variants = 6,
        Question = "On one P, goroutine R is parked in a receive on an unbuffered channel. Goroutine S sends on that channel. " +
            "What happens right after the send?",
        Choices =
        [
            "S parks until R has run and taken the value.",
            "R takes the P at once, and S goes to the tail of the local run queue.",
            "The value is copied to R, R goes into the P's runnext, and S keeps running until it blocks or yields.",
            "R goes to the tail of the global run queue, and S keeps running.",
        ],
        Salt = "06.sender-runs-on/5e1b",
        AnswerHashes = ["50f69f62f726dae36a6ae93ec566a040b8099feed5186e78211f5dea70ba8911"],
        Hints =
        [
            "In section 1's output, what does the sender print right after its send, and when does the receiver print?",
            "A send that finds a receiver waiting completes at once (the direct handoff) and calls goready on the receiver. " +
            "Where does goready put a goroutine, and does the caller stop?",
        ],
        Explanation = "chansend finds R in the channel's receive queue, copies the value straight to it (send → sendDirect) and calls " +
            "goready, which puts R in the runnext slot of S's P (ready → runqput with next = true). Nothing makes S stop: it runs " +
            "on until it blocks or yields, and then R runs next on that thread.",
        Why = "goready puts the woken goroutine in runnext; the waker keeps its P.",
    };

    // ── 06.close-wake-order ────────────────────────────────────────────────────────────────────────────────────
    private static Exercise CloseWakeOrder() => new PredictExercise("06.close-wake-order", "Who wakes first after close")
    {
        Points = 2,
        Variants = CloseVariants.Length,
        Section = Buffered,
        Scenario = CloseScenario,
        Observe = run => run.Output,
        Misreads =
        [
            new(MisconceptionCatalog.StartInCreationOrder, v => Enumerable.Range(0, CloseVariants[v])),
        ],
        Hints =
        [
            "First work out the order in which they block: the newest goroutine is in runnext, so it runs first, then the " +
            "local queue in creation order. That is the order in which they wait on the channel.",
            "closechan takes the waiters off in wait order and readies them one by one; each goready puts its goroutine in " +
            "runnext and pushes the one before to the tail of the local queue. Which one is left in runnext, and in what order is the queue?",
        ],
        Why = "close readies the waiters in wait order; runnext keeps the first, the rest queue in reverse.",
    };

    private static PredictScenario CloseScenario(int variant)
    {
        var count = CloseVariants[variant];
        var source = $$"""
            Runtime.Run(async () =>
            {
                var wg = new WaitGroup();
                var done = new Chan<int>();
                for (var i = 0; i < {{count}}; i++)
                {
                    var n = i;
                    wg.Add(1);
                    Go(async () => { await done.RecvOk(); Println(n); wg.Done(); });
                }
                await Gosched();   // every goroutine runs and parks on done
                done.Close();
                await wg.Wait();
            }, new RunOptions { MaxProcs = 1, Lockstep = true, Seed = 7 });
            """;
        return new PredictScenario(
            $"main starts {count} goroutines that each wait on the same channel, lets them all park, then closes the channel. " +
            "Each prints its n when it wakes. What does the program print, in order (e.g. \"2 1 0\")?",
            source,
            async () =>
            {
                var wg = new WaitGroup();
                var done = new Chan<int>();
                for (var i = 0; i < count; i++)
                {
                    var n = i;
                    wg.Add(1);
                    Go(async () => { await done.RecvOk(); Println(n); wg.Done(); });
                }
                await Gosched();
                done.Close();
                await wg.Wait();
            },
            new RunOptions { MaxProcs = 1, Lockstep = true, Seed = 7 });
    }

    // ── 06.mutex-starving ──────────────────────────────────────────────────────────────────────────────────────
    private static Exercise MutexStarving() => new ConceptExercise("06.mutex-starving", "Unlock in starvation mode")
    {
        Section = MutexModes,
        Variants = 6,
        Question = "Goroutine W has waited 2 ms in Lock, so the Mutex is in starvation mode. The goroutine holding it, on the same P, " +
            "calls Unlock. What happens next?",
        Choices =
        [
            "W is woken into runnext, but the unlocker keeps running and may lock the mutex again before W runs.",
            "The lock is handed to W, which runs at once on the unlocker's time slice; the unlocker goes to the tail of its P's local queue.",
            "The lock is handed to W, which goes to the global run queue; the unlocker keeps running.",
            "Nothing is woken: W spins until it sees the mutex unlocked.",
        ],
        Salt = "06.mutex-starving/c83a",
        AnswerHashes = ["8305441b2f4b8c4a388f51acddcef29c8c5b585e0f1e6c740a8d5bb58cee6128"],
        Hints =
        [
            "Starvation mode exists so that a waiter that has waited over 1 ms cannot lose the lock again. Which choice lets someone else take it first?",
            "Look at the order section 5's second program printed: what comes between \"main unlock\" and \"main after unlock\", and who ran before Y?",
        ],
        Explanation = "In starvation mode unlockSlow calls runtime_Semrelease with handoff: semrelease1 gives the waiter the lock " +
            "(ticket = 1), readies it into runnext and calls goyield, so the unlocker stops at once and waits at the tail of its P's " +
            "local queue (not the global queue, as Gosched would) while the waiter runs on its time slice.",
        Why = "Starvation mode hands the lock over and the unlocker yields to its local queue.",
    };

    // ── 06.syscalls-busy ───────────────────────────────────────────────────────────────────────────────────────
    private static readonly TimeSpan FetchBudget = TimeSpan.FromMilliseconds(6);

    private static Exercise SyscallsBusy() => new CodeExercise("06.syscalls-busy", "Keep the Ps busy through blocking syscalls")
    {
        Points = 3,
        Section = Syscalls,
        Variants = FetchProcs.Length,
        MaxProcs = v => FetchProcs[v],
        Task = v => "FetchAll() fetches 8 records with a 1 ms blocking system call each, one after another on main, and processes " +
            $"each record with 1 ms of CPU work. Make it finish within {FetchBudget.TotalMilliseconds:0} ms of virtual time on " +
            $"{FetchProcs[v]} Ps, still doing every syscall and every piece of work, and returning only when all are done. Then set " +
            "answer = FetchAll; and run the cell.",
        Starter = """
            async Task FetchAll()
            {
                var wg = new WaitGroup();
                for (var i = 0; i < 8; i++)
                {
                    await Syscall(TimeSpan.FromMilliseconds(1));      // fetch record i: main's thread blocks in the kernel
                    wg.Add(1);
                    Go(async () => { await Work(TimeSpan.FromMilliseconds(1)); wg.Done(); });   // process it: 1 ms of CPU
                }
                await wg.Wait();
            }
            """,
        Solution = """
            async Task FetchAll()
            {
                var wg = new WaitGroup();
                for (var i = 0; i < 8; i++)
                {
                    wg.Add(1);
                    Go(async () =>
                    {
                        await Syscall(TimeSpan.FromMilliseconds(1));  // each fetch blocks the thread under it; sysmon hands the P on
                        await Work(TimeSpan.FromMilliseconds(1));
                        wg.Done();
                    });
                }
                await wg.Wait();
            }
            """,
        Properties =
        [
            CodeProperty.Completes,
            CodeProperty.NoLeakedGoroutines,
            DoesEveryCall,
            CodeProperty.WithinVirtualTime(FetchBudget),
            CodeProperty.EveryPBusy,
        ],
        Hints =
        [
            "Look at the timeline the check shows: while main's thread sits in a syscall, what is there for the Ps to run?",
            "A blocking syscall holds only its own goroutine's thread; sysmon hands the P to another thread. So put each fetch in a " +
            "goroutine of its own, together with the work on its record: the syscalls then wait side by side, and the Ps run the work.",
        ],
        Why = "Syscalls in separate goroutines wait side by side, each holding a thread, while the Ps run the work.",
    };

    // Every fetch and every piece of work must still happen: 8 syscalls of 1 ms and 8 ms of CPU work in all.
    private static readonly CodeProperty DoesEveryCall = new("makes all 8 syscalls", (run, _) =>
    {
        var syscalls = run.Events.Count(e => e.Kind == EventKind.GoSyscallBegin);
        return syscalls >= 8 ? null : $"it made {syscalls} blocking syscalls, not 8: every record must still be fetched";
    });
}
