using System.Collections.Generic;

namespace Goroutines;

/// <summary>
/// One stretch of time in which goroutine G ran on P and thread M: from the event that put it there (GoStart,
/// or a syscall exit with a P) until it stopped, blocked, entered a syscall or exited, or the run ended.
/// With InSyscall, the stretch G spent in a syscall on M instead (from GoSyscallBegin to the syscall's exit).
/// Times are in nanoseconds. Reason is the rule that started it; Ended, the event that ended it. The timeline
/// chart and the Chrome trace export both draw these.
/// </summary>
public sealed record GSpan(int P, int M, long G, long StartNs, long EndNs, string Reason, bool InSyscall = false, string Ended = "")
{
    /// <summary>How long the stretch lasted, in nanoseconds.</summary>
    public long DurationNs => EndNs - StartNs;

    /// <summary>The spans of a run's events (running and in-syscall), in the order they started.</summary>
    public static IReadOnlyList<GSpan> FromEvents(IReadOnlyList<TraceEvent> events)
    {
        var spans = new List<GSpan>();
        var running = new Dictionary<long, TraceEvent>(); // G → the event that started its current run
        var inSyscall = new Dictionary<long, TraceEvent>(); // G → its GoSyscallBegin
        foreach (var e in events)
        {
            switch (e.Kind)
            {
                case EventKind.GoStart:
                    Run(e);
                    break;
                case EventKind.GoSyscallEnd: // back from a syscall with its P: running again
                case EventKind.GoSyscallEndBlocked: // back with another P, or with none: then it waits in the global queue
                    Close(inSyscall, e.G, e, syscall: true);
                    Run(e);
                    break;
                case EventKind.GoSyscallBegin:
                    Close(running, e.G, e, syscall: false);
                    if (e.G != 0)
                        inSyscall[e.G] = e;
                    break;
                case EventKind.GoStop:
                case EventKind.GoBlock:
                case EventKind.GoDestroy:
                    Close(running, e.G, e, syscall: false);
                    break;
                case EventKind.RunEnd:
                    CloseAll(e);
                    break;
            }
        }
        if (events.Count > 0)
            CloseAll(events[^1]); // no RunEnd (events were dropped): the last event ends the picture
        spans.Sort((a, b) => (a.StartNs, a.P, a.G).CompareTo((b.StartNs, b.P, b.G)));
        return spans;

        // G starts running on e.P (if it has a P).
        void Run(TraceEvent e)
        {
            if (e.P < 0 || e.G == 0)
                return;
            if (running.TryGetValue(e.G, out var start) && start.P == e.P)
                return; // already running there (back from a syscall, then GoStart): one span
            Close(running, e.G, e, syscall: false);
            foreach (var (g, other) in running)
                if (other.P == e.P)
                {
                    Close(running, g, e, syscall: false); // a P runs one G at a time
                    break;
                }
            running[e.G] = e;
        }

        void Close(Dictionary<long, TraceEvent> open, long g, TraceEvent end, bool syscall)
        {
            if (open.Remove(g, out var s))
                spans.Add(new GSpan(s.P, s.M, g, s.TimeNs, end.TimeNs, s.Reason, syscall, $"{end.Kind}: {end.Reason}"));
        }

        void CloseAll(TraceEvent end)
        {
            foreach (var g in new List<long>(running.Keys))
                Close(running, g, end, syscall: false);
            foreach (var g in new List<long>(inSyscall.Keys))
                Close(inSyscall, g, end, syscall: true);
        }
    }
}
