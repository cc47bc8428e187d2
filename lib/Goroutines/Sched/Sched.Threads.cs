using System;
using System.Threading;

namespace Goroutines;

// Ms and Ps: newm, mstart, startm, stopm, wakep, handoffp, acquirep, releasep, the idle lists (proc.go).
internal sealed partial class Sched
{
    /// <summary>
    /// Go's newm + newosproc: a new M on a new OS thread, which will start with pp.
    /// Like Go, it throws "thread exhaustion" past 10,000 threads. Leaves out allocm's g0 and signal
    /// stacks, freeing exited Ms' stacks (sched.freem) and the template thread a locked caller goes through.
    /// </summary>
    internal M Newm(P? pp, bool spinning, G? startg = null)
    {
        M mp;
        using (lk.Hold())
        {
            if (mcount >= MaxMCount)
            {
                Finish(Outcome.Panic, $"runtime: program exceeds {MaxMCount}-thread limit\nfatal error: thread exhaustion");
                throw new RunStoppedException();
            }
            mp = new M(mnext++, this);
            mcount++;
            allm.Add(mp);
            statThreads++;
            if (mcount > statPeakThreads) statPeakThreads = mcount;
        }
        mp.rand = new FastRand((ulong)options.Seed * 0x9E3779B97F4A7C15UL + (ulong)mp.id + 1);
        mp.nextp = pp;
        mp.spinning = spinning;
        platform.ThreadCreated(mp, mp.ToString());
        mp.thread = new Thread(() => Mstart(mp, startg)) { IsBackground = true, Name = mp.ToString() };
        if (trace.On) trace.Emit(pp == null ? NewThread : NewThreadForP, pp, mp, null, mp.id);
        mp.thread.Start();
        return mp;
    }

    private static readonly Reason NewThread = new(EventKind.ThreadStart, static (in EventRecord e, Tracer _) => $"newm: started OS thread M{e.M}");
    private static readonly Reason NewThreadForP = new(EventKind.ThreadStart, static (in EventRecord e, Tracer _) =>
        $"newm: no idle M could take P{e.P}, so a new OS thread M{e.M} starts for it");

    /// <summary>Go's mstart: the thread's body. It takes the P it was given and runs the scheduler loop (g0).
    /// Leaves out the g0 stack bounds, minit's signal setup and mstartm0's signal handlers.</summary>
    private void Mstart(M mp, G? startg)
    {
        currentM = mp;
        platform.ThreadEnter(mp);
        try
        {
            var pp = mp.nextp;
            mp.nextp = null;
            if (pp != null) Acquirep(mp, pp);
            if (startg != null) RunFirst(mp, startg);
            ScheduleLoop(mp);
        }
        catch (RunStoppedException)
        {
            // The run ended while this M was busy.
        }
        catch (Exception e)
        {
            Finish(Outcome.Panic, $"fatal error: internal scheduler error on {mp}: {e}");
        }
        finally
        {
            mp.doing = "exited";
            mp.exited = true;
            platform.ThreadExit(mp);
            currentM = null;
        }
    }

    /// <summary>M0 starts with goroutine 1 already running, as Go's m0 runs runtime.main.</summary>
    private void RunFirst(M mp, G gp)
    {
        mp.foundVia = FoundVia.Start;
        var next = Execute(mp, gp, inheritTime: true, out var inherit);
        while (next != null && !stopping) next = Execute(mp, next, inherit, out inherit);
    }

    /// <summary>
    /// Go's startm: give pp (or any idle P) to an idle M, or to a new one, and wake it.
    /// Does nothing when no P is free. Leaves out acquirem and mReserveID: Go takes the P, the idle M
    /// and the new M's id in one hold of sched.lock, so checkdead counts the new M before newm runs.
    /// </summary>
    internal void Startm(P? pp, bool spinning)
    {
        if (pp == null)
        {
            using (lk.Hold()) pp = PidleGet();
            if (pp == null) return;
        }
        StartmWithP(pp, spinning);
    }

    /// <summary>
    /// Go's stopm: this M has no work; it joins the idle list (where checkdead may find that nothing
    /// can run any more) and sleeps until startm hands it a P.
    /// </summary>
    private void Stopm(M mp)
    {
        Check(mp.p == null, "stopm holding p", mp.p);
        Check(!mp.spinning, "stopm spinning");
        using (lk.Hold())
        {
            Mput(mp);
        }
        if (trace.On) trace.Emit(Sleeps, null, mp, null);
        mp.doing = "idle (stopm)";
        ParkUntilHandedP(mp);
    }

    /// <summary>Go's mPark, then acquirep(m.nextp): sleep until another M hands this one a P.</summary>
    private void ParkUntilHandedP(M mp)
    {
        mp.park.Sleep();
        if (stopping) throw new RunStoppedException();
        var pp = mp.nextp!;
        mp.nextp = null;
        Acquirep(mp, pp);
    }

    /// <summary>
    /// Go's wakep: new work exists, so start one spinning M — but only if no M is spinning already
    /// and a P is idle. At most one such wakeup is in flight. As in Go, with every P busy it still
    /// takes sched.lock to find that out (and to note that a spinning M is wanted): a goroutine that
    /// spawns in a loop meets the Ms taking work from the global queue there, which keeps it from
    /// outrunning them.
    /// </summary>
    internal void Wakep()
    {
        if (Volatile.Read(ref nmspinning) != 0 || Interlocked.CompareExchange(ref nmspinning, 1, 0) != 0) return;
        P? pp;
        using (lk.Hold())
        {
            pp = PidleGetSpinning();
            if (pp == null)
            {
                Interlocked.Decrement(ref nmspinning);
                return;
            }
        }
        StartmWithP(pp, spinning: true);
    }

    /// <summary>startm with a P in hand: an idle M, or a new one, gets pp and wakes.</summary>
    private void StartmWithP(P pp, bool spinning)
    {
        M? nmp;
        using (lk.Hold()) nmp = Mget();
        if (nmp == null)
        {
            Newm(pp, spinning);
            return;
        }
        Check(nmp.nextp == null, "startm: m has p", nmp.nextp);
        nmp.spinning = spinning;
        nmp.nextp = pp;
        nmp.park.Wakeup();
    }

    /// <summary>
    /// Go's handoffp: pp's M gave it up (a blocking syscall). Start an M for it if findRunnable would
    /// find work there; stop it if the world is stopping; otherwise put it on the idle list.
    /// (Go's checks for the trace reader, GC work and safe-point functions are left out.)
    /// </summary>
    internal void Handoffp(P pp)
    {
        if (!RunqEmpty(pp) || runqsize != 0)
        {
            StartmWithP(pp, spinning: false);
            return;
        }
        // Nobody is looking for work, so this P should.
        if (Volatile.Read(ref nmspinning) + Volatile.Read(ref npidle) == 0 && Interlocked.CompareExchange(ref nmspinning, 1, 0) == 0)
        {
            Volatile.Write(ref needspinning, 0);
            StartmWithP(pp, spinning: true);
            return;
        }
        long when;
        bool start;
        using (lk.Hold())
        {
            if (gcwaiting)
            {
                // The world is stopping: this P stops instead of going idle. Checked under lk, as in Go:
                // a stop-the-world that has already taken the idle Ps would never count a P put there later.
                if (StopPLocked(pp)) stopnote!.Wakeup();
                return;
            }
            // Work arrived meanwhile, or this is the last busy P and nobody waits in netpoll.
            start = runqsize != 0 || (npidle == gomaxprocs - 1 && Interlocked.Read(ref lastpoll) != 0);
            when = pp.timers.WakeTime();
            if (!start) PidlePut(pp);
        }
        if (start) StartmWithP(pp, spinning: false);
        else if (when != 0) WakeNetPoller(when);
    }

    /// <summary>Go's acquirep (wirep): the M takes the P. Leaves out the P's mcache (prepareForSweep).</summary>
    internal void Acquirep(M mp, P pp)
    {
        Check(mp.p == null && pp.m == null && pp.Status == PStatus.Idle, "wirep: invalid p state", pp);
        mp.p = pp;
        pp.m = mp;
        Volatile.Write(ref pp.status, (int)PStatus.Running);
        if (trace.On) trace.Emit(Takes, pp, mp, null);
    }

    private static readonly Reason Takes = new(EventKind.ProcStart, static (in EventRecord e, Tracer _) => $"acquirep: M{e.M} takes P{e.P}");

    /// <summary>Go's releasep: the M lets go of its P. `why` finishes the sentence (made with Releasing), from a and b.</summary>
    internal P Releasep(M mp, Reason why, long a = 0, int b = 0)
    {
        var pp = mp.p!;
        Check(pp.m == mp && pp.Status == PStatus.Running, "releasep: invalid p state", pp);
        if (trace.On) trace.Emit(why, pp, mp, null, a: a, b: b);
        pp.m = null;
        mp.p = null;
        Volatile.Write(ref pp.status, (int)PStatus.Idle);
        return pp;
    }

    /// <summary>A reason for releasep: "releasep: M lets go of P: " and why.</summary>
    private static Reason Releasing(ReasonText why) =>
        new(EventKind.ProcStop, (in EventRecord e, Tracer t) => $"releasep: M{e.M} lets go of P{e.P}: {why(in e, t)}");

    /// <summary>Go's pidleput: pp joins the idle P list. Caller holds lk. Leaves out idlepMask and
    /// timerpMask (stealWork walks every P) and the GC CPU limiter's idle event.</summary>
    internal void PidlePut(P pp)
    {
        lk.AssertHeld();
        Check(RunqEmpty(pp), "pidleput: P has non-empty run queue", pp);
        Check(!gcwaiting || stwOwner == CurrentM, "pidleput: a P goes idle while the world is stopping, where the stop-the-world would never count it", pp);
        Volatile.Write(ref pp.status, (int)PStatus.Idle);
        if (HandToWorldWaiter(pp)) return;
        pp.link = pidle;
        pidle = pp;
        Interlocked.Increment(ref npidle);
    }

    /// <summary>Go's pidleget: an idle P, or null. Caller holds lk. Leaves out idlepMask, timerpMask
    /// and the GC CPU limiter's idle event.</summary>
    internal P? PidleGet()
    {
        lk.AssertHeld();
        var pp = pidle;
        if (pp == null) return null;
        pidle = pp.link;
        pp.link = null;
        Interlocked.Decrement(ref npidle);
        return pp;
    }

    /// <summary>Go's pidlegetSpinning: as pidleget, but records that a spinning M was wanted and none could start.</summary>
    private P? PidleGetSpinning()
    {
        var pp = PidleGet();
        if (pp == null) Volatile.Write(ref needspinning, 1);
        return pp;
    }

    /// <summary>Takes a particular P off the idle list (start-up and procresize). Caller holds lk.</summary>
    private void PidleRemove(P target)
    {
        lk.AssertHeld();
        P? prev = null;
        for (var pp = pidle; pp != null; prev = pp, pp = pp.link)
        {
            if (pp != target) continue;
            if (prev == null) pidle = pp.link; else prev.link = pp.link;
            pp.link = null;
            Interlocked.Decrement(ref npidle);
            return;
        }
    }

    /// <summary>Go's mput: mp joins the idle M list; if every M is now idle, checkdead. Caller holds lk.</summary>
    private void Mput(M mp)
    {
        lk.AssertHeld();
        mp.schedlink = midle;
        midle = mp;
        nmidle++;
        Checkdead();
    }

    /// <summary>Go's mget: an idle M, or null. Caller holds lk.</summary>
    private M? Mget()
    {
        lk.AssertHeld();
        var mp = midle;
        if (mp == null) return null;
        midle = mp.schedlink;
        mp.schedlink = null;
        nmidle--;
        return mp;
    }

    /// <summary>Go's becomeSpinning (mspinning): this M looks for work without having any.</summary>
    private void BecomeSpinning(M mp)
    {
        mp.spinning = true;
        Interlocked.Increment(ref nmspinning);
        Volatile.Write(ref needspinning, 0);
    }

    /// <summary>Go's resetspinning: a spinning M found work; if it was the last spinner, wake another.</summary>
    private void ResetSpinning(M mp)
    {
        mp.spinning = false;
        Interlocked.Decrement(ref nmspinning);
        Wakep();
    }

    /// <summary>
    /// Go's wakeNetPoller: a timer was added for `when`. If an M sleeps in netpoll past it, wake that
    /// M; otherwise make sure some M is spinning.
    /// </summary>
    internal void WakeNetPoller(long when)
    {
        if (Interlocked.Read(ref lastpoll) == 0)
        {
            var until = Interlocked.Read(ref pollUntil);
            if (until == 0 || until > when) netpoll.Break();
        }
        else
        {
            Wakep();
        }
    }

    /// <summary>
    /// Go's procresize, at the start of a run: make n Ps, all idle. (GOMAXPROCS during a run stops
    /// the world and resizes in Sched.StopTheWorld.) Caller holds lk.
    /// </summary>
    private void Procresize(int n)
    {
        lk.AssertHeld();
        allp = new P[n];
        for (var i = n - 1; i >= 0; i--)
        {
            allp[i] = new P(i);
            PidlePut(allp[i]);
        }
        gomaxprocs = n;
        stealOrder.Reset(n);
        if (trace.On) trace.Emit(ProcsAtStart, null, null, null, n);
    }

    private static readonly Reason Sleeps = new(EventKind.ThreadIdle, static (in EventRecord e, Tracer _) => $"stopm: M{e.M} found no work and sleeps on the idle M list");

    // Arg = GOMAXPROCS.
    private static readonly Reason ProcsAtStart = new(EventKind.ProcsChange, static (in EventRecord e, Tracer _) =>
        $"procresize: GOMAXPROCS={e.Arg}, so there are {e.Arg} P{(e.Arg == 1 ? "" : "s")}");
}
