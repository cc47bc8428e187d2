using System;
using System.Collections.Generic;
using System.Text;

namespace Goroutines;

/// <summary>
/// Go's GODEBUG=schedtrace lines (runtime/proc.go:schedtrace, Go 1.23), made from a Snapshot.
/// Line is the summary "SCHED 10ms: gomaxprocs=2 idleprocs=0 threads=4 … runqueue=1 [93 5]";
/// Detail is the scheddetail=1 form: the longer summary, then one line per P, per M (newest first) and per G.
/// Lines steps a paused Lockstep run and takes one trace every interval of virtual time, as sysmon prints one
/// every X ms. Differences from Go: the fields Go has and the model does not (mallocing, gcwaiting, stopwait, …)
/// print their idle values, and dead goroutines are not listed.
/// </summary>
public static class SchedTrace
{
    /// <summary>The summary line, as schedtrace=X prints it; the time is (snapshot time − startNs) in whole ms.</summary>
    public static string Line(Snapshot snapshot, long startNs = 0)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var line = new StringBuilder(Summary(snapshot, startNs)).Append(" [");
        for (var i = 0; i < snapshot.Ps.Count; i++)
            line.Append(i == 0 ? "" : " ").Append(snapshot.Ps[i].Queue.Count);
        return line.Append(']').ToString();
    }

    /// <summary>The scheddetail=1 block: the detailed summary line, then P, M and G lines, joined with '\n'.</summary>
    public static string Detail(Snapshot snapshot, long startNs = 0)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var text = new StringBuilder(Summary(snapshot, startNs));
        text.Append($" gcwaiting=false nmidlelocked={snapshot.IdleLockedThreads} stopwait=0 sysmonwait=false");
        foreach (var p in snapshot.Ps)
            text.Append($"\n  P{p.Id}: status={(int)p.Status} schedtick={p.Schedtick} syscalltick={p.Syscalltick} m={Id(p.M)} runqsize={p.Queue.Count} gfreecnt={p.GFreeCount} timerslen={p.Timers}");
        var ms = new List<MSnapshot>(snapshot.Ms);
        ms.Sort((a, b) => b.Id.CompareTo(a.Id)); // allm order: the newest M first
        foreach (var m in ms)
            text.Append($"\n  M{m.Id}: p={Id(m.P)} curg={Id(m.CurG)} mallocing=0 throwing=0 preemptoff= locks=0 dying=0 spinning={Bool(m.Spinning)} blocked={Bool(m.Idle)} lockedg={Id(m.LockedG)}");
        foreach (var g in snapshot.Gs)
            text.Append($"\n  G{g.Id}: status={(int)g.Status}({g.WaitReason}) m={Id(g.M)} lockedm={Id(g.LockedM)}");
        return text.ToString();
    }

    /// <summary>
    /// Steps a paused Lockstep run (from Runtime.Start) to its end or until maxLines, and returns one trace per
    /// interval of virtual time: the first at 0ms, then the first step at or past each multiple of every.
    /// With detail, each entry is a scheddetail=1 block (several lines).
    /// </summary>
    public static IReadOnlyList<string> Lines(SteppedRun run, TimeSpan every, bool detail = false, int maxLines = 1000)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (every <= TimeSpan.Zero) throw new BadArgumentException(nameof(every), every, "SchedTrace.Lines needs a positive interval, e.g. TimeSpan.FromMilliseconds(1).");
        if (maxLines < 1) throw new BadArgumentException(nameof(maxLines), maxLines, "maxLines must be at least 1.");
        var lines = new List<string>();
        var first = run.Snapshot;
        var start = first.TimeNs;
        var interval = (long)(every.TotalMilliseconds * 1_000_000);
        lines.Add(detail ? Detail(first, start) : Line(first, start));
        var next = start + interval;
        while (!run.Ended && lines.Count < maxLines)
        {
            var step = run.Step();
            if (run.Ended || step.Count == 0 || step[^1].TimeNs < next) continue;
            var now = run.Snapshot;
            lines.Add(detail ? Detail(now, start) : Line(now, start));
            while (next <= now.TimeNs) next += interval;
        }
        return lines;
    }

    // "SCHED 10ms: gomaxprocs=… runqueue=…", the part both forms share.
    private static string Summary(Snapshot s, long startNs) =>
        $"SCHED {Math.Max(0, s.TimeNs - startNs) / 1_000_000}ms: gomaxprocs={s.Gomaxprocs} idleprocs={s.IdleProcs} threads={s.Threads} " +
        $"spinningthreads={s.SpinningThreads} needspinning={s.NeedSpinning} idlethreads={s.IdleThreads} runqueue={s.GlobalQueue.Count}";

    private static string Id(long? id) => id?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "nil";

    private static string Id(int? id) => id?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "nil";

    private static string Bool(bool b) => b ? "true" : "false";
}
