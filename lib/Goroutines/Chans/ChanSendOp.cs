using System;

namespace Goroutines;

/// <summary>An awaited `ch.Send(v)`: Go's chansend. (Leaves out the block profile and the race detector's annotations.)</summary>
public sealed class ChanSendOp<T> : GoOp
{
    private Chan<T>? c;
    private T v;
    private Sudog<T>? mysg;

    private ChanSendOp(Chan<T>? c, T v)
    {
        this.c = c;
        this.v = v;
    }

    /// <summary>The calling goroutine's finished send operation, reused, or a new one.</summary>
    internal static ChanSendOp<T> Get(Chan<T>? c, T v)
    {
        if (Sched.CurrentM?.curg is not { } g || Reuse<ChanSendOp<T>>(ref g.sendOpCache) is not { } op)
            return new ChanSendOp<T>(c, v);
        op.c = c;
        op.v = v;
        return op;
    }

    private protected override string Name => "ch.Send(...)";

    /// <summary>A sender woken by close panics, as in Go.</summary>
    public void GetResult()
    {
        ThrowRaised();
        if (mysg is { success: false }) throw new GoPanicException("send on closed channel");
        var g = gp;
        mysg = null;
        c = null;
        v = default!;
        Recycle();
        if (g != null) g.sendOpCache = this;
    }

    private protected override bool TryComplete(G g)
    {
        if (c == null) return false;   // nil channel: block forever
        c.lk.Enter();
        if (c.closed)
        {
            c.lk.Exit();
            throw new GoPanicException("send on closed channel");
        }
        if (c.SendLocked(v, out var ready))
        {
            c.lk.Exit();
            if (ready != null)
            {
                var sched = SchedOf(g);
                sched.Goready(g.m!, ready, HandedOff, g.goid);
            }
            return true;
        }
        mysg = Sudog<T>.Acquire(g, v);
        c.sendq.Enqueue(mysg);
        return false;   // c.lk stays held until the park commits (Go's chanparkcommit)
    }

    private protected override void Park(G g, Action continuation)
    {
        if (c == null) Sched.Gopark(g, continuation, null, null, "chan send (nil chan)", "forever");
        else Sched.Goparkunlock(g, continuation, c.lk, "chan send", "chan send");
    }

    // A = the sender.
    private static readonly Reason HandedOff = Sched.Readying(static (in EventRecord e, Tracer _) =>
        $"chan send: G{e.A} handed its value straight to waiting receiver G{e.G}");
}
