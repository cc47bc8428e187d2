using System.Threading;

namespace Goroutines;

/// <summary>
/// The SynchronizationContext a goroutine runs under. Awaiting an inner async method of the same
/// goroutine resumes inline (same context instance). A task from outside the run that completes
/// posts here instead: the goroutine becomes ready through netpoll, like a G woken by Go's poller.
/// </summary>
internal sealed class GoroutineContext : SynchronizationContext
{
    private readonly G gp;
    private readonly Sched sched;

    internal GoroutineContext(G gp, Sched sched)
    {
        this.gp = gp;
        this.sched = sched;
    }

    public override void Post(SendOrPostCallback d, object? state)
    {
        if (sched.stopping || gp.ctx != this) return;   // the run ended, or the G is gone
        if (Sched.CurrentM is { } mp && mp.curg == gp)
        {
            // Posted by the goroutine itself, on its own M (an async iterator's ValueTask always posts):
            // its own continuation, run as soon as its stack unwinds — not a foreign await.
            var before = gp.selfPosted;
            gp.selfPosted = before == null ? () => d(state) : () => { before(); d(state); };
            return;
        }
        sched.netpoll.Deliver(gp, () => d(state));
    }

    public override void Send(SendOrPostCallback d, object? state) => Post(d, state);

    public override SynchronizationContext CreateCopy() => this;
}
