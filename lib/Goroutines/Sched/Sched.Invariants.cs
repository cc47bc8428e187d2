using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;

namespace Goroutines;

// The scheduler's invariants, checked after every event of a Lockstep run when RunOptions.CheckInvariants is on.
internal sealed partial class Sched
{
    /// <summary>
    /// What must hold whenever the world is still: every goroutine is in exactly one place — running
    /// on one M, in one queue, parked, or dead; no local queue holds more than 256; no more Ms hold Ps
    /// than GOMAXPROCS; a P and its M point at each other; the idle lists match their counts; and the
    /// counters agree with the events. Returns what is broken (empty when all holds).
    /// </summary>
    internal List<string> BrokenInvariants()
    {
        var broken = new List<string>();
        var place = new Dictionary<G, string>();
        void Put(G g, string where)
        {
            if (place.TryGetValue(g, out var other)) broken.Add($"G{g.goid} is in two places: {other} and {where}");
            else place[g] = where;
        }

        foreach (var pp in allp)
        {
            var n = pp.RunqLen();
            if (n < 0 || n > P.RunqSize) broken.Add($"{pp}'s queue holds {n} Gs (at most {P.RunqSize})");
            if (pp.runnext is { } rn) Put(rn, $"{pp}.runnext");
            for (var i = 0u; i < (uint)System.Math.Clamp(n, 0, P.RunqSize); i++)
                Put(pp.runq[(pp.runqhead + i) % P.RunqSize]!, $"{pp}'s queue");
            if (pp.m != null && pp.m.p != pp) broken.Add($"{pp}.m is {pp.m}, but {pp.m}.p is {pp.m.p?.ToString() ?? "nil"}");
            if (pp.Status == PStatus.Running && pp.m == null) broken.Add($"{pp} is running but no M holds it");
            if (pp.Status is PStatus.Idle or PStatus.Syscall && pp.m != null) broken.Add($"{pp} is {pp.Status} but {pp.m} holds it");
        }
        for (var g = runq.head; g != null; g = g.schedlink) Put(g, "the global queue");
        foreach (var g in netpoll.ReadyList()) Put(g, "netpoll's ready list");

        var holders = 0;
        foreach (var mp in allm.Where(m => !m.exited))
        {
            if (mp.curg != null) Put(mp.curg, $"running on {mp}");
            // startlockedm handed this M a P for its locked goroutine, which it has not started yet.
            if (mp.curg == null && mp.nextp != null && mp.lockedg is { Status: GStatus.Runnable } handed) Put(handed, $"handed to its locked {mp}");
            if (mp.p == null) continue;
            holders++;
            if (mp.p.m != mp) broken.Add($"{mp}.p is {mp.p}, but {mp.p}.m is {mp.p.m?.ToString() ?? "nil"}");
        }
        if (holders > gomaxprocs) broken.Add($"{holders} Ms hold a P, but GOMAXPROCS is {gomaxprocs}");

        var idleP = 0;
        for (var pp = pidle; pp != null; pp = pp.link, idleP++)
            if (pp.Status != PStatus.Idle) broken.Add($"{pp} is on the idle P list but is {pp.Status}");
        if (idleP != npidle) broken.Add($"the idle P list has {idleP} Ps but npidle is {npidle}");
        var idleM = 0;
        for (var mp = midle; mp != null; mp = mp.schedlink) idleM++;
        if (idleM != nmidle) broken.Add($"the idle M list has {idleM} Ms but nmidle is {nmidle}");

        foreach (var g in AllGs())
        {
            place.TryGetValue(g, out var where);
            var ok = g.Status switch
            {
                GStatus.Runnable => where != null && !where.StartsWith("running"),   // a queue, or handed to its locked M
                GStatus.Running or GStatus.Syscall => where != null && where.StartsWith("running"),
                // A G whose foreign await completed waits as "IO wait" until an M takes it out of netpoll.
                GStatus.Waiting => where == null || (where == "netpoll's ready list" && g.waitreason == "IO wait"),
                _ => where == null,
            };
            if (!ok) broken.Add($"G{g.goid} is {g.Status} but is {(where == null ? "nowhere" : "in " + where)}");
        }

        if (trace.On)
        {
            var counts = Counts();
            var starts = trace.CountOf(EventKind.GoStart);
            if (starts != counts.switches) broken.Add($"{starts} GoStart events but {counts.switches} context switches counted");
            var creates = trace.CountOf(EventKind.GoCreate);
            if (creates != counts.created) broken.Add($"{creates} GoCreate events but {counts.created} goroutines counted");
        }
        return broken;
    }

    /// <summary>Ends the run as a panic if an invariant is broken (Lockstep checkpoints, CheckInvariants on).</summary>
    internal void CheckInvariants()
    {
        var broken = BrokenInvariants();
        if (broken.Count == 0) return;
        Finish(Outcome.Panic, $"fatal error: scheduler invariant broken after event {trace.Count}:\n  " + string.Join("\n  ", broken));
    }

    /// <summary>
    /// Go's throw where proc.go asserts a state ("wirep: invalid p state", "stopm holding p", …). In a
    /// Debug build a broken one ends the run as a fatal error that names it and the P concerned;
    /// Release builds skip the check.
    /// </summary>
    [Conditional("DEBUG")]
    private void Check(bool ok, string goThrow, P? pp = null)
    {
        if (ok || stopping) return;
        var about = pp == null ? "" : $" ({pp} is {pp.Status}, held by {pp.m?.ToString() ?? "no M"})";
        Finish(Outcome.Panic, $"fatal error: {goThrow}{about} on {CurrentM?.ToString() ?? "a thread outside the run"} — a bug in the scheduler model");
    }
}
