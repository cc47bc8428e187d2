using System;
using System.Threading;

namespace Goroutines;

/// <summary>An awaited `mu.Lock()`.</summary>
public sealed class MutexLockOp : GoOp
{
    private readonly Mutex mu;
    private long waitStart;
    private bool woken;
    internal bool granted;

    internal MutexLockOp(Mutex mu) { this.mu = mu; }

    internal G Waiter => gp!;

    private protected override string Name => "mu.Lock()";

    public MutexLockOp GetAwaiter()
    {
        Start();
        return this;
    }

    public void GetResult() => ThrowRaised();

    private protected override bool TryComplete(G g)
    {
        mu.lk.Enter();
        if (granted || (!mu.locked && !(mu.starving && mu.waiters.Count > 0 && !woken)))
        {
            mu.locked = true;
            if (woken && (mu.waiters.Count == 0 || Now(g) - waitStart < Mutex.StarvationThresholdNs)) mu.starving = false;
            mu.lk.Exit();
            return true;
        }
        if (!woken) waitStart = Now(g);
        else if (Now(g) - waitStart > Mutex.StarvationThresholdNs) mu.starving = true;
        // A waiter that was woken and lost goes back to the head of the queue (Go's queueLifo).
        if (woken) mu.waiters.AddFirst(this); else mu.waiters.AddLast(this);
        return false;   // mu.lk stays held until the park commits
    }

    private protected override void Park(G g, Action continuation) =>
        Sched.Gopark(g, () => { woken = true; Retry(continuation); }, mu.unlock, "sync.Mutex.Lock", "sync");

    private static long Now(G g) => g.m!.sched.Nanotime();
}
