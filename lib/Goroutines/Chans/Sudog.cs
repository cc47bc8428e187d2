namespace Goroutines;

/// <summary>
/// A goroutine waiting on a channel: Go's sudog. A goroutine in a select has one per case; the
/// first waker to win g.selectDone takes it, the others skip it.
/// </summary>
internal class Sudog
{
    internal Sudog(G g, bool isSelect, int caseIndex)
    {
        this.g = g;
        this.isSelect = isSelect;
        this.caseIndex = caseIndex;
    }

    internal readonly G g;
    internal readonly bool isSelect;
    internal readonly int caseIndex;
    internal bool success;            // true: a value was passed; false: woken by close
    internal Sudog? next;
    internal Sudog? prev;
}

/// <summary>A sudog carrying a value of the channel's element type.</summary>
internal sealed class Sudog<T> : Sudog
{
    internal Sudog(G g, T elem, bool isSelect = false, int caseIndex = 0) : base(g, isSelect, caseIndex)
    {
        this.elem = elem;
    }

    internal T elem;

    /// <summary>
    /// Go's acquireSudog: a plain (non-select) sudog for g, reusing the one g used last if it has the
    /// same element type — a goroutine waits on one channel at a time, and a waker dequeues the sudog
    /// before readying it, so the old one is free once its operation has returned. Leaves out Go's
    /// per-P sudog cache and the central list behind it (sched.sudogcache).
    /// </summary>
    internal static Sudog<T> Acquire(G g, T elem)
    {
        if (g.sudogCache is Sudog<T> sg)
        {
            sg.elem = elem;
            sg.success = false;
            sg.next = sg.prev = null;
            return sg;
        }
        sg = new Sudog<T>(g, elem);
        g.sudogCache = sg;
        return sg;
    }
}
