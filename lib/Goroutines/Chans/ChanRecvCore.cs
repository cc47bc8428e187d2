using System;

namespace Goroutines;

/// <summary>What Recv and RecvOk share: Go's chanrecv. Leaves out the block profile, the race detector
/// and Go 1.23's timer-channel hook (maybeRunChan).</summary>
public abstract class ChanRecvCore<T> : GoOp
{
    private protected Chan<T>? c;
    private Sudog<T>? mysg;
    private protected T value = default!;
    private protected bool ok;

    private protected ChanRecvCore(Chan<T>? c) { this.c = c; }

    private protected override string Name => "ch.Recv()";   // ChanRecvOkOp says ch.RecvOk()

    private protected void TakeResult()
    {
        if (mysg == null) return;
        value = mysg.elem;
        ok = mysg.success;
        mysg = null;
    }

    /// <summary>After the result is taken: ready for the goroutine's next receive.</summary>
    private protected void Release()
    {
        var g = gp;
        c = null;
        value = default!;
        ok = false;
        Recycle();
        if (g != null) g.recvOpCache = this;
    }

    private protected override bool TryComplete(G g)
    {
        if (c == null) return false;   // nil channel: block forever
        c.lk.Enter();
        if (c.RecvLocked(out value, out ok, out var ready))
        {
            c.lk.Exit();
            if (ready != null)
            {
                var sched = SchedOf(g);
                sched.Goready(g.m!, ready, TookFromSender, g.goid);
            }
            return true;
        }
        mysg = Sudog<T>.Acquire(g, default!);
        c.recvq.Enqueue(mysg);
        return false;   // c.lk stays held until the park commits (Go's chanparkcommit)
    }

    private protected override void Park(G g, Action continuation)
    {
        if (c == null) Sched.Gopark(g, continuation, null, null, "chan receive (nil chan)", "forever");
        else Sched.Goparkunlock(g, continuation, c.lk, "chan receive", "chan receive");
    }

    // A = the receiver.
    private static readonly Reason TookFromSender = Sched.Readying(static (in EventRecord e, Tracer _) =>
        $"chan receive: G{e.A} took the value of waiting sender G{e.G}");
}
