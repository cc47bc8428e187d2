namespace Goroutines;

/// <summary>A FIFO of Gs linked through G.schedlink: Go's gQueue, used for the global run queue.</summary>
internal struct GQueue
{
    internal G? head;
    internal G? tail;
    internal int size;

    internal readonly bool Empty => head == null;

    /// <summary>Go's gQueue.pushBack.</summary>
    internal void PushBack(G gp)
    {
        gp.schedlink = null;
        if (tail != null) tail.schedlink = gp; else head = gp;
        tail = gp;
        size++;
    }

    /// <summary>Go's gQueue.pushBackAll: appends a whole queue in one step and empties it.</summary>
    internal void PushBackAll(ref GQueue q)
    {
        if (q.tail == null) return;
        if (tail != null) tail.schedlink = q.head; else head = q.head;
        tail = q.tail;
        size += q.size;
        q = default;
    }

    /// <summary>Go's gQueue.push: at the head.</summary>
    internal void PushFront(G gp)
    {
        gp.schedlink = head;
        head = gp;
        if (tail == null) tail = gp;
        size++;
    }

    /// <summary>Go's gQueue.pop: from the head, or null.</summary>
    internal G? Pop()
    {
        var gp = head;
        if (gp == null) return null;
        head = gp.schedlink;
        if (head == null) tail = null;
        gp.schedlink = null;
        size--;
        return gp;
    }

    /// <summary>The goroutine ids in order, for snapshots and reports.</summary>
    internal readonly long[] Ids()
    {
        var ids = new long[size];
        var i = 0;
        for (var g = head; g != null && i < ids.Length; g = g.schedlink) ids[i++] = g.goid;
        return ids;
    }
}
