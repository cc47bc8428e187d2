using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;

namespace Goroutines;

/// <summary>
/// Records the run's events as Go's execution tracer does (runtime/trace.go): each thread writes compact
/// records into its own buffer without a lock, numbered by one shared counter; they are merged in order,
/// and their sentences made, only when someone reads them. Nothing is allocated or formatted per event on
/// the way. Leaves out stacks and the binary wire format: the records stay in memory.
/// </summary>
internal sealed class Tracer
{
    [ThreadStatic] private static EventBuffer? mine;   // this thread's buffer (a thread may serve several runs in turn)

    private readonly Sched sched;
    private readonly int max;
    private long next;                       // the next event's Seq: events so far, kept or dropped
    private long end = long.MaxValue;        // RunEnd's Seq: it is the last event, whatever threads do while they leave

    private readonly object gate = new();    // guards the buffer list and the merge
    private EventBuffer[] buffers = [];
    private readonly ConcurrentDictionary<string, int> textIds = new();
    private readonly List<string> texts = new();

    // The merge: for events 0..merged-1, `order` holds which buffer (high bits) and where in it (low 40 bits),
    // `times` the time, made monotonic (two threads' clock reads race with their sequence numbers).
    private long[] order = new long[1024];
    private long[] times = new long[1024];
    private int merged;
    private long[] cursors = [];
    private readonly PriorityQueue<int, long> heads = new();   // buffers with unmerged records, by their next Seq

    internal Tracer(Sched sched, bool enabled, int max)
    {
        this.sched = sched;
        On = enabled;
        this.max = max;
    }

    /// <summary>Whether events are recorded: callers skip their arguments when it is off.</summary>
    internal bool On { get; }

    /// <summary>Events so far, kept or dropped (the step gate counts these).</summary>
    internal long Count
    {
        get
        {
            var last = Volatile.Read(ref end);
            var n = Volatile.Read(ref next);
            return last == long.MaxValue ? n : Math.Min(n, last + 1);
        }
    }

    /// <summary>The number of events kept (at most MaxEvents).</summary>
    internal int Kept => (int)Math.Min(Count, max);

    internal long Dropped => Count - Kept;

    /// <summary>
    /// Records one event. `arg` is TraceEvent.Arg; `a` and `b` are what the reason's sentence needs.
    /// Mirrors traceEventLocked's cheap path: a sequence number, a timestamp and a few integers.
    /// </summary>
    internal void Emit(Reason reason, P? pp, M? mp, G? gp, long arg = 0, long a = 0, int b = 0)
    {
        if (Volatile.Read(ref end) != long.MaxValue) return;
        var buf = mine;
        if (buf == null || buf.Owner != this) buf = Register();
        buf.PerKind[(int)reason.Kind]++;
        var seq = Interlocked.Increment(ref next) - 1;
        if (seq >= max) return;
        var e = new EventRecord
        {
            Seq = seq,
            TimeNs = sched.Nanotime(),
            Reason = reason.Id,
            P = pp?.id ?? -1,
            M = (int)(mp?.id ?? -1),
            G = gp?.goid ?? 0,
            Arg = arg,
            A = a,
            B = b,
            GlobalQueue = sched.runq.size,
            Threads = sched.mcount,
        };
        buf.Append(e, sched.allp);
        if (reason.Kind == EventKind.RunEnd) Volatile.Write(ref end, seq);
    }

    /// <summary>A text an event's sentence needs (a wait reason, a select case), as a small number.</summary>
    internal int Intern(string text)
    {
        var buf = mine;
        if (buf != null && buf.Owner == this && ReferenceEquals(buf.LastText, text)) return buf.LastTextId;
        if (!textIds.TryGetValue(text, out var id))
            lock (gate)
                if (!textIds.TryGetValue(text, out id))
                {
                    id = texts.Count;
                    texts.Add(text);
                    textIds[text] = id;
                }
        if (buf != null && buf.Owner == this)
        {
            buf.LastText = text;
            buf.LastTextId = id;
        }
        return id;
    }

    internal string Text(long id)
    {
        lock (gate) return texts[(int)id];
    }

    /// <summary>How many events of this kind were recorded (kept or dropped).</summary>
    internal long CountOf(EventKind kind)
    {
        long n = 0;
        foreach (var b in Volatile.Read(ref buffers)) n += Volatile.Read(ref b.PerKind[(int)kind]);
        return n;
    }

    internal IReadOnlyList<TraceEvent> Events() => EventsFrom(0);

    /// <summary>The kept events from index `from` on.</summary>
    internal IReadOnlyList<TraceEvent> EventsFrom(int from)
    {
        var kept = MergeKept();
        if (from >= kept) return [];
        lock (gate) return new RecordedEvents(this, order, times, buffers, from, kept - from);
    }

    internal TraceEvent? Last
    {
        get
        {
            var kept = MergeKept();
            if (kept == 0) return null;
            lock (gate) return At(order, times, buffers, kept - 1);
        }
    }

    /// <summary>Each kept event's kind, goroutine and time, read straight from the records (no TraceEvent made).</summary>
    internal IEnumerable<(EventKind Kind, long G, long TimeNs)> Brief()
    {
        var kept = MergeKept();
        long[] o, ts;
        EventBuffer[] bs;
        lock (gate) (o, ts, bs) = (order, times, buffers);
        for (var i = 0; i < kept; i++)
        {
            var r = bs[(int)(o[i] >> 40)].Read(o[i] & ((1L << 40) - 1), out _);
            yield return (Reason.Of(r.Reason).Kind, r.G, ts[i]);
        }
    }

    /// <summary>The i-th kept event, from a merge's arrays (entries below `merged` never change).</summary>
    internal TraceEvent At(long[] order, long[] times, EventBuffer[] buffers, int i)
    {
        var where = order[i];
        return new TraceEvent(this, buffers[(int)(where >> 40)], where & ((1L << 40) - 1), times[i]);
    }

    private EventBuffer Register()
    {
        var b = new EventBuffer(this);
        lock (gate) buffers = [.. buffers, b];
        mine = b;
        return b;
    }

    /// <summary>Merges every kept event into `order`; returns how many are kept.</summary>
    private int MergeKept()
    {
        var kept = Kept;
        lock (gate)
        {
            RequeueEmpty();
            var spin = new SpinWait();
            var waited = Environment.TickCount64;
            while (merged < kept)
            {
                if (heads.TryPeek(out var bi, out var seq) && seq == merged)
                {
                    heads.Dequeue();
                    Take(bi);
                    Enqueue(bi);
                    continue;
                }
                // Event `merged` was numbered but its thread has not published it yet (a few instructions
                // away), or it is in a buffer whose head we have not looked at since it was empty.
                RequeueEmpty();
                if (Environment.TickCount64 - waited > 1000) { kept = merged; break; }   // a thread stopped mid-way: give up on the rest
                spin.SpinOnce();
            }
            return Math.Min(kept, merged);
        }
    }

    private void Take(int bi)
    {
        var buf = buffers[bi];
        var at = cursors[bi];
        var r = buf.Read(at, out cursors[bi]);
        if (merged == order.Length)
        {
            Array.Resize(ref order, order.Length * 2);
            Array.Resize(ref times, times.Length * 2);
        }
        order[merged] = ((long)bi << 40) | at;
        times[merged] = merged == 0 ? r.TimeNs : Math.Max(r.TimeNs, times[merged - 1]);
        merged++;
    }

    private readonly HashSet<int> queued = new();

    // Puts buffer bi in the heap if it has an unmerged, published record.
    private void Enqueue(int bi)
    {
        var buf = buffers[bi];
        if (cursors[bi] < buf.Length)
        {
            cursors[bi] = buf.Start(cursors[bi]);
            if (cursors[bi] < buf.Length)
            {
                heads.Enqueue(bi, buf.SeqAt(cursors[bi]));
                queued.Add(bi);
                return;
            }
        }
        queued.Remove(bi);
    }

    // Puts every buffer with an unmerged record in the heap: new buffers, and those that were empty when last looked at.
    private void RequeueEmpty()
    {
        if (cursors.Length < buffers.Length) Array.Resize(ref cursors, buffers.Length);
        for (var i = 0; i < buffers.Length; i++)
            if (!queued.Contains(i)) Enqueue(i);
    }
}
