using System.Collections.Generic;

namespace Goroutines;

/// <summary>
/// How long goroutines spent in each state, summed over every user goroutine of a run (ns), from its
/// events: created → runnable, GoStart → running, GoStop/GoUnblock → runnable, GoBlock → waiting,
/// GoSyscallBegin → syscall, until GoDestroy or the end of the run.
/// </summary>
public sealed record StateTimes(long RunnableNs, long RunningNs, long WaitingNs, long SyscallNs)
{
    internal static StateTimes From(IEnumerable<(EventKind Kind, long G, long TimeNs)> events)
    {
        var since = new Dictionary<long, (GStatus state, long t)>();
        var user = new HashSet<long>();   // goroutines with a GoCreate event: the runtime's own have none
        long runnable = 0, running = 0, waiting = 0, syscall = 0, end = 0;
        void Close(long g, long t)
        {
            if (!since.Remove(g, out var was)) return;
            var d = t - was.t;
            switch (was.state)
            {
                case GStatus.Runnable: runnable += d; break;
                case GStatus.Running: running += d; break;
                case GStatus.Waiting: waiting += d; break;
                case GStatus.Syscall: syscall += d; break;
            }
        }
        void Enter(long g, GStatus s, long t)
        {
            if (!user.Contains(g)) return;
            Close(g, t);
            since[g] = (s, t);
        }
        foreach (var e in events)
        {
            end = e.TimeNs;
            if (e.G == 0) continue;
            switch (e.Kind)
            {
                case EventKind.GoCreate:
                    user.Add(e.G);
                    Enter(e.G, GStatus.Runnable, e.TimeNs);
                    break;
                case EventKind.GoStart:
                case EventKind.GoSyscallEnd: Enter(e.G, GStatus.Running, e.TimeNs); break;
                case EventKind.GoStop:
                case EventKind.GoUnblock:
                case EventKind.GoSyscallEndBlocked: Enter(e.G, GStatus.Runnable, e.TimeNs); break;
                case EventKind.GoBlock: Enter(e.G, GStatus.Waiting, e.TimeNs); break;
                case EventKind.GoSyscallBegin: Enter(e.G, GStatus.Syscall, e.TimeNs); break;
                case EventKind.GoDestroy: Close(e.G, e.TimeNs); break;
            }
        }
        foreach (var g in new List<long>(since.Keys)) Close(g, end);
        return new StateTimes(runnable, running, waiting, syscall);
    }
}
