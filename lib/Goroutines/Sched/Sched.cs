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
    internal const int MaxMCount = 10_000;         // Go's sched.maxmcount
    internal const int RuntimeMainSchedticks = 1;  // P0's schedtick when main.main starts in Go 1.23

    [ThreadStatic] private static M? currentM;

    /// <summary>The M this thread is (Go's getg().m), or null on a thread outside every run.</summary>
    internal static M? CurrentM => currentM;

    internal readonly RunOptions options;
    internal readonly Lock lk = new();             // Go's sched.lock
    internal readonly Clock clock;
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
    internal GList gFree;                          // dead Gs kept for reuse, beyond the Ps' own lists
    internal readonly List<G> allgs = new();       // every G ever made (Go's allgs; never shrinks)
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
    internal long ngoroutines;                     // live user goroutines (atomic)

    private readonly List<string> output = new();
    private readonly object outputGate = new();
    private uint selectRand;                        // seeded random state for select's poll order

    internal Sched(RunOptions options)
    {
        this.options = options;
        clock = new Clock();
        trace = new Tracer(this, options.RecordEvents, options.MaxEvents);
        netpoll = new Netpoll(this);
        selectRand = (uint)options.Seed * 2654435761u + 1;
    }

    /// <summary>Runs main as goroutine 1 on GOMAXPROCS Ps until it returns, deadlocks, panics or times out.</summary>
    internal RunResult Run(Func<Task> main)
    {
        var wall = Stopwatch.StartNew();
        lock (lk)
        {
            Procresize(options.MaxProcs);
        }
        var p0 = allp[0];
        // In Go, runtime.main first runs its start-up goroutines (forcegchelper, bgsweep, bgscavenge)
        // on P0, so P0's schedtick is 1 when main.main starts. The phase of the 1-in-61 global check
        // depends on it (GO-RUNTIME §E6: 60 local Gs run before the first global one).
        p0.schedtick = RuntimeMainSchedticks;
        // schedinit + newproc(runtime.main): goroutine 1 goes into P0's runnext.
        mainG = Newproc1(main, null, p0, new CallSite("runtime.main", "", 0));
        RunqPut(p0, mainG, next: true);
        mainStarted = true;
        lock (lk)
        {
            // P0 leaves the idle list: M0 takes it.
            PidleRemove(p0);
        }
        StartSysmon();
        var m0 = Newm(p0, spinning: false);
        if (!done.Wait(options.Timeout))
            Finish(Outcome.TimedOut, TimeoutReport());
        var stuck = Shutdown();
        wall.Stop();
        return BuildResult(wall.Elapsed, stuck, m0);
    }

    /// <summary>The ids of Ps, Ms and Gs are printed Go's way: P0, M0, G1.</summary>
    internal long Nanotime() => clock.Nanotime();

    internal void Print(string line)
    {
        lock (outputGate) output.Add(line);
    }

    internal IReadOnlyList<string> OutputSoFar()
    {
        lock (outputGate) return output.ToArray();
    }

    /// <summary>A seeded random number below n for select's poll order (Go's cheaprandn).</summary>
    internal uint SelectRand(uint n)
    {
        lock (outputGate)
        {
            selectRand ^= selectRand << 13;
            selectRand ^= selectRand >> 17;
            selectRand ^= selectRand << 5;
            return (uint)(((ulong)selectRand * n) >> 32);
        }
    }
}
