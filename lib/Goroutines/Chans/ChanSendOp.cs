using System;
using System.Threading;

namespace Goroutines;

/// <summary>An awaited `ch.Send(v)`: Go's chansend.</summary>
public sealed class ChanSendOp<T> : GoOp
{
    private readonly Chan<T>? c;
    private readonly T v;
    private Sudog<T>? mysg;

    internal ChanSendOp(Chan<T>? c, T v)
    {
        this.c = c;
        this.v = v;
    }

    private protected override string Name => "ch.Send(...)";

    public ChanSendOp<T> GetAwaiter()
    {
        Start();
        return this;
    }

    /// <summary>A sender woken by close panics, as in Go.</summary>
    public void GetResult()
    {
        if (mysg is { success: false }) throw new GoPanicException("send on closed channel");
    }

    private protected override bool TryComplete(G g)
    {
        if (c == null) return false;   // nil channel: block forever
        Monitor.Enter(c.lk);
        if (c.closed)
        {
            Monitor.Exit(c.lk);
            throw new GoPanicException("send on closed channel");
        }
        if (c.SendLocked(v, out var ready))
        {
            Monitor.Exit(c.lk);
            if (ready != null)
            {
                var sched = SchedOf(g);
                sched.Goready(ready, sched.trace.On ? $"chan send: G{g.goid} handed its value straight to waiting receiver G{ready.goid}" : "");
            }
            return true;
        }
        mysg = Sudog<T>.Acquire(g, v);
        c.sendq.Enqueue(mysg);
        return false;   // c.lk stays held until the park commits (Go's chanparkcommit)
    }

    private protected override void Park(G g, Action continuation)
    {
        if (c == null) Sched.Gopark(g, continuation, null, "chan send (nil chan)", "forever");
        else Sched.Gopark(g, continuation, c.unlock, "chan send", "chan send");
    }
}
