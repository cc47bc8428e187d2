namespace Goroutines;

/// <summary>A LIFO of Gs linked through G.schedlink: Go's gList (free Gs, ready lists).</summary>
internal struct GList
{
    internal G? head;
    internal int count;

    internal readonly bool Empty => head == null;

    internal void Push(G gp)
    {
        gp.schedlink = head;
        head = gp;
        count++;
    }

    internal G? Pop()
    {
        var gp = head;
        if (gp == null) return null;
        head = gp.schedlink;
        gp.schedlink = null;
        count--;
        return gp;
    }
}
