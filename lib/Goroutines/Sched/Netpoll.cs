using System.Collections.Generic;
using System.Threading;

namespace Goroutines;

/// <summary>
/// Go's netpoller, for this model: goroutines awaiting a task from outside the run (Task.Delay,
/// real I/O) wait here as "IO wait" without holding an M. When the task completes, its thread
/// posts the goroutine's continuation here; findRunnable and sysmon poll for such goroutines, and
/// one idle M may block here until one arrives or the next timer is due.
/// </summary>
internal sealed class Netpoll
{
    private readonly object gate = new();
    private readonly Sched sched;
    private readonly Note wake;
    private GList ready;
    private int waiters;

    internal Netpoll(Sched sched)
    {
        this.sched = sched;
        wake = sched.platform.NewNote();
    }

    /// <summary>
    /// Some goroutine waits here (Go's netpollAnyWaiters) — including one whose completion arrived
    /// but that no M has taken out of netpoll yet: as in Go, a waiter counts until Poll's caller has
    /// made it runnable and called AdjustWaiters.
    /// </summary>
    internal bool HasWaiters => Volatile.Read(ref waiters) > 0;

    /// <summary>Go's netpollAdjustWaiters: after the goroutines Poll returned are runnable, they no longer wait here.</summary>
    internal void AdjustWaiters(int delta)
    {
        if (delta != 0) Interlocked.Add(ref waiters, delta);
    }

    /// <summary>
    /// Parks gp as "IO wait". Returns false if its continuation already arrived (then it is runnable).
    /// </summary>
    internal bool Park(G gp, long now)
    {
        lock (gate)
        {
            if (gp.foreignPending != null)
            {
                gp.resume = gp.foreignPending;
                gp.foreignPending = null;
                return false;
            }
            gp.waitreason = "IO wait";
            gp.waitsince = now;
            gp.atomicstatus = GStatus.Waiting;
            Interlocked.Increment(ref waiters);
            return true;
        }
    }

    /// <summary>
    /// A foreign completion for gp: ready it here, or keep it if gp has not parked yet (or is already
    /// ready). gp stays waiting as "IO wait", and counted as a waiter, until an M takes it out with Poll
    /// (Go's netpollunblock leaves the G to netpoll's caller, which makes it runnable).
    /// </summary>
    internal void Deliver(G gp, System.Action continuation)
    {
        lock (gate)
        {
            if (gp.Status == GStatus.Waiting && gp.waitreason == "IO wait" && !gp.pollReady)
            {
                gp.resume = continuation;
                gp.pollReady = true;
                ready.Push(gp);
                wake.Wakeup();
            }
            else
            {
                gp.foreignPending = continuation;
            }
        }
    }

    /// <summary>
    /// Go's netpoll(delay): the goroutines that became ready; waits up to delayNs for one
    /// (-1: until one arrives or Break is called, 0: not at all). They still count as waiters: the
    /// caller makes them runnable, then calls AdjustWaiters(-list.count) (Go's delta). Leaves out
    /// epoll itself: Go waits in epoll_wait in whole milliseconds, at least 1 ms for any positive delay.
    /// </summary>
    internal GList Poll(long delayNs)
    {
        bool empty;
        lock (gate) empty = ready.Empty;
        if (empty && delayNs != 0 && !sched.stopping) wake.Sleep(delayNs);
        lock (gate)
        {
            var list = ready;
            ready = default;
            for (var g = list.head; g != null; g = g.schedlink) g.pollReady = false;
            return list;
        }
    }

    /// <summary>The goroutines ready but not yet taken (for the invariant checker).</summary>
    internal List<G> ReadyList()
    {
        var list = new List<G>();
        lock (gate)
            for (var g = ready.head; g != null; g = g.schedlink) list.Add(g);
        return list;
    }

    /// <summary>Go's netpollBreak: wake the M blocked in Poll.</summary>
    internal void Break() => wake.Wakeup();
}
