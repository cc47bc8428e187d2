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

    private protected override bool TryComplete(G g) =>
        SchedOf(g).platform.Work(g, ref remainingNs, preemptible: SchedOf(g).options.AsyncPreemption);

    private protected override void Park(G g, Action continuation)
    {
        if (SchedOf(g).stopping) Freeze(g);
        else YieldForPreemption(g, continuation);
    }
}
