using System.Collections.Generic;
using System.Threading;

namespace Goroutines;

/// <summary>
/// A P's timers: Go's per-P 4-ary min-heap ordered by `when` (.NET's PriorityQueue is a 4-ary heap
/// too). There is no timer thread: the scheduler runs expired timers in findRunnable.
/// </summary>
internal sealed class Timers
{
    private readonly object gate = new();
    private readonly PriorityQueue<Timer, (long when, long seq)> heap = new();
    private long seq;
    private int len;

    internal int Len => Volatile.Read(ref len);

    internal void Add(Timer t)
    {
        lock (gate)
        {
            heap.Enqueue(t, (t.when, seq++));
            Volatile.Write(ref len, heap.Count);
        }
    }

    /// <summary>Moves every timer to another P's heap (a destroyed P's timers, Go's moveTimers).</summary>
    internal void MoveTo(Timers other)
    {
        lock (gate)
        {
            while (heap.TryDequeue(out var t, out _)) other.Add(t);
            Volatile.Write(ref len, 0);
        }
    }

    /// <summary>When the earliest timer is due, or 0 if there is none (Go's wakeTime).</summary>
    internal long WakeTime()
    {
        if (Len == 0) return 0;
        lock (gate) return heap.TryPeek(out _, out var due) ? due.when : 0;
    }

    /// <summary>Go's timers.check: run every timer due by now; returns when the next is due (0: none).
    /// Leaves out stopped and modified timers (zombies, adjust), periodic timers and the `ran` result.</summary>
    internal long Check(long now, Sched sched)
    {
        while (Len > 0)
        {
            Timer t;
            lock (gate)
            {
                if (!heap.TryPeek(out t!, out var due)) return 0;
                if (due.when > now) return due.when;
                heap.Dequeue();
                Volatile.Write(ref len, heap.Count);
            }
            t.fire();
        }
        return 0;
    }
}
