using System;

namespace Goroutines;

// LockOSThread: a goroutine wired to its M (proc.go: lockOSThread, stoplockedm, startlockedm, mexit).
internal sealed partial class Sched
{
    /// <summary>Go's LockOSThread: the goroutine runs only on this M, and this M runs nothing else.
    /// Leaves out the template thread it starts and the runtime's own count (lockedInt).</summary>
    internal void LockOSThread(M mp, G gp)
    {
        if (mp.lockedExt == int.MaxValue) throw new GoPanicException("LockOSThread nesting overflow");
        mp.lockedExt++;
        mp.lockedg = gp;
        gp.lockedm = mp;
    }

    /// <summary>Go's UnlockOSThread: undoes one LockOSThread; at zero the goroutine may run anywhere again.
    /// Leaves out lockedInt, which must also be zero in Go before the goroutine is unwired.</summary>
    internal static void UnlockOSThread(M mp, G gp)
    {
        if (mp.lockedExt == 0) return;
        mp.lockedExt--;
        if (mp.lockedExt != 0) return;
        mp.lockedg = null;
        gp.lockedm = null;
    }

    /// <summary>
    /// Go's stoplockedm: this M's locked goroutine blocked. The M hands its P off and sleeps (counted
    /// as idle-locked by checkdead) until another M finds the goroutine runnable and gives it a P.
    /// Returns the locked goroutine, to run.
    /// </summary>
    private G? StopLockedM(M mp)
    {
        var gp = mp.lockedg!;
        if (mp.p != null) Handoffp(Releasep(mp, LockedGBlocked, gp.goid));
        if (trace.On) trace.Emit(WaitsForLockedG, null, mp, gp);
        using (lk.Hold())
        {
            nmidlelocked++;
            Checkdead();
        }
        mp.doing = $"waiting for its locked goroutine G{gp.goid} (stoplockedm)";
        ParkUntilHandedP(mp);
        mp.foundVia = FoundVia.Locked;
        return gp;
    }

    /// <summary>
    /// Go's startlockedm: findRunnable chose a goroutine locked to another M. This M hands that M its
    /// own P, wakes it, and goes idle.
    /// </summary>
    private void StartLockedM(M mp, G gp)
    {
        var lockedM = gp.lockedm!;
        var pp = Releasep(mp, LockedMGetsP, gp.goid, (int)lockedM.id);
        if (trace.On) trace.Emit(HandsPToLockedM, pp, mp, gp, lockedM.id);
        using (lk.Hold()) nmidlelocked--;
        lockedM.nextp = pp;
        lockedM.park.Wakeup();
        Stopm(mp);
    }

    /// <summary>Go's mexit: the thread's locked goroutine exited, so the thread leaves; its P goes to another M.
    /// Leaves out m0 (Go parks the main thread forever instead), the signal teardown and sched.freem.</summary>
    private void Mexit(M mp)
    {
        if (mp.p != null) Handoffp(Releasep(mp, LockedGExited));
        if (trace.On) trace.Emit(ThreadExits, null, mp, null);
        using (lk.Hold())
        {
            mcount--;
            Checkdead();
        }
    }

    // Why releasep let go of the P (the rest of its sentence); A = the locked G, B = its M.
    private static readonly Reason LockedGBlocked = Releasing(static (in EventRecord e, Tracer _) => $"its goroutine G{e.A} is locked to it and blocked");
    private static readonly Reason LockedMGetsP = Releasing(static (in EventRecord e, Tracer _) => $"G{e.A} is locked to M{e.B}, which gets this P");
    private static readonly Reason LockedGExited = Releasing(static (in EventRecord _, Tracer _) => "its locked goroutine exited, so the thread exits");

    private static readonly Reason WaitsForLockedG = new(EventKind.ThreadIdle, "locked", static (in EventRecord e, Tracer _) =>
        $"stoplockedm: M{e.M} waits until its locked goroutine G{e.G} can run; it runs nothing else");

    // Arg = the M the G is locked to.
    private static readonly Reason HandsPToLockedM = new(EventKind.ProcStop, "startlockedm", static (in EventRecord e, Tracer _) =>
        $"startlockedm: G{e.G} is runnable but locked to M{e.Arg}, so M{e.M} hands P{e.P} to M{e.Arg} and goes idle");

    private static readonly Reason ThreadExits = new(EventKind.ThreadIdle, "exit", static (in EventRecord e, Tracer _) =>
        $"mexit: the goroutine locked to M{e.M} exited without UnlockOSThread, so the OS thread M{e.M} exits");
}
