// The scheduler: how this model runs Go's G-M-P design on .NET — read this first, as proc.go's own
// opening comment is read before proc.go.
//
// THE MODEL. Three kinds of object, named as in Go's runtime2.go:
//   G  a goroutine: an async lambda, its status, its goroutine id, what it waits for (G.cs).
//   M  a machine: one real OS thread (a .NET Thread), which runs goroutines only while it holds a P (M.cs).
//   P  a processor: the right to run Go code, with the work that goes with it — runnext, the 256-slot
//      local ring, timers, free Gs, counters (P.cs). GOMAXPROCS is the number of Ps.
// Sched is schedt (the global run queue, the idle Ms and Ps, the lock) plus the functions of proc.go
// under their Go names; the partial files follow proc.go's order of reading: Sched.Park (newproc,
// gopark, goready, Gosched, goexit), Sched.Runq (runqput, runqget, runqsteal, the global queue),
// Sched.Schedule (schedule, findRunnable, execute), Sched.Threads (startm, stopm, handoffp, wakep),
// Sched.Syscall, Sched.Sysmon, Sched.StopTheWorld (GOMAXPROCS during a run), Sched.Checkdead,
// Sched.End (how a run ends). Sched.Snapshot and Sched.Invariants only read the state.
//
// HOW A GOROUTINE RUNS ON A REAL THREAD. Each M's thread runs ScheduleLoop: this is Go's g0, the
// scheduler's own stack on every M — there is no scheduler thread and no scheduler goroutine.
// schedule → findRunnable picks a G, and execute → gogo calls into it on this thread: the lambda the
// first time, its saved continuation after that. The goroutine runs until it awaits a library
// operation that cannot complete now (a channel receive with no sender, Sleep, a preemption request at
// a safe point). Awaiting it is the park: the operation's OnCompleted stores the continuation in the G
// and sets the M's mcall function (Go's mcall(park_m)); the async state machine returns, the stack
// unwinds back into gogo, and execute, now on the scheduler's stack again, runs the mcall function —
// park_m, gosched_m, goexit0 — which commits the park (releases the channel's lock, say) and returns
// to schedule. goready puts the G back in a run queue; whichever M runs it next calls its
// continuation on its own thread. So one G can run on several threads in turn, exactly as in Go, and
// a G never runs on two at once. An await of a task that is not ours (Task.Delay, real I/O) is Go's
// netpoll: the G waits as "IO wait" holding no M, and its continuation is posted back (Netpoll.cs).
//
// TWO CLOCKS, ONE SEAM. Parallel mode (the default) runs the Ms freely on the machine's cores with the
// wall clock: real parallelism, nondeterministic like Go. Lockstep runs the same code on the same
// threads, but a Conductor lets one thread move at a time, chosen with a seeded random number, on a
// virtual clock that Work, Sleep, Syscall and sysmon's ticks advance. The scheduler never asks which:
// everything that differs — time, notes (sleep/wakeup), thread start and exit, how Work and Syscall
// wait, the policies — is behind Platform (Platform/), as Go keeps its OS behind os_linux.go and fake
// time behind time_fake.go. A thread gives the platform a chance to switch at a Checkpoint, which is
// always at a point where it holds no lock.
//
// LOCKS, in the order they may be taken:
//   1. a channel's lock (Go's hchan.lock; a select takes its channels' locks in one fixed order) or a
//      semaphore's root lock or a WaitGroup's lock. Held from the check to the park's commit; released
//      before goready, as in Go.
//   2. lk, Go's sched.lock: the global queue, the idle M and P lists, the counts checkdead reads. Held
//      for a few instructions, never across a checkpoint or a park. Functions that say "Caller holds
//      lk" assert it (lk.AssertHeld, Go's assertLockHeld) in Debug builds, which the tests run;
//      RuntimeLock also refuses to be taken twice by one thread or released by another.
//   3. leaves, which take nothing else: gFreeLock (the global free-G list), a P's timer heap (a
//      destroyed P's heap, then the heap it moves to), netpoll's gate, then its note, then the
//      conductor's gate; the tracer's, the output's, the warnings' and allgs' gates.
// A P's local ring needs no lock: only its owner puts, and everyone takes with a CAS (runqget, runqgrab).
//
// WHAT IS MODELLED, SIMPLIFIED, LEFT OUT. Modelled as Go 1.23 does it: newproc and runnext, the local
// ring and its overflow, the global queue and the 1-in-61 check, work stealing and spinning Ms,
// Gosched, timers on the P that runs them, syscalls and sysmon's retake/handoffp, async preemption at
// safe points, LockOSThread, stop-the-world for GOMAXPROCS, checkdead's deadlock and Go's crash and
// traceback texts, channels, select, sync.Mutex with its starvation mode, WaitGroup. Simplified: a G's
// stack is a .NET async state machine, not a 2 KiB growable stack; safe points are the library's
// awaits (and Work's slices), not every function prologue; netpoll is the completion of foreign
// tasks. Left out: the garbage collector (its goroutines G2–G4 sit parked as Go's do at main's start),
// the memory allocator and mcache, signals, cgo, the execution tracer's binary format (events here
// are records with a reason sentence: Trace/Tracer.cs).

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace Goroutines;

/// <summary>
/// The scheduler of one run: Go's schedt (runtime2.go) together with the functions of proc.go,
/// split over files the way proc.go is read: Sched.Runq (queues), Sched.Schedule (schedule,
/// findRunnable), Sched.Threads (Ms and Ps), Sched.Park (gopark, goready, Gosched, goexit),
/// Sched.Syscall, Sched.Sysmon, Sched.Checkdead, Sched.End (how a run ends).
/// </summary>
internal sealed partial class Sched
{
    internal const int MaxProcsLimit = 256;
    internal const int GoidCacheBatch = 16;        // Go's _GoidCacheBatch
    internal const long ForcePreemptNs = 10_000_000;  // Go's forcePreemptNS: 10 ms
    internal const long UnpreemptibleWarnNs = 100_000_000;   // a G still running 100 ms into its time slice reaches no safe point: warn
    internal const int MaxMCount = 10_000;         // Go's sched.maxmcount
    internal const int RuntimeMainSchedticks = 4;  // P0's schedtick when main.main starts in Go 1.23

    [ThreadStatic] private static M? currentM;

    /// <summary>The M this thread is (Go's getg().m), or null on a thread outside every run.</summary>
    internal static M? CurrentM => currentM;

    internal readonly RunOptions options;
    internal readonly RuntimeLock lk = new();      // Go's sched.lock
    internal readonly RuntimeLock gFreeLock = new();  // Go's sched.gFree.lock: spawns and exits do not wait on lk
    internal readonly List<GList> gFree = new();   // batches of dead Gs kept for reuse, beyond the Ps' own lists (gFreeLock)
    internal readonly Platform platform;           // the machine: time, threads, waits (Parallel or Lockstep)

    // The functions a goroutine asks its M to run after it unwinds (Go's mcall targets), made once.
    internal readonly Func<G, G?> parkM, goschedM, gopreemptM, goyieldM, exitsyscallNoP;
    internal readonly Tracer trace;
    internal readonly Netpoll netpoll;
    internal readonly StealOrder stealOrder = new();

    // Protected by lk.
    internal GQueue runq;                          // the global run queue
    internal M? midle;                             // idle Ms
    internal int nmidle;
    internal int nmidlelocked;
    internal int nmsys;                            // system Ms (sysmon), not counted by checkdead
    internal long mnext;                           // the next M id
    internal int mcount;                           // Ms that exist
    internal P? pidle;                             // idle Ps
    internal int npidle;
    internal readonly AllGList allgs = new();      // every G ever made (Go's allgs; never shrinks)
    internal readonly List<M> allm = new();

    internal int nmspinning;                       // Ms looking for work (atomic)
    internal int needspinning;                     // work was found but no P was free (atomic)
    internal long goidgen;                         // the last goroutine id handed to a P's batch (atomic)
    internal long lastpoll = 1;                    // 0 while an M is blocked in netpoll (atomic)
    internal long pollUntil;                       // when that M wakes up (atomic)
    internal int runqsize => runq.size;

    internal P[] allp = [];
    internal int gomaxprocs;
    internal volatile bool mainStarted;
    internal volatile bool stopping;               // the run has ended: every M leaves its loop
    internal G? mainG;
    private PCounters retiredCounts;               // the counts of Ps that GOMAXPROCS removed

    internal readonly ProgramOutput output = new();     // what the program printed
    internal readonly SelectRandom selectRand;         // select's seeded poll order

    internal Sched(RunOptions options)
    {
        this.options = options;
        platform = options.Lockstep ? new LockstepPlatform(this, options.Seed) : new ParallelPlatform(this);
        parkM = ParkM;
        goschedM = GoschedM;
        gopreemptM = GopreemptM;
        goyieldM = GoyieldM;
        exitsyscallNoP = ExitsyscallNoP;
        trace = new Tracer(this, options.RecordEvents, options.MaxEvents);
        netpoll = new Netpoll(this);
        selectRand = new SelectRandom(options.Seed);
    }

    /// <summary>Runs main as goroutine 1 on GOMAXPROCS Ps until it returns, deadlocks, panics or times out.</summary>
    internal RunResult Run(Func<Task> main)
    {
        Launch(main);
        if (!WaitEnd(options.Timeout))
            Finish(Outcome.TimedOut, TimeoutReport());
        return Complete();
    }

    /// <summary>Sets up the Ps and goroutine 1 and starts M0 and sysmon; returns at once.</summary>
    internal void Launch(Func<Task> main)
    {
        wall.Start();
        using (lk.Hold())
        {
            Procresize(options.MaxProcs);
        }
        var p0 = allp[0];
        StartRuntimeMain(main, p0);
        using (lk.Hold())
        {
            // P0 leaves the idle list: M0 takes it.
            PidleRemove(p0);
        }
        mainStarted = true;
        Newm(p0, spinning: false, startg: mainG);
        StartSysmon();   // Go's runtime.main starts sysmon first thing: it is M1
        platform.Begin();
    }

    /// <summary>Waits until the run ends, or the wall-clock limit passes (false).</summary>
    internal bool WaitEnd(TimeSpan limit) => done.Wait(Durations.Millis(limit));

    /// <summary>Joins every M thread and builds the result. The run must have ended.</summary>
    internal RunResult Complete()
    {
        var stuck = Shutdown();
        wall.Stop();
        return BuildResult(wall.Elapsed, stuck);
    }

    /// <summary>
    /// What Go's runtime.main has done by the time main.main runs (Go 1.23, a program importing os,
    /// as every program using fmt does): goroutine 1 is running; the runtime's own goroutines
    /// forcegchelper (2), bgsweep (3) and bgscavenge (4) are parked; the finalizer goroutine runfinq (5),
    /// created by os's init, waits in P0's runnext; and P0's schedtick is 4. So the first user
    /// goroutine is number 6, and the 1-in-61 global check and the ring's overflow happen exactly
    /// where they do in Go (tests/GoReference: e6-overflow-258, startup-goroutines). Leaves out what
    /// runtime.main runs to get there (the inits, gcenable, G1's lock to m0 during init): only the state is set up.
    /// </summary>
    private static readonly Reason MainCreated = new(EventKind.GoCreate, static (in EventRecord _, Tracer _) =>
        "rt0_go: the runtime creates goroutine 1 to run runtime.main, which calls your main");

    private void StartRuntimeMain(Func<Task> main, P p0)
    {
        mainG = Newproc1(main, null, p0, new CallSite("runtime.main", "", 0));
        if (trace.On) trace.Emit(MainCreated, p0, null, mainG);
        var runtimeMain = new CallSite("runtime.init", "", 0);
        foreach (var reason in new[] { "force gc (idle)", "GC sweep wait", "GC scavenge wait" })
        {
            var gp = Newproc1(() => Task.CompletedTask, mainG, p0, runtimeMain, system: true);
            gp.fn = null;
            gp.waitreason = reason;
            gp.atomicstatus = GStatus.Waiting;
        }
        var runfinq = Newproc1(() => new ParkOp("finalizer wait", "system goroutine wait").AsTask(),
            mainG, p0, new CallSite("runtime.createfing", "", 0), system: true);
        RunqPut(p0, runfinq, next: true);
        p0.schedtick = RuntimeMainSchedticks;
        mainG.atomicstatus = GStatus.Runnable;
    }

    internal long Nanotime() => platform.Nanotime();

    /// <summary>A point where this thread holds no lock: another thread may go first (Platform.Checkpoint).</summary>
    internal void Checkpoint(bool libraryCall = false) => platform.Checkpoint(libraryCall);

    internal StepGate? stepGate;                  // set when the run is stepped (Runtime.Start)
    private readonly Stopwatch wall = new();
}
