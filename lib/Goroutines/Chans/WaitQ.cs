using System.Threading;

namespace Goroutines;

/// <summary>A channel's FIFO of waiting goroutines (Go's waitq: recvq or sendq).</summary>
internal struct WaitQ
{
    private Sudog? first;
    private Sudog? last;

    internal void Enqueue(Sudog sg)
    {
        sg.next = null;
        sg.prev = last;
        if (last != null) last.next = sg; else first = sg;
        last = sg;
    }

    /// <summary>
    /// Go's waitq.dequeue: the first waiter — skipping select cases whose goroutine was already
    /// woken by another case.
    /// </summary>
    internal Sudog? Dequeue()
    {
        while (first is { } sg)
        {
            Remove(sg);
            if (sg.g.owner is { stopping: true }) continue;   // left by a run that has ended: it never wakes
            if (sg.isSelect && Interlocked.CompareExchange(ref sg.g.selectDone, 1, 0) != 0) continue;
            return sg;
        }
        return null;
    }

    /// <summary>Takes sg out of the queue (a select cleaning up its other cases).</summary>
    internal void Remove(Sudog sg)
    {
        if (sg.prev != null) sg.prev.next = sg.next; else if (first == sg) first = sg.next; else return;
        if (sg.next != null) sg.next.prev = sg.prev; else last = sg.prev;
        sg.next = sg.prev = null;
    }

    internal readonly int Count()
    {
        var n = 0;
        for (var s = first; s != null; s = s.next) n++;
        return n;
    }
}
