using System.Collections.Generic;
using System.Threading;

namespace Goroutines;

// GOMAXPROCS during a run: stop the world, procresize, start the world (proc.go).
internal sealed partial class Sched
{
    internal volatile bool gcwaiting;              // Go's sched.gcwaiting: every P must stop
    internal int stopwait;                         // Ps not yet stopped (under lk)
    private Note? stopnote;                        // the stopper sleeps here until stopwait is 0
    private readonly Queue<M> worldWaiters = new(); // Ms whose goroutine waits to stop the world itself (under lk)
    private M? stwOwner;                           // the M stopping the world, for the time-out report
    private string stwWhy = "";                    // what it stops the world for, e.g. "GOMAXPROCS(3)"

    /// <summary>
    /// Go's runtime.GOMAXPROCS(n) with n > 0: stop the world, resize to n Ps, start the world.
    /// Returns the previous value. Called on the goroutine's own M, which keeps running throughout.
    /// Leaves out gcsema (stopTheWorldGC waits for a GC cycle under way to finish).
    /// </summary>
    internal int Gomaxprocs(M mp, int n)
    {
        var old = gomaxprocs;
        if (n <= 0 || n == old) return old;
        var why = $"GOMAXPROCS({n})";
        // Go's worldsema: one stop-the-world at a time. If another is under way, stop with it, then try again.
        while (!StopTheWorld(mp, why)) WaitForWorld(mp);
        StartTheWorld(mp, n, why);
        return old;
    }

    /// <summary>
    /// Go's stopTheWorldWithSema: every P but the caller's is stopped — idle and syscall Ps at once,
    /// running ones when their goroutine reaches a safe point (preemptall) and their M calls gcstopm.
    /// Returns false, doing nothing, if another goroutine is stopping the world already. Leaves out the
    /// syscalltick++ on each syscall P it takes, the stop-the-world time metrics and freezetheworld.
    /// </summary>
    private bool StopTheWorld(M mp, string why)
    {
        using (lk.Hold())
        {
            if (gcwaiting) return false;
            stopnote ??= platform.NewNote();
            if (trace.On) trace.Emit(WorldStops, mp.p, mp, mp.curg, a: trace.Intern(why));
            stwOwner = mp;
            stwWhy = why;
            gcwaiting = true;
            stopwait = gomaxprocs;
            Volatile.Write(ref mp.p!.status, (int)PStatus.GcStop);
            stopwait--;
            // A P in a syscall stops at once, without waiting for its M: the M will find it taken when it returns.
            foreach (var pp in allp)
                if (Interlocked.CompareExchange(ref pp.status, (int)PStatus.GcStop, (int)PStatus.Syscall) == (int)PStatus.Syscall)
                    stopwait--;
            while (PidleGet() is { } idle)
            {
                Volatile.Write(ref idle.status, (int)PStatus.GcStop);
                stopwait--;
            }
        }
        while (true)
        {
            using (lk.Hold())
                if (stopwait == 0) break;
            PreemptAll(mp);
            stopnote.Sleep(100_000);   // Go re-preempts every 100 µs
            if (stopping) throw new RunStoppedException();
        }
        using (lk.Hold())
            foreach (var pp in allp)
                Check(pp.Status == PStatus.GcStop, "stopTheWorld: not stopped (status != _Pgcstop)", pp);
        return true;
    }

    /// <summary>
    /// Another goroutine is stopping the world. In Go this goroutine would park on worldsema; here its
    /// M stops its P with the world and waits, keeping the goroutine, until a P goes idle for it. If the
    /// world has started again meanwhile, it keeps its P and returns at once.
    /// </summary>
    private void WaitForWorld(M mp)
    {
        var pp = Releasep(mp, WaitsForTurn);
        bool last;
        using (lk.Hold())
        {
            if (!gcwaiting)
            {
                // The world started again meanwhile: nobody counts this P any more, so keep it and go on.
                Acquirep(mp, pp);
                return;
            }
            worldWaiters.Enqueue(mp);
            last = StopPLocked(pp);
        }
        if (last) stopnote!.Wakeup();
        mp.doing = $"waiting to stop the world for G{mp.curg?.goid}";
        ParkUntilHandedP(mp);
    }

    /// <summary>Hands an idle P to an M waiting to stop the world, if there is one (like Go's worldsema handoff). Caller holds lk.</summary>
    private bool HandToWorldWaiter(P pp)
    {
        lk.AssertHeld();
        if (gcwaiting || worldWaiters.Count == 0) return false;
        var mp = worldWaiters.Dequeue();
        mp.nextp = pp;
        mp.park.Wakeup();
        return true;
    }

    /// <summary>One more P has stopped; the last one wakes the goroutine stopping the world.</summary>
    private void StoppedForWorld(P pp)
    {
        bool last;
        using (lk.Hold()) last = StopPLocked(pp);
        if (last) stopnote!.Wakeup();
    }

    /// <summary>
    /// pp stops for the world (_Pgcstop, stopwait--) — as Go does under sched.lock in handoffp,
    /// entersyscall_gcwait and gcstopm. Returns true if it was the last. Caller holds lk.
    /// </summary>
    private bool StopPLocked(P pp)
    {
        lk.AssertHeld();
        Check(gcwaiting && stopwait > 0, "stopTheWorld: a P stops that no stop-the-world waits for (stopwait is 0)", pp);
        Volatile.Write(ref pp.status, (int)PStatus.GcStop);
        return --stopwait == 0;
    }

    /// <summary>Go's preemptall: ask the goroutine on every other running P to stop at its next safe point.
    /// Leaves out asynchronous preemption (preemptM's signal), as Preemptone does.</summary>
    private void PreemptAll(M self)
    {
        foreach (var pp in allp)
        {
            var mp = pp.m;
            if (mp == null || mp == self || pp.Status != PStatus.Running) continue;
            if (mp.curg is { Status: GStatus.Running } gp)
            {
                gp.preempt = true;
                platform.Preempted(mp);
            }
        }
    }

    /// <summary>Go's gcstopm: the world is stopping, so this M stops its P and sleeps until it restarts.</summary>
    private void Gcstopm(M mp)
    {
        if (mp.spinning)
        {
            mp.spinning = false;
            Interlocked.Decrement(ref nmspinning);
        }
        var pp = Releasep(mp, WorldStopping);
        StoppedForWorld(pp);
        Stopm(mp);
    }

    /// <summary>
    /// Go's procresize with the world stopped: make new Ps, destroy Ps with id ≥ n — their goroutines
    /// go to the head of the global queue in order, their timers to the caller's P — and make the rest
    /// idle, or list them for an M if they have work. The caller keeps its P if it survives, else takes P0.
    /// Caller holds lk (and keeps it until gcwaiting is false, as Go's startTheWorldWithSema does).
    /// Leaves out the Ps' mcaches, idlepMask and timerpMask, and the GC CPU limiter's capacity.
    /// </summary>
    private List<P> ProcresizeLive(M mp, int n)
    {
        lk.AssertHeld();
        var old = gomaxprocs;
        var needM = new List<P>();
        if (n > old)
        {
            var bigger = new P[n];
            System.Array.Copy(allp, bigger, old);
            for (var i = old; i < n; i++) bigger[i] = new P(i) { status = (int)PStatus.GcStop };
            allp = bigger;
        }
        var cur = mp.p!;
        if (cur.id >= n)
        {
            cur.m = null;
            mp.p = null;
            cur = allp[0];
            cur.m = mp;
            mp.p = cur;
        }
        for (var i = n; i < old; i++) DestroyP(allp[i], cur);
        if (n < old) allp = allp[..n];
        gomaxprocs = n;
        stealOrder.Reset(n);
        Volatile.Write(ref cur.status, (int)PStatus.Running);
        for (var i = n - 1; i >= 0; i--)
        {
            var pp = allp[i];
            if (pp == cur) continue;
            if (RunqEmpty(pp)) PidlePut(pp);
            else
            {
                Volatile.Write(ref pp.status, (int)PStatus.Idle);
                needM.Add(pp);
            }
        }
        if (trace.On) trace.Emit(n < old ? ProcsDestroyed : ProcsAdded, mp.p, mp, mp.curg, n, a: old);
        return needM;
    }

    private static readonly Reason WaitsForTurn = Releasing(static (in EventRecord _, Tracer _) => "another goroutine is stopping the world; this one waits for its turn");
    private static readonly Reason WorldStopping = Releasing(static (in EventRecord _, Tracer _) => "the world is stopping (gcstopm)");

    // Arg = the new GOMAXPROCS, A = the old one.
    private static readonly Reason ProcsDestroyed = new(EventKind.ProcsChange, static (in EventRecord e, Tracer _) =>
        $"procresize: GOMAXPROCS {e.A} → {e.Arg}: P{e.Arg}…P{e.A - 1} are destroyed and their goroutines go to the head of the global queue, in order");

    private static readonly Reason ProcsAdded = new(EventKind.ProcsChange, static (in EventRecord e, Tracer _) =>
        $"procresize: GOMAXPROCS {e.A} → {e.Arg}: P{e.A}…P{e.Arg - 1} are new and idle");

    /// <summary>Go's (*p).destroy: move pp's goroutines to the global queue's head (ring tail first, then runnext) and its timers to `to`.
    /// Leaves out the P's memory caches (mcache, sudogs, defers, spans, pages) and its GC write-barrier buffer.</summary>
    private void DestroyP(P pp, P to)
    {
        while (pp.runqtail != pp.runqhead)
        {
            pp.runqtail--;
            GlobrunqPutHead(pp.runq[pp.runqtail % P.RunqSize]!);
        }
        if (pp.runnext is { } next)
        {
            GlobrunqPutHead(next);
            pp.runnext = null;
        }
        pp.timers.MoveTo(to.timers);
        GfreePutBatch(pp.gFree);
        pp.gFree = default;
        retiredCounts.Add(pp.counts);
        Volatile.Write(ref pp.status, (int)PStatus.Dead);
    }

    /// <summary>
    /// Go's startTheWorldWithSema: procresize to n Ps and clear gcwaiting in one hold of lk — an M that
    /// took a P procresize made idle must not see the world still stopping — then Ps with work get Ms
    /// (idle ones first), and one more M may spin. Leaves out the non-blocking netpoll and injectglist
    /// Go does first, waking a deep-sleeping sysmon and the stop-the-world time metrics.
    /// </summary>
    private void StartTheWorld(M mp, int n, string why)
    {
        List<P> needM;
        using (lk.Hold())
        {
            needM = ProcresizeLive(mp, n);
            gcwaiting = false;
            stwOwner = null;
            while (worldWaiters.Count > 0 && PidleGet() is { } pp)
                if (!HandToWorldWaiter(pp)) PidlePut(pp);
        }
        foreach (var pp in needM) StartmWithP(pp, spinning: false);
        if (trace.On) trace.Emit(WorldStarts, CurrentM?.p, CurrentM, CurrentM?.curg, gomaxprocs, a: trace.Intern(why));
        Wakep();
    }

    // A = why the world stops (interned; also the Detail).
    private static readonly Reason WorldStops = new(EventKind.STWBegin, static (in EventRecord e, Tracer t) =>
        $"stopTheWorld ({t.Text(e.A)}): every P must stop before the Ps can change; running goroutines are asked to stop at their next safe point",
        static (in EventRecord e, Tracer t) => t.Text(e.A));

    // Arg = GOMAXPROCS, A = why (interned; also the Detail).
    private static readonly Reason WorldStarts = new(EventKind.STWEnd, static (in EventRecord e, Tracer t) => $"startTheWorld ({t.Text(e.A)}): the Ps run again",
        static (in EventRecord e, Tracer t) => t.Text(e.A));
}
