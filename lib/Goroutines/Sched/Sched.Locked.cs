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
        if (mp.p != null) Handoffp(Releasep(mp, $"its goroutine G{gp.goid} is locked to it and blocked"));
        if (trace.On) trace.Emit(EventKind.ThreadIdle, null, mp, gp, 0, "locked", $"stoplockedm: {mp} waits until its locked goroutine G{gp.goid} can run; it runs nothing else");
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
        var pp = Releasep(mp, $"G{gp.goid} is locked to {lockedM}, which gets this P");
        if (trace.On) trace.Emit(EventKind.ProcStop, pp, mp, gp, lockedM.id, "startlockedm", $"startlockedm: G{gp.goid} is runnable but locked to {lockedM}, so {mp} hands {pp} to {lockedM} and goes idle");
        using (lk.Hold()) nmidlelocked--;
        lockedM.nextp = pp;
        lockedM.park.Wakeup();
        Stopm(mp);
    }

    /// <summary>Go's mexit: the thread's locked goroutine exited, so the thread leaves; its P goes to another M.
    /// Leaves out m0 (Go parks the main thread forever instead), the signal teardown and sched.freem.</summary>
    private void Mexit(M mp)
    {
        if (mp.p != null) Handoffp(Releasep(mp, "its locked goroutine exited, so the thread exits"));
        if (trace.On) trace.Emit(EventKind.ThreadIdle, null, mp, null, 0, "exit", $"mexit: the goroutine locked to {mp} exited without UnlockOSThread, so the OS thread {mp} exits");
        using (lk.Hold())
        {
            mcount--;
            Checkdead();
        }
    }
}
