using System.Threading;

namespace Goroutines;

/// <summary>
/// The SynchronizationContext a goroutine runs under. Awaiting an inner async method of the same
/// goroutine resumes inline (same context instance). A task from outside the run that completes
/// posts here instead: the goroutine becomes ready through netpoll, like a G woken by Go's poller.
/// A dead G keeps its context for its next life (a spawn then allocates nothing) unless the context
/// was exposed — the goroutine waited on a foreign task, something posted to it, or it started an
/// async void method — because a late post must find the G gone, not its successor. (A task started
/// and never awaited inside a goroutine is not tracked: await every task a goroutine starts.)
/// </summary>
internal sealed class GoroutineContext : SynchronizationContext
{
    private readonly G gp;
    private readonly Sched sched;
    internal bool exposed;   // something outside the goroutine may post to it: not reused after the G exits

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
        exposed = true;
        if (gp.Status == GStatus.Dead) return;   // too late: the goroutine returned (its next life gets a new context)
        sched.netpoll.Deliver(gp, () => d(state));
    }

    /// <summary>An async void method started: it may post to this context after the goroutine returns.</summary>
    public override void OperationStarted() => exposed = true;

    public override void Send(SendOrPostCallback d, object? state) => Post(d, state);

    public override SynchronizationContext CreateCopy() => this;
}
