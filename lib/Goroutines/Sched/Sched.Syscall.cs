using System.Threading;

namespace Goroutines;

// System calls: entersyscall, exitsyscall and its fast and slow paths (proc.go, Go 1.23).
internal sealed partial class Sched
{
    /// <summary>
    /// Go's entersyscall (Go 1.23): the G is in a syscall; its M keeps it but lets go of the P, which
    /// waits in state Syscall. If the call blocks long enough, sysmon hands the P to another M. Leaves out
    /// the pc/sp saved for the GC and tracebacks, the stackguard poisoning, m.syscalltick and waking a deep-sleeping sysmon.
    /// </summary>
    internal void Entersyscall(M mp, G gp)
    {
        var pp = mp.p!;
        if (trace.On) trace.Emit(Enters, pp, mp, gp);
        gp.atomicstatus = GStatus.Syscall;
        pp.syscallSince = Nanotime();
        mp.oldp = pp;
        mp.p = null;
        pp.m = null;
        // A full fence (Go's atomic.Store): the read of gcwaiting below must not move before this store,
        // or a stop-the-world starting now could miss this P both here and in its own pass over the Ps.
        Interlocked.Exchange(ref pp.status, (int)PStatus.Syscall);
        mp.blockedInSyscall = true;
        if (gcwaiting) EntersyscallGcwait(pp);
        mp.doing = "in a syscall for";
    }

    /// <summary>Go's entersyscall_gcwait: the world is stopping, so this P stops now — unless the stopper or sysmon took it first.
    /// Leaves out the P's syscalltick++ and the tracer's ProcSteal.</summary>
    private void EntersyscallGcwait(P pp)
    {
        bool last;
        using (lk.Hold())
        {
            if (stopwait == 0 || Interlocked.CompareExchange(ref pp.status, (int)PStatus.GcStop, (int)PStatus.Syscall) != (int)PStatus.Syscall) return;
            last = StopPLocked(pp);
        }
        if (last) stopnote!.Wakeup();
    }

    /// <summary>
    /// Go's exitsyscall: fast path — take back the old P if sysmon did not take it, or any idle P.
    /// Returns false if there is none: the G must take the slow path (ExitsyscallNoP) after unwinding.
    /// Leaves out freezetheworld's check, the stackguard restore and the Gosched when the GC has disabled user goroutines.
    /// </summary>
    internal bool Exitsyscall(M mp, G gp)
    {
        mp.blockedInSyscall = false;
        var oldp = mp.oldp;
        mp.oldp = null;
        if (oldp != null && Interlocked.CompareExchange(ref oldp.status, (int)PStatus.Idle, (int)PStatus.Syscall) == (int)PStatus.Syscall)
        {
            Acquirep(mp, oldp);
            oldp.syscalltick++;
            gp.atomicstatus = GStatus.Running;
            if (trace.On) trace.Emit(BackWithP, oldp, mp, gp);
            mp.doing = "running";
            return true;
        }
        if (Volatile.Read(ref npidle) > 0)
        {
            P? pp;
            using (lk.Hold()) pp = PidleGet();
            if (pp != null)
            {
                Acquirep(mp, pp);
                pp.syscalltick++;
                gp.atomicstatus = GStatus.Running;
                if (trace.On)
                {
                    // Go's tracer: the goroutine lost its P, so it ends the syscall runnable, then starts again.
                    trace.Emit(BackToIdleP, pp, mp, gp);
                    trace.Emit(RunsAgain, pp, mp, gp, pp.schedtick);
                }
                pp.counts.switches++;
                mp.doing = "running";
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// Go's exitsyscall0 (the slow path, on g0): no P is free. The G goes to the tail of the global
    /// queue and this M sleeps on the idle list. Leaves out schedEnabled, waking a deep-sleeping sysmon,
    /// and the P's syscalltick++ that Go's exitsyscall does once the G runs again after the slow path.
    /// </summary>
    internal G? ExitsyscallNoP(G gp)
    {
        var mp = gp.m!;
        gp.atomicstatus = GStatus.Runnable;
        Dropg(mp, gp);
        P? pp;
        using (lk.Hold())
        {
            pp = PidleGet();
            if (pp == null) GlobrunqPut(gp);
        }
        if (trace.On) trace.Emit(pp == null ? BackWithoutP : BackFoundIdleP, pp, mp, gp);
        if (pp != null)
        {
            Acquirep(mp, pp);
            mp.foundVia = FoundVia.Handoff;
            return gp;
        }
        if (mp.lockedg != null)
        {
            // A locked goroutine runs only on this M: wait until another M finds it and hands a P over.
            mp.foundVia = FoundVia.Handoff;
            return StopLockedM(mp);
        }
        Stopm(mp);
        return null;
    }

    private static readonly Reason Enters = new(EventKind.GoSyscallBegin, static (in EventRecord e, Tracer _) =>
        $"entersyscall: G{e.G} makes a blocking call on M{e.M}; P{e.P} waits in state syscall, where sysmon may take it");

    private static readonly Reason BackWithP = new(EventKind.GoSyscallEnd, static (in EventRecord e, Tracer _) =>
        $"exitsyscall: G{e.G} is back from its syscall and M{e.M} still had P{e.P} (fast path)");

    private static readonly Reason BackToIdleP = new(EventKind.GoSyscallEndBlocked, static (in EventRecord e, Tracer _) =>
        $"exitsyscall: G{e.G}'s P was taken while it was in the syscall, so M{e.M} took idle P{e.P}");

    // Arg = the P's schedtick.
    private static readonly Reason RunsAgain = new(EventKind.GoStart, static (in EventRecord e, Tracer _) =>
        $"exitsyscall: G{e.G} runs again at once on M{e.M} with P{e.P}");

    private static readonly Reason BackWithoutP = new(EventKind.GoSyscallEndBlocked, static (in EventRecord e, Tracer _) =>
        $"exitsyscall: G{e.G} is back from its syscall but no P is free, so it goes to the tail of the global queue and M{e.M} goes idle");

    private static readonly Reason BackFoundIdleP = new(EventKind.GoSyscallEndBlocked, static (in EventRecord e, Tracer _) =>
        $"exitsyscall: G{e.G} is back from its syscall and M{e.M} found idle P{e.P}");
}
