using System.Threading;

namespace Goroutines;

// sysmon: the monitor thread without a P — retake and preemption (proc.go).
internal sealed partial class Sched
{
    private M? sysmonM;
    internal long sysmonNow;                       // the time of sysmon's last tick (a coarse clock)
    private Note? sysmonNote;

    private void StartSysmon()
    {
        M mp;
        using (lk.Hold())
        {
            mp = new M(mnext++, this);
            mcount++;
            nmsys++;
            allm.Add(mp);
            statThreads++;
        }
        sysmonM = mp;
        sysmonNote = platform.NewNote();
        mp.doing = "sysmon";
        platform.ThreadCreated(mp, mp + " (sysmon)");
        if (trace.On) trace.Emit(SysmonStarts, null, mp, null, mp.id);
        mp.thread = new Thread(() => Sysmon(mp)) { IsBackground = true, Name = mp + " (sysmon)" };
        mp.thread.Start();
    }

    private static readonly Reason SysmonStarts = new(EventKind.ThreadStart, "sysmon", static (in EventRecord e, Tracer _) =>
        $"runtime.main starts sysmon on its own OS thread M{e.M}, without a P");

    /// <summary>
    /// Go's sysmon: wakes every 20 µs while it finds things to do, doubling its sleep after 50 idle
    /// rounds up to 10 ms; each round it polls the network if nobody has lately and runs retake.
    /// (Go's deep sleep when every P is idle is left out, and so are sysmonlock, forcegc, the
    /// scavenger kick and the schedtrace printing, which Trace.SchedTrace does from snapshots.)
    /// </summary>
    private void Sysmon(M mp)
    {
        currentM = null;
        platform.ThreadEnter(mp);
        var idle = 0;
        var delay = 0L;
        try
        {
            while (!stopping)
            {
                if (idle == 0) delay = 20;
                else if (idle > 50) delay *= 2;
                if (delay > 10_000) delay = 10_000;
                platform.Usleep(delay, sysmonNote);
                if (stopping) break;
                var now = Nanotime();
                Interlocked.Exchange(ref sysmonNow, now);
                var last = Interlocked.Read(ref lastpoll);
                if (netpoll.HasWaiters && last != 0 && last + 10_000_000 < now)
                {
                    Interlocked.CompareExchange(ref lastpoll, System.Math.Max(now, 1), last);
                    var list = netpoll.Poll(0);
                    if (!list.Empty)
                    {
                        // Counted as running while it injects: an M going idle meanwhile must not call
                        // the Gs it is readying a deadlock (Go's incidlelocked(-1) … incidlelocked(1)).
                        var delta = -list.count;
                        Incidlelocked(-1);
                        InjectGList(list);
                        Incidlelocked(1);
                        netpoll.AdjustWaiters(delta);
                    }
                }
                if (Retake(now) != 0) idle = 0;
                else idle++;
                if (platform.PastTimeLimit(now))
                    Finish(Outcome.TimedOut, TimeoutReport());
                Checkpoint();
            }
        }
        finally
        {
            mp.exited = true;
            platform.ThreadExit(mp);
        }
    }

    /// <summary>
    /// Go's retake: preempt a G that has run for 10 ms on the same schedtick, and take a P from an
    /// M blocked in a syscall — if it has work queued, or nobody else is spinning or idle, or the
    /// syscall has lasted 10 ms. Leaves out allpLock and the incidlelocked(-1) … incidlelocked(1)
    /// Go puts round the take so that checkdead counts sysmon as running while it hands the P off.
    /// </summary>
    private int Retake(long now)
    {
        var n = 0;
        foreach (var pp in allp)
        {
            var s = pp.Status;
            var sysretake = false;
            if (s is PStatus.Running or PStatus.Syscall)
            {
                var t = Volatile.Read(ref pp.schedtick);
                if (pp.sysmontick.schedtick != t)
                {
                    pp.sysmontick.schedtick = t;
                    pp.sysmontick.schedwhen = now;
                }
                else if (pp.sysmontick.schedwhen + ForcePreemptNs <= now)
                {
                    Preemptone(pp, now - pp.sysmontick.schedwhen);
                    sysretake = true;
                }
            }
            if (s != PStatus.Syscall) continue;
            var st = Volatile.Read(ref pp.syscalltick);
            if (!sysretake && pp.sysmontick.syscalltick != st)
            {
                pp.sysmontick.syscalltick = st;
                pp.sysmontick.syscallwhen = now;
                continue;
            }
            if (RunqEmpty(pp) && Volatile.Read(ref nmspinning) + Volatile.Read(ref npidle) > 0 && pp.sysmontick.syscallwhen + 10_000_000 > now)
                continue;
            // Go's retake: "Need to decrement number of idle locked M's (pretending that one more is
            // running) before the CAS. Otherwise the M from which we retake can exit the syscall,
            // increment nmidle and report deadlock." From the CAS until handoffp has given the P to an
            // M, the P has no M and the M that will get it may still be idle; the syscall's M, back
            // now, finds no P, queues its G and goes idle, and checkdead in its mput would count no
            // running M beside a runnable G. So sysmon counts as running for that window.
            Incidlelocked(-1);
            try
            {
                if (Interlocked.CompareExchange(ref pp.status, (int)PStatus.Idle, (int)PStatus.Syscall) != (int)PStatus.Syscall)
                    continue;
                n++;
                pp.syscalltick++;
                Interlocked.Increment(ref statRetakes);
                if (trace.On) trace.Emit(Retook, pp, sysmonM, null, -1, a: now - pp.syscallSince);
                options.AfterRetake?.Invoke();
                Handoffp(pp);
            }
            finally
            {
                Incidlelocked(1);
            }
        }
        return n;
    }

    /// <summary>
    /// Go's preemptone: ask the G running on pp to stop at its next safe point (any library call;
    /// Work checks often). A G in a syscall is left alone. Leaves out asynchronous preemption
    /// (p.preempt and preemptM's SIGURG): as with GODEBUG=asyncpreemptoff=1, only a safe point stops a G.
    /// </summary>
    private void Preemptone(P pp, long ranNs)
    {
        var mp = pp.m;
        var gp = mp?.curg;
        if (gp == null || gp.Status != GStatus.Running) return;
        if (gp.preempt)
        {
            // Asked already and still running: no safe point in reach. Far past the 10 ms, tell the student —
            // if its thread really ran all that time: on a busy machine the OS may simply not have let it run.
            if (ranNs >= UnpreemptibleWarnNs && RanOnItsCore(mp!, gp)) WarnUnpreemptible(gp, ranNs);
            return;
        }
        gp.cpuAtPreempt = platform.ThreadCpuNs(mp!, out _);
        gp.preempt = true;
        platform.Preempted(mp!);
        if (trace.On) trace.Emit(AskedToStop, pp, sysmonM, gp, a: ranNs, b: (int)pp.schedtick);
    }

    // Whether gp held its thread since the request: asleep in the kernel (Thread.Sleep), or on a core (nearly)
    // all the time — 80 of the 90 ms, as /proc counts in 10 ms ticks — and not merely waiting for one.
    private bool RanOnItsCore(M mp, G gp)
    {
        var now = platform.ThreadCpuNs(mp, out var blocked);
        return blocked || now < 0 || gp.cpuAtPreempt < 0 || now - gp.cpuAtPreempt >= UnpreemptibleWarnNs - ForcePreemptNs - 10_000_000;
    }

    // A = how long the syscall had run (ns).
    private static readonly Reason Retook = new(EventKind.ProcSteal, static (in EventRecord e, Tracer _) =>
        $"sysmon retook P{e.P} from an M blocked in a syscall for {e.A / 1000.0:0.#} µs and hands it off (handoffp), so other goroutines keep running");

    // A = how long the G had run (ns), B = the P's schedtick.
    private static readonly Reason AskedToStop = new(EventKind.Preempt, static (in EventRecord e, Tracer _) =>
        $"sysmon: P{e.P} has run on schedtick {e.B} for {e.A / 1e6:0.#} ms (over 10 ms), so G{e.G} is asked to stop at its next safe point");
}
