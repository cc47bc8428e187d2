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
    private GList ready;
    private int waiters;
    private bool broken;

    internal Netpoll(Sched sched) { this.sched = sched; }

    /// <summary>Some goroutine waits here (Go's netpollAnyWaiters).</summary>
    internal bool HasWaiters => Volatile.Read(ref waiters) > 0;

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
            waiters++;
            return true;
        }
    }

    /// <summary>A foreign completion for gp: ready it here, or keep it if gp has not parked yet.</summary>
    internal void Deliver(G gp, System.Action continuation)
    {
        lock (gate)
        {
            if (gp.Status == GStatus.Waiting && gp.waitreason == "IO wait")
            {
                gp.resume = continuation;
                gp.waitreason = "";
                waiters--;
                ready.Push(gp);
                Monitor.PulseAll(gate);
            }
            else
            {
                gp.foreignPending = continuation;
            }
        }
    }

    /// <summary>
    /// Go's netpoll(delay): the goroutines that became ready; waits up to delayNs for one
    /// (-1: until one arrives or Break is called, 0: not at all).
    /// </summary>
    internal GList Poll(long delayNs)
    {
        lock (gate)
        {
            if (ready.Empty && delayNs != 0 && !broken && !sched.stopping)
            {
                if (delayNs < 0) Monitor.Wait(gate);
                else Monitor.Wait(gate, (int)System.Math.Min(int.MaxValue, System.Math.Max(1, (delayNs + 999_999) / 1_000_000)));
            }
            broken = false;
            var list = ready;
            ready = default;
            return list;
        }
    }

    /// <summary>Go's netpollBreak: wake the M blocked in Poll.</summary>
    internal void Break()
    {
        lock (gate)
        {
            broken = true;
            Monitor.PulseAll(gate);
        }
    }
}
