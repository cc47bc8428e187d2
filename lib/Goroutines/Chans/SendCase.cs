using System;

namespace Goroutines;

/// <summary>A select case that sends a value on a channel.</summary>
internal sealed class SendCase<T> : SelectCase
{
    private readonly Chan<T>? c;
    private readonly T v;
    private readonly Action? then;
    private Sudog<T>? sg;
    private bool closedWhileWaiting;

    internal SendCase(Chan<T>? c, T v, Action? then)
    {
        this.c = c;
        this.v = v;
        this.then = then;
    }

    internal override RuntimeLock? Lock => c?.lk;
    internal override long ChanId => c?.id ?? 0;

    internal override bool TryLocked(out G? ready)
    {
        ready = null;
        if (c == null) return false;
        if (c.closed) throw new GoPanicException("send on closed channel");
        return c.SendLocked(v, out ready);
    }

    internal override void EnqueueLocked(G g, int index)
    {
        sg = new Sudog<T>(g, v, isSelect: true, caseIndex: index);
        c!.sendq.Enqueue(sg);
    }

    internal override void DequeueLocked()
    {
        if (sg != null) c!.sendq.Remove(sg);
    }

    internal override void Won(Sudog won) => closedWhileWaiting = !won.success;

    internal override void Run()
    {
        if (closedWhileWaiting) throw new GoPanicException("send on closed channel");
        then?.Invoke();
    }

    internal override string Describe() => "send";
}
