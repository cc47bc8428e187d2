using System.Collections.Generic;

namespace Goroutines;

/// <summary>Records the run's events with the state of the queues at that moment.</summary>
internal sealed class Tracer
{
    private readonly Sched sched;
    private readonly object gate = new();
    private readonly List<TraceEvent> events = new();
    private readonly int max;
    private long seq;
    private bool closed;   // RunEnd was recorded: it is the last event, whatever threads do while they leave
    private readonly long[] perKind = new long[System.Enum.GetValues<EventKind>().Length];

    internal Tracer(Sched sched, bool enabled, int max)
    {
        this.sched = sched;
        On = enabled;
        this.max = max;
    }

    /// <summary>Whether events are recorded: callers build reasons only when it is on.</summary>
    internal bool On { get; }

    internal long Dropped { get; private set; }

    internal long Count
    {
        get { lock (gate) return seq; }
    }

    internal void Emit(EventKind kind, P? pp, M? mp, G? gp, long arg, string detail, string reason)
    {
        var allp = sched.allp;
        var locals = new int[allp.Length];
        for (var i = 0; i < allp.Length; i++) locals[i] = allp[i].RunqLen();
        lock (gate)
        {
            if (closed) return;
            closed = kind == EventKind.RunEnd;
            perKind[(int)kind]++;
            var e = new TraceEvent(seq++, sched.Nanotime(), kind, pp?.id ?? -1, (int)(mp?.id ?? -1), gp?.goid ?? 0,
                arg, detail, reason, sched.runq.size, locals, sched.mcount);
            if (events.Count < max) events.Add(e);
            else Dropped++;
        }
    }

    /// <summary>How many events of this kind were recorded (kept or dropped).</summary>
    internal long CountOf(EventKind kind)
    {
        lock (gate) return perKind[(int)kind];
    }

    internal IReadOnlyList<TraceEvent> Events()
    {
        lock (gate) return events.ToArray();
    }

    /// <summary>The kept events from index `from` on.</summary>
    internal IReadOnlyList<TraceEvent> EventsFrom(int from)
    {
        lock (gate) return from >= events.Count ? [] : events.GetRange(from, events.Count - from).ToArray();
    }

    /// <summary>The number of events kept.</summary>
    internal int Kept
    {
        get { lock (gate) return events.Count; }
    }

    internal TraceEvent? Last
    {
        get { lock (gate) return events.Count == 0 ? null : events[^1]; }
    }
}
