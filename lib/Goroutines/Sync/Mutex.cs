using System.Collections.Generic;
using System.Threading;

namespace Goroutines;

/// <summary>
/// Go's sync.Mutex, in its two modes. Normal: Unlock wakes the first waiter, but a running goroutine
/// may take the lock before it runs (barging); a waiter that lost goes back to the head of the
/// queue. Starvation: once a waiter has waited over 1 ms, Unlock hands the lock straight to it.
/// (Go's spinning before parking is left out.)
/// </summary>
public sealed class Mutex
{
    internal const long StarvationThresholdNs = 1_000_000;   // Go's starvationThresholdNs

    internal readonly Lock lk = new();
    internal bool locked;
    internal bool starving;
    internal readonly LinkedList<MutexLockOp> waiters = new();
    internal readonly System.Func<G, bool> unlock;

    public Mutex()
    {
        unlock = _ =>
        {
            lk.Exit();
            return true;
        };
    }

    /// <summary>Go's mu.Lock(): parks ("sync.Mutex.Lock") while another goroutine holds it.</summary>
    public MutexLockOp Lock() => new(this);

    /// <summary>Go's mu.TryLock().</summary>
    public bool TryLock()
    {
        lock (lk)
        {
            if (locked || starving) return false;
            locked = true;
            return true;
        }
    }

    /// <summary>Go's mu.Unlock(). Unlocking an unlocked mutex is a fatal error, as in Go.</summary>
    public void Unlock()
    {
        MutexLockOp? wake;
        lock (lk)
        {
            if (!locked) throw new GoPanicException("sync: unlock of unlocked mutex", fatal: true);
            // Waiters left by a run that has ended never wake: skip them.
            while (waiters.First?.Value.Waiter.owner is { stopping: true }) waiters.RemoveFirst();
            wake = waiters.First?.Value;
            if (wake != null) waiters.RemoveFirst();
            if (wake != null && starving) wake.granted = true;   // hand-off: it stays locked, now for the waiter
            else locked = false;
        }
        if (wake == null) return;
        var g = Runtime.CurrentG("mu.Unlock()");
        var sched = g.m!.sched;
        sched.Goready(wake.Waiter, sched.trace.On
            ? wake.granted
                ? $"Mutex (starvation mode): G{g.goid} handed the lock straight to G{wake.Waiter.goid}, which waited over 1 ms"
                : $"Mutex: G{g.goid} unlocked and woke waiting G{wake.Waiter.goid}, which will try to take the lock"
            : "");
    }
}
