using System.Collections.Generic;
using System.Linq;

namespace Goroutines;

// The whole state at one moment, for views, steppers and exercises.
internal sealed partial class Sched
{
    internal Snapshot TakeSnapshot()
    {
        var ended = stopping;   // the Ms have left (or are leaving) their Ps: no P is held or runs anything
        var ps = allp.Select(pp => new PSnapshot(
            pp.id, pp.Status, ended ? null : pp.m?.id, ended ? null : pp.m?.curg?.goid, System.Threading.Volatile.Read(ref pp.runnext)?.goid, RingIds(pp), pp.schedtick, pp.timers.Len)
        {
            Syscalltick = pp.syscalltick,
            GFreeCount = pp.gFree.count,
        }).ToArray();
        long[] global;
        M[] ms;
        int idleProcs, threads, idleThreads, idleLocked;
        using (lk.Hold())
        {
            global = runq.Ids();
            ms = allm.ToArray();
            idleProcs = npidle;
            threads = mcount;
            idleThreads = nmidle;
            idleLocked = nmidlelocked;
        }
        var idle = new HashSet<M>();
        using (lk.Hold())
            for (var m = midle; m != null; m = m.schedlink) idle.Add(m);
        var msnap = ms.Where(m => !m.exited || m == sysmonM).Select(m => new MSnapshot(
            m.id, (m.p ?? m.nextp)?.id, m.curg?.goid, m.spinning, m.blockedInSyscall, idle.Contains(m), m == sysmonM, m.doing)
        {
            LockedG = m.lockedg?.goid,
        }).ToArray();
        var gs = AllGs().Where(g => g.goid != 0 && g.Status != GStatus.Dead)
            .Select(g => new GSnapshot(g.goid, g.Status, g.Status == GStatus.Waiting ? g.waitreason : "", g.m?.id, g.system) { LockedM = g.lockedm?.id })
            .OrderBy(g => g.Id).ToArray();
        var last = trace.Last;
        return new Snapshot(Nanotime(), trace.Count, ps, global, msnap, gs, last?.Reason ?? "")
        {
            IdleProcs = idleProcs,
            Threads = threads,
            SpinningThreads = System.Threading.Volatile.Read(ref nmspinning),
            NeedSpinning = System.Threading.Volatile.Read(ref needspinning),
            IdleThreads = idleThreads,
            IdleLockedThreads = idleLocked,
            Ended = ended,
        };
    }

    private static long[] RingIds(P pp)
    {
        var h = System.Threading.Volatile.Read(ref pp.runqhead);
        var t = System.Threading.Volatile.Read(ref pp.runqtail);
        var n = (int)System.Math.Min(P.RunqSize, t - h);
        var ids = new long[n];
        for (var i = 0; i < n; i++) ids[i] = pp.runq[(h + (uint)i) % P.RunqSize]?.goid ?? 0;
        return ids;
    }
}
