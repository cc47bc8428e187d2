using System.Collections.Generic;
using Goroutines;

namespace Goroutines.Workbook.Tests;

/// <summary>Writes a run's events by hand, in order, with queue lengths and thread count carried from event to event.</summary>
internal sealed class EventScript
{
    private readonly List<TraceEvent> events = [];
    private int global;
    private int[] locals;
    private int threads = 1;

    public EventScript(int procs) => locals = new int[procs];

    public IReadOnlyList<TraceEvent> Events => events;

    /// <summary>Adds an event at timeNs; queue lengths and threads, when given, change from here on.</summary>
    public EventScript At(long timeNs, EventKind kind, int p = -1, long g = 0, string reason = "", int m = -1,
        int? globalQueue = null, int[]? localQueues = null, int? threadCount = null)
    {
        global = globalQueue ?? global;
        locals = localQueues ?? locals;
        threads = threadCount ?? threads;
        events.Add(new TraceEvent(events.Count + 1, timeNs, kind, p, m, g, 0, "", reason, global, (int[])locals.Clone(), threads));
        return this;
    }
}
