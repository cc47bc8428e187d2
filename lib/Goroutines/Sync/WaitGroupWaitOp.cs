using System;
using System.Threading;

namespace Goroutines;

/// <summary>An awaited `wg.Wait()`.</summary>
public sealed class WaitGroupWaitOp : GoOp
{
    private readonly WaitGroup wg;

    internal WaitGroupWaitOp(WaitGroup wg) { this.wg = wg; }

    private protected override string Name => "wg.Wait()";

    public WaitGroupWaitOp GetAwaiter()
    {
        Start();
        return this;
    }

    public void GetResult() => ThrowRaised();

    private protected override bool TryComplete(G g)
    {
        wg.lk.Enter();
        if (Interlocked.Read(ref wg.counter) == 0)
        {
            wg.lk.Exit();
            return true;
        }
        wg.waiters.Enqueue(g);
        return false;   // wg.lk stays held until the park commits
    }

    private protected override void Park(G g, Action continuation) =>
        Sched.Goparkunlock(g, continuation, wg.lk, "semacquire", "sync");
}
