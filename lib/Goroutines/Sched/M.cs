using System;
using System.Threading;

namespace Goroutines;

/// <summary>
/// An OS thread: Go's m (runtime2.go). Its thread runs the scheduler loop (Go's g0); goroutines
/// run on it, one at a time, between calls of schedule().
/// </summary>
internal sealed class M
{
    internal M(long id, Sched sched)
    {
        this.id = id;
        this.sched = sched;
        park = sched.platform.NewNote();
    }

    internal readonly long id;
    internal readonly Sched sched;
    internal Thread? thread;
    internal G? curg;                 // the goroutine running on this M
    internal P? p;                    // the P it holds (null in a syscall or when idle)
    internal P? nextp;                // the P handed to it by startm before it is woken
    internal P? oldp;                 // the P it had before entering a syscall
    internal volatile bool spinning;  // looking for work, without any
    internal M? schedlink;            // next M on the idle list
    internal readonly Note park;          // sleeps here when idle (stopm)
    internal Turn? turn;                  // the LockstepPlatform's handle for this thread (its turn); unused in Parallel mode
    internal Func<G, G?>? mcallFn;    // a G asked its M to run this on g0 after it unwinds (Go's mcall)
    internal bool mcallInherit;       // whether the G returned by mcallFn inherits the time slice
    internal G? lockedg;              // LockOSThread: the G wired to this M
    internal int lockedExt;           // LockOSThread nesting count (Go's lockedExt)
    internal bool exitThread;         // its locked goroutine exited: the thread leaves (Go's mexit)
    internal bool blockedInSyscall;   // the M is inside a syscall right now
    internal bool exited;             // its thread has left the scheduler loop
    internal FastRand rand;           // this M's cheap random numbers (steal order)
    internal string doing = "starting";  // what the thread is doing, for a time-out report
    internal FoundVia foundVia;       // where findRunnable found its last G (for the GoStart reason)
    internal Func<G, object?, bool>? waitunlockf;  // gopark's commit function, run once the G is parked
    internal object? waitlock;            // what gopark passes to it (Go's m.waitlock)
    internal string waitTraceReason = "";
    internal int tid;                 // its OS thread's id (Linux), to read the CPU time it used; 0 if unknown

    public override string ToString() => "M" + id;
}
