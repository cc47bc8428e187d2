using System;
using System.Collections.Generic;
using System.Linq;

namespace Goroutines.Workbook.Tests;

/// <summary>Makes a RunResult from hand-written events, so charts can be tested on exactly known input.</summary>
internal static class RunResultFactory
{
    /// <summary>A completed run with these events and options.</summary>
    public static RunResult Create(IReadOnlyList<TraceEvent> events, int maxProcs, long droppedEvents = 0, bool lockstep = true)
    {
        var options = new RunOptions { MaxProcs = maxProcs, Lockstep = lockstep };
        var peak = events.Count == 0 ? 0 : events.Max(e => e.Threads);
        var stats = new RunStats(
            MaxProcs: maxProcs,
            GoroutinesCreated: events.Count(e => e.Kind == EventKind.GoCreate),
            GStructs: events.Select(e => e.G).Where(g => g != 0).Distinct().Count(),
            ThreadsCreated: events.Count(e => e.Kind == EventKind.ThreadStart),
            PeakThreads: peak,
            ContextSwitches: events.Count(e => e.Kind == EventKind.GoStart),
            Steals: events.Count(e => e.Kind == EventKind.RunqSteal),
            StolenGoroutines: 0,
            GlobalQueueOverflows: events.Count(e => e.Kind == EventKind.RunqOverflow),
            Preemptions: events.Count(e => e.Kind == EventKind.Preempt),
            SyscallRetakes: events.Count(e => e.Kind == EventKind.ProcSteal),
            Events: events.Count + droppedEvents,
            TimeInState: null);
        return new RunResult([], Outcome.Completed, "", events, droppedEvents, [], stats, options, TimeSpan.Zero, threadsLeft: 0);
    }
}
