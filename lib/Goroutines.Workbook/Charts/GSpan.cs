using System.Collections.Generic;

namespace Goroutines.Workbook;

/// <summary>
/// One stretch of time in which goroutine G ran on P: from the event that put it there (GoStart, or a syscall exit with a P)
/// until it stopped, blocked, entered a syscall or exited, or the run ended. Times are in nanoseconds.
/// </summary>
public sealed record GSpan(int P, long G, long StartNs, long EndNs, string Reason)
{
    /// <summary>How long G ran, in nanoseconds.</summary>
    public long DurationNs => EndNs - StartNs;

    /// <summary>The spans of a run's events, in the order they started.</summary>
    public static IReadOnlyList<GSpan> FromEvents(IReadOnlyList<TraceEvent> events)
    {
        var spans = new List<GSpan>();
        var open = new Dictionary<long, (int P, long StartNs, string Reason)>(); // G → where and since when it runs
        foreach (var e in events)
        {
            switch (e.Kind)
            {
                case EventKind.GoStart:
                case EventKind.GoSyscallEnd: // back from a syscall with its P: running again
                case EventKind.GoSyscallEndBlocked: // back from a syscall with another P (no P: it waits in the global queue)
                    if (e.P < 0 || e.G == 0)
                        break;
                    if (open.TryGetValue(e.G, out var running) && running.P == e.P)
                        break; // already running there (back from a syscall, then GoStart): one span
                    Close(e.G, e.TimeNs);
                    CloseWhateverRunsOn(e.P, e.TimeNs); // a P runs one G at a time
                    open[e.G] = (e.P, e.TimeNs, e.Reason);
                    break;
                case EventKind.GoStop:
                case EventKind.GoBlock:
                case EventKind.GoDestroy:
                case EventKind.GoSyscallBegin:
                    Close(e.G, e.TimeNs);
                    break;
                case EventKind.RunEnd:
                    CloseAll(e.TimeNs);
                    break;
            }
        }
        if (events.Count > 0)
            CloseAll(events[^1].TimeNs); // no RunEnd (events were dropped): the last event ends the picture
        spans.Sort((a, b) => (a.StartNs, a.P, a.G).CompareTo((b.StartNs, b.P, b.G)));
        return spans;

        void Close(long g, long endNs)
        {
            if (open.Remove(g, out var s))
                spans.Add(new GSpan(s.P, g, s.StartNs, endNs, s.Reason));
        }

        void CloseWhateverRunsOn(int p, long endNs)
        {
            foreach (var (g, s) in open)
                if (s.P == p)
                {
                    Close(g, endNs);
                    return;
                }
        }

        void CloseAll(long endNs)
        {
            foreach (var g in new List<long>(open.Keys))
                Close(g, endNs);
        }
    }
}
