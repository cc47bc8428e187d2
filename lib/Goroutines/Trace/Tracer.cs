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

    // The merge: `order` holds, for events 0..merged-1, which buffer (high bits) and which record (low bits).
    private long[] order = new long[1024];
    private int merged;
    private int[] cursors = [];
    private readonly PriorityQueue<int, long> heads = new();   // buffers with unmerged records, by their next Seq
    private long lastTime;                   // times are made monotonic in merged order (two threads' clocks race)

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
        ref var e = ref buf.Next();
        e.Seq = seq;
        e.TimeNs = sched.Nanotime();
        e.A = a;
        e.B = b;
        e.G = (int)(gp?.goid ?? 0);
        e.Arg = (int)arg;
        e.P = (short)(pp?.id ?? -1);
        e.M = (short)(mp?.id ?? -1);
        e.Reason = reason.Id;
        e.GlobalQueue = sched.runq.size;
        e.Threads = (ushort)sched.mcount;
        var allp = sched.allp;
        e.Procs = (byte)(allp.Length - 1);
        e.Queues = allp.Length <= QueueLengths.Packable ? QueueLengths.Pack(allp) : buf.Spill(allp);
        if (reason.Kind == EventKind.RunEnd) Volatile.Write(ref end, seq);
        buf.Publish();
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
        return from >= kept ? [] : new RecordedEvents(this, from, kept - from);
    }

    internal TraceEvent? Last
    {
        get
        {
            var kept = MergeKept();
            return kept == 0 ? null : At(kept - 1);
        }
    }

    /// <summary>The i-th kept event (i below what a merge has reached).</summary>
    internal TraceEvent At(int i)
    {
        long where;
        EventBuffer buf;
        lock (gate)
        {
            where = order[i];
            buf = buffers[(int)(where >> 32)];
        }
        return new TraceEvent(this, buf, (int)where);
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
            if (cursors.Length < buffers.Length)
            {
                var old = cursors.Length;
                Array.Resize(ref cursors, buffers.Length);
                for (var i = old; i < buffers.Length; i++) Enqueue(i);
            }
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
        var index = cursors[bi]++;
        ref var r = ref buf[index];
        if (r.TimeNs < lastTime) r.TimeNs = lastTime;   // the writer is done with it: it is published and ≤ merged
        lastTime = r.TimeNs;
        if (merged == order.Length) Array.Resize(ref order, order.Length * 2);
        order[merged++] = ((long)bi << 32) | (uint)index;
    }

    private readonly HashSet<int> queued = new();

    // Puts buffer bi in the heap if it has an unmerged, published record.
    private void Enqueue(int bi)
    {
        var buf = buffers[bi];
        if (cursors[bi] < buf.Count)
        {
            heads.Enqueue(bi, buf[cursors[bi]].Seq);
            queued.Add(bi);
        }
        else queued.Remove(bi);
    }

    private void RequeueEmpty()
    {
        if (cursors.Length < buffers.Length)
        {
            var old = cursors.Length;
            Array.Resize(ref cursors, buffers.Length);
            for (var i = old; i < buffers.Length; i++) Enqueue(i);
        }
        for (var i = 0; i < buffers.Length; i++)
            if (!queued.Contains(i)) Enqueue(i);
    }
}
