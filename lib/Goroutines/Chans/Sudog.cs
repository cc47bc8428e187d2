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
}
