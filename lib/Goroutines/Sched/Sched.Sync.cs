using System;
using System.Threading;

namespace Goroutines;

// The runtime's side of sync.Mutex (proc.go): sync_runtime_canSpin, sync_runtime_doSpin, goyield.
internal sealed partial class Sched
{
    private const int ActiveSpin = 4;       // Go's active_spin: lockSlow spins at most 4 times

    /// <summary>
    /// Go's sync_runtime_canSpin: spin only a few times, only on a multicore machine with at least one
    /// other P running (not idle, not spinning) — so never at GOMAXPROCS 1 — and only if this P's local
    /// queue is empty. A Lockstep run counts as multicore, so that it does not depend on the machine.
    /// </summary>
    internal bool SyncRuntimeCanSpin(M mp, int i)
    {
        var ncpu = platform.NumCpu;
        if (i >= ActiveSpin || ncpu <= 1 || gomaxprocs <= Volatile.Read(ref npidle) + Volatile.Read(ref nmspinning) + 1) return false;
        return RunqEmpty(mp.p!);
    }

    /// <summary>Go's sync_runtime_doSpin: procyield(30). On the virtual clock, a turn for the other Ms instead.</summary>
    internal void SyncRuntimeDoSpin()
    {
        platform.SpinPause();
    }

    /// <summary>
    /// Go's goyield, called by semrelease1 after a starvation hand-off. Mutex.Unlock returns void and
    /// cannot leave the goroutine's stack, so the yield is owed, and taken at the goroutine's next
    /// library call (before it does anything else the scheduler can see), or when it returns.
    /// </summary>
    internal static void Goyield(G gp) => gp.goyieldOwed = true;

    /// <summary>
    /// Go's goyield_m: like Gosched, but the G goes to the tail of its P's LOCAL queue (Gosched: the
    /// global one), and the trace says "preempted". The waiter it readied is in runnext and runs next.
    /// </summary>
    internal G? GoyieldM(G gp)
    {
        var mp = gp.m!;
        var pp = mp.p!;
        if (trace.On) trace.Emit(Yields, pp, mp, gp);
        gp.atomicstatus = GStatus.Runnable;
        Dropg(mp, gp);
        RunqPut(pp, gp, next: false);
        return null;
    }

    private static readonly Reason Yields = new(EventKind.GoStop, "preempted", static (in EventRecord e, Tracer _) =>
        $"goyield: G{e.G} handed its mutex to a starving waiter and yields its time slice to it; G{e.G} goes to the tail of P{e.P}'s local queue (not the global one, as Gosched)");

    /// <summary>
    /// Takes the running goroutine's owed goyield at a synchronous library call (Println, Go, Unlock, …).
    /// Does nothing outside a goroutine or when nothing is owed.
    /// </summary>
    internal static void TakeOwedGoyield()
    {
        var mp = currentM;
        var gp = mp?.curg;
        if (gp == null || !gp.goyieldOwed) return;
        gp.goyieldOwed = false;
        mp!.sched.GoyieldInPlace(mp, gp);
    }

    /// <summary>
    /// goyield from inside a synchronous call, whose C# frames are on this M's thread and cannot unwind:
    /// the G waits at the tail of the local queue wired to this M (as a LockOSThread goroutine does),
    /// the P goes to another M (handoffp), and this thread sleeps until the scheduler picks the G and
    /// hands the P back (startlockedm). Then the G goes on in its call. Unlike Go, another M runs the
    /// goroutines in between.
    /// </summary>
    private void GoyieldInPlace(M mp, G gp)
    {
        var wired = gp.lockedm == null;
        if (wired)
        {
            gp.lockedm = mp;
            mp.lockedg = gp;
        }
        GoyieldM(gp);
        StopLockedM(mp);   // throws RunStoppedException if the run ends meanwhile
        if (wired)
        {
            gp.lockedm = null;
            mp.lockedg = null;
        }
        ExecuteStart(mp, gp, inheritTime: false);
    }
}
