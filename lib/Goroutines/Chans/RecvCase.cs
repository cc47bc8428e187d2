using System;

namespace Goroutines;

/// <summary>A select case that receives from a channel.</summary>
internal sealed class RecvCase<T> : SelectCase
{
    private readonly Chan<T>? c;
    private readonly Action<T, bool>? then;
    private Sudog<T>? sg;
    private T value = default!;
    private bool ok;

    internal RecvCase(Chan<T>? c, Action<T, bool>? then)
    {
        this.c = c;
        this.then = then;
    }

    internal override RuntimeLock? Lock => c?.lk;
    internal override long ChanId => c?.id ?? 0;

    internal override bool TryLocked(out G? ready)
    {
        ready = null;
        return c != null && c.RecvLocked(out value, out ok, out ready);
    }

    internal override void EnqueueLocked(G g, int index)
    {
        sg = new Sudog<T>(g, default!, isSelect: true, caseIndex: index);
        c!.recvq.Enqueue(sg);
    }

    internal override void DequeueLocked()
    {
        if (sg != null) c!.recvq.Remove(sg);
    }

    internal override void Won(Sudog won)
    {
        var s = (Sudog<T>)won;
        value = s.elem;
        ok = s.success;
    }

    internal override void Run() => then?.Invoke(value, ok);

    internal override string Describe() => "receive";
}
