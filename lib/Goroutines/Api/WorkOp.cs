using System;
using System.Threading;

namespace Goroutines;

/// <summary>
/// An awaited Work(d): d of real CPU work on the goroutine's M. With AsyncPreemption (Go ≥ 1.14) it
/// checks for sysmon's preemption request every few microseconds and yields to the global queue;
/// without it, it is a call-free loop that only stops when its work is done.
/// </summary>
public sealed class WorkOp : GoOp
{
    private long remainingNs;

    internal WorkOp(TimeSpan d) { remainingNs = Durations.Ns(d); }

    private protected override string Name => "Work(...)";

    public WorkOp GetAwaiter()
    {
        Start();
        return this;
    }

    public void GetResult() => ThrowRaised();

    private protected override bool TryComplete(G g)
    {
        var sched = SchedOf(g);
        var checks = sched.options.AsyncPreemption;
        var start = sched.Nanotime();
        if (sched.conductor != null)
        {
            // Lockstep: the work takes virtual time; sysmon's preemption request ends the wait early.
            sched.conductor.Block(start + remainingNs, interruptible: checks);
            var used = sched.Nanotime() - start;
            if (used >= remainingNs) return true;
            remainingNs -= used;
            return false;
        }
        while (true)
        {
            var spent = sched.Nanotime() - start;
            if (spent >= remainingNs) return true;
            if ((checks && g.preempt) || sched.stopping)
            {
                remainingNs -= spent;
                return false;
            }
            Thread.SpinWait(20);
        }
    }

    private protected override void Park(G g, Action continuation)
    {
        if (SchedOf(g).stopping) Freeze(g);
        else YieldForPreemption(g, continuation);
    }
}
