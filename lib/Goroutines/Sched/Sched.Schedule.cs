using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace Goroutines;

// schedule, findRunnable, execute, stealWork (proc.go): what an M does between goroutines.
internal sealed partial class Sched
{
    private const int StealTries = 4;   // Go's stealTries

    /// <summary>
    /// The M's life after mstart: one round of schedule after another until the run ends or the
    /// M's thread must exit. (In Go, schedule never returns: gogo jumps into the goroutine, and the
    /// goroutine's next park calls schedule again.)
    /// </summary>
    private void ScheduleLoop(M mp)
    {
        while (!stopping && Schedule(mp)) { }
    }

    /// <summary>
    /// Go's schedule: find a runnable goroutine and run it (and any goroutine a park hands straight
    /// back). Returns false when this M's thread should exit. Leaves out sched.disable (the GC turning
    /// user goroutines off), tryWakeP for GC workers and the trace reader, and the cgo and freeze checks.
    /// </summary>
    private bool Schedule(M mp)
    {
        Checkpoint();
        if (mp.exitThread)
        {
            Mexit(mp);
            return false;
        }
        if (mp.lockedg != null)
        {
            // This M runs only its locked goroutine: wait until it is runnable and a P is handed over.
            var locked = StopLockedM(mp);
            while (locked != null && !stopping) locked = Execute(mp, locked, false, out _);
            return true;
        }
        mp.doing = "looking for work (findRunnable)";
        var gp = FindRunnable(mp, out var inheritTime);
        if (gp == null) return false;   // the run ended
        if (mp.spinning) ResetSpinning(mp);
        if (gp.lockedm != null && gp.lockedm != mp)
        {
            StartLockedM(mp, gp);
            return true;
        }
        // An mcall (park, Gosched, syscall exit) may hand back a G to run right away on this M.
        while (gp != null && !stopping)
            gp = Execute(mp, gp, inheritTime, out inheritTime);
        return true;
    }

    /// <summary>
    /// Go's findRunnable: the order in which an M looks for work — timers, the 1-in-61 global check,
    /// the local queue, the global queue, netpoll, stealing from other Ps — and, finding nothing,
    /// gives up its P and sleeps. Returns null when the run has ended. (Leaves out the trace reader,
    /// GC mark workers and the GC's idle-time work, which Go checks before the queues.)
    /// </summary>
    private G? FindRunnable(M mp, out bool inheritTime)
    {
        inheritTime = false;
    top:
        if (stopping) return null;
        if (gcwaiting)
        {
            Gcstopm(mp);
            goto top;
        }
        var pp = mp.p!;

        // 1. Run this P's expired timers: they may ready Gs into its runnext. (Like Go's
        // timers.check(0), the clock is read only if the P has timers.)
        var now = pp.timers.Len > 0 ? Nanotime() : 0;
        var pollUntilTimer = pp.timers.Check(now, this);

        // 4. Fairness: every 61st schedtick, one G from the global queue first.
        if (pp.schedtick % 61 == 0 && runqsize > 0)
        {
            G? gp;
            using (lk.Hold()) gp = GlobrunqGet(pp, 1);
            if (gp != null) { mp.foundVia = FoundVia.GlobalFairness; return gp; }
        }

        // 6. The local run queue: runnext first.
        {
            var gp = RunqGet(pp, out inheritTime);
            if (gp != null) { mp.foundVia = inheritTime ? FoundVia.Runnext : FoundVia.LocalQueue; return gp; }
        }

        // 7. The global run queue.
        if (runqsize != 0)
        {
            G? gp;
            using (lk.Hold()) gp = GlobrunqGet(pp, 0);
            if (gp != null) { mp.foundVia = FoundVia.GlobalQueue; return gp; }
        }

        // 8. Netpoll, without blocking: goroutines whose foreign awaits completed.
        if (netpoll.HasWaiters && Interlocked.Read(ref lastpoll) != 0)
        {
            var list = netpoll.Poll(0);
            if (!list.Empty)
            {
                var delta = -list.count;
                var gp = list.Pop()!;
                InjectGList(list);
                netpoll.AdjustWaiters(delta);
                MarkReadyFromNetpoll(gp);
                mp.foundVia = FoundVia.Netpoll;
                return gp;
            }
        }

        // 9. Steal, if not too many Ms are spinning already (at most half the busy Ps).
        if (mp.spinning || 2 * Volatile.Read(ref nmspinning) < gomaxprocs - Volatile.Read(ref npidle))
        {
            if (!mp.spinning) BecomeSpinning(mp);
            mp.doing = "spinning: trying to steal work";
            var gp = StealWork(mp, pp, now, ref pollUntilTimer, out var newWork);
            if (gp != null) { mp.foundVia = FoundVia.Steal; return gp; }
            if (newWork) goto top;
        }

        // 12. Nothing to do: give up the P — unless the global queue got work meanwhile.
        bool wasSpinning;
        using (lk.Hold())
        {
            if (stopping) return null;
            if (gcwaiting) goto top;
            if (runqsize != 0)
            {
                var gp = GlobrunqGet(pp, 0);
                mp.foundVia = FoundVia.GlobalQueue;
                return gp;
            }
            if (!mp.spinning && Volatile.Read(ref needspinning) == 1)
            {
                BecomeSpinning(mp);
                goto top;
            }
            Releasep(mp, NoWork);
            PidlePut(pp);
        }

        // 13. The "delicate dance": a spinning M stops spinning, then looks once more, so that work
        // submitted while it was spinning is never lost.
        wasSpinning = mp.spinning;
        if (mp.spinning)
        {
            mp.spinning = false;
            Interlocked.Decrement(ref nmspinning);
            // A goroutine put on the global queue while this M still counted as spinning woke nobody.
            if (runqsize != 0)
            {
                G? gp = null;
                using (lk.Hold())
                {
                    var idle = PidleGetSpinning();
                    if (idle != null)
                    {
                        Acquirep(mp, idle);
                        BecomeSpinning(mp);
                        gp = GlobrunqGet(idle, 0);
                        if (gp == null) goto top;
                    }
                }
                if (gp != null)
                {
                    mp.foundVia = FoundVia.GlobalQueue;
                    return gp;
                }
            }
            var pp2 = CheckRunqsNoP();
            if (pp2 != null)
            {
                Acquirep(mp, pp2);
                BecomeSpinning(mp);
                goto top;
            }
        }
        var pollUntil = CheckTimersNoP(pollUntilTimer);

        // 14. Block in netpoll until a foreign await completes or the next timer is due. Only one M
        // may wait there (lastpoll = 0 while it does).
        if ((netpoll.HasWaiters || pollUntil != 0) && Interlocked.Exchange(ref lastpoll, 0) != 0)
        {
            Interlocked.Exchange(ref this.pollUntil, pollUntil);
            var delay = pollUntil == 0 ? -1 : Math.Max(0, pollUntil - Nanotime());
            // A timer already due on a P this M may not check (another M is spinning and will): Go
            // polls again at once, and real time passes meanwhile. On the virtual clock it must pass
            // too — a poll costs 1 µs — or this M would go round forever at one instant.
            if (delay == 0) delay = platform.RepollDelayNs;
            mp.doing = "blocked in netpoll (waiting for a timer or a foreign await)";
            var list = netpoll.Poll(delay);
            var delta = -list.count;
            now = Nanotime();
            Interlocked.Exchange(ref this.pollUntil, 0);
            Interlocked.Exchange(ref lastpoll, Math.Max(now, 1));   // 0 means "an M is blocked in netpoll"
            if (stopping) return null;
            P? got;
            using (lk.Hold()) got = PidleGet();
            if (got == null)
            {
                InjectGList(list);
                netpoll.AdjustWaiters(delta);
            }
            else
            {
                Acquirep(mp, got);
                if (!list.Empty)
                {
                    var gp = list.Pop()!;
                    InjectGList(list);
                    netpoll.AdjustWaiters(delta);
                    MarkReadyFromNetpoll(gp);
                    if (wasSpinning) BecomeSpinning(mp);
                    mp.foundVia = FoundVia.Netpoll;
                    return gp;
                }
                if (wasSpinning) BecomeSpinning(mp);
                goto top;
            }
        }
        else if (pollUntil != 0)
        {
            var pollerUntil = Interlocked.Read(ref this.pollUntil);
            if (pollerUntil == 0 || pollerUntil > pollUntil) netpoll.Break();
        }
        Stopm(mp);
        goto top;
    }

    /// <summary>
    /// Go's stealWork: 4 rounds over all Ps in a random order; only the last round runs other Ps'
    /// timers and may take their runnext. Leaves out idlepMask and timerpMask (it reads each P's status
    /// and timer count), and the inheritTime and ranTimer (newWork) that Go returns after running timers.
    /// </summary>
    private G? StealWork(M mp, P pp, long now, ref long pollUntil, out bool newWork)
    {
        newWork = false;
        for (var i = 0; i < StealTries; i++)
        {
            var lastRound = i == StealTries - 1;
            foreach (var id in stealOrder.Start(mp.rand.Next()))
            {
                if (stopping) return null;
                if (gcwaiting)
                {
                    newWork = true;
                    return null;
                }
                var p2 = allp[id];
                if (p2 == pp) continue;
                if (lastRound && p2.timers.Len > 0)
                {
                    if (now == 0) now = Nanotime();
                    var w = p2.timers.Check(now, this);
                    if (w != 0 && (pollUntil == 0 || w < pollUntil)) pollUntil = w;
                    var local = RunqGet(pp, out _);
                    if (local != null) return local;
                }
                if (p2.Status != PStatus.Idle)
                {
                    var gp = RunqSteal(pp, p2, lastRound);
                    if (gp != null) return gp;
                }
            }
        }
        return null;
    }

    /// <summary>Go's checkRunqsNoP: an idle P for this M if some busy P has queued work. Leaves out the
    /// snapshots of allp and idlepMask that Go takes before dropping the P (it reads them live).</summary>
    private P? CheckRunqsNoP()
    {
        foreach (var p2 in allp)
        {
            if (p2.Status == PStatus.Idle || RunqEmpty(p2)) continue;
            using (lk.Hold())
            {
                var pp = PidleGetSpinning();
                if (pp != null) return pp;
            }
            return null;
        }
        return null;
    }

    /// <summary>Go's checkTimersNoP: the earliest timer of every P, or the given one.</summary>
    private long CheckTimersNoP(long pollUntil)
    {
        foreach (var p2 in allp)
        {
            var w = p2.timers.WakeTime();
            if (w != 0 && (pollUntil == 0 || w < pollUntil)) pollUntil = w;
        }
        return pollUntil;
    }

    /// <summary>
    /// Go's execute + gogo: runs gp on this M until it parks, yields, enters a slow syscall exit or
    /// returns. The schedtick counts only goroutines that do not inherit the time slice.
    /// (Leaves out the profiling timer's per-M setup and the execution tracer's stack capture.)
    /// Returns a G to run next on this M (from an mcall), or null to schedule again.
    /// </summary>
    private G? Execute(M mp, G gp, bool inheritTime, out bool nextInherits)
    {
        ExecuteStart(mp, gp, inheritTime);
        Gogo(gp);
        while (gp.selfPosted is { } posted && mp.mcallFn == null && !gp.rootTask!.IsCompleted)
        {
            // The goroutine posted its own continuation (an async iterator): it goes on at once.
            gp.selfPosted = null;
            gp.resume = posted;
            Gogo(gp);
        }
        nextInherits = false;
        var fn = mp.mcallFn;
        if (fn != null)
        {
            mp.mcallFn = null;
            var next = fn(gp);
            nextInherits = mp.mcallInherit;
            mp.mcallInherit = false;
            return next;
        }
        if (gp.rootTask!.IsCompleted)
        {
            if (gp.goyieldOwed)
            {
                // It returned right after a starvation hand-off: it yields first, and exits when it runs again.
                gp.goyieldOwed = false;
                gp.resume = static () => { };
                return GoyieldM(gp);
            }
            Goexit0(mp, gp);
            return null;
        }
        // The goroutine awaits a task that is not ours (Task.Delay, real I/O): it waits in netpoll.
        if (platform.RefuseForeignAwait(gp) is { } refusal)
        {
            Finish(Outcome.Panic, refusal);
            return null;
        }
        ParkForeign(mp, gp);
        return null;
    }

    /// <summary>Go's execute, up to the jump: the G runs on this M; a new time slice unless it inherits one.
    /// Leaves out the goroutine profile, the stackguard0 reset and the CPU profiler's per-M rate.</summary>
    private void ExecuteStart(M mp, G gp, bool inheritTime)
    {
        var pp = mp.p!;
        mp.curg = gp;
        gp.m = mp;
        gp.atomicstatus = GStatus.Running;
        gp.waitsince = 0;
        gp.preempt = false;
        gp.cpuAtPreempt = -1;
        if (!inheritTime) pp.schedtick++;
        pp.counts.switches++;
        if (trace.On) trace.Emit(Starts[(int)mp.foundVia], pp, mp, gp, pp.schedtick);
        mp.doing = "running";
        platform.ContextSwitch();
    }

    /// <summary>Go's gogo: jump into the goroutine — its body the first time, else its saved continuation.</summary>
    private static void Gogo(G gp)
    {
        SynchronizationContext.SetSynchronizationContext(gp.ctx);
        try
        {
            if (gp.action != null)
            {
                var action = gp.action;
                gp.action = null;
                gp.rootTask = Task.CompletedTask;
                action();
            }
            else if (gp.fn != null)
            {
                var fn = gp.fn;
                gp.fn = null;
                gp.rootTask = fn();
            }
            else
            {
                var k = gp.resume!;
                gp.resume = null;
                k();
            }
        }
        catch (Exception e)
        {
            // Thrown synchronously by a body that is not async: it panics like any escaping exception.
            gp.rootTask = Task.FromException(e);
        }
        // The context stays set until the next goroutine sets its own: the scheduler's code never awaits.
    }

    private static readonly Reason NoWork = Releasing(static (in EventRecord _, Tracer _) => "findRunnable found no work");

    // GoStart's sentence for each way findRunnable found the G. Arg = the P's schedtick.
    private static readonly Reason[] Starts = Enum.GetValues<FoundVia>().Select(StartedVia).ToArray();

    private static Reason StartedVia(FoundVia via) => new(EventKind.GoStart, via switch
    {
        FoundVia.Runnext => static (in EventRecord e, Tracer _) => $"runqget: P{e.P} took G{e.G} from runnext first; it inherits the time slice, so schedtick stays {e.Arg}",
        FoundVia.LocalQueue => static (in EventRecord e, Tracer _) => $"runqget: P{e.P}'s runnext was empty, so it took G{e.G} from the head of its local queue (schedtick {e.Arg})",
        FoundVia.GlobalQueue => static (in EventRecord e, Tracer _) => $"findRunnable: P{e.P}'s local queue was empty, so G{e.G} came from the global queue (schedtick {e.Arg})",
        FoundVia.GlobalFairness => static (in EventRecord e, Tracer _) => $"schedtick {e.Arg} on P{e.P}: every 61st tick the global queue goes first, so G{e.G} runs (schedtick {e.Arg})",
        FoundVia.Steal => static (in EventRecord e, Tracer _) => $"stealWork: P{e.P} runs G{e.G}, which it stole from another P (schedtick {e.Arg})",
        FoundVia.Netpoll => static (in EventRecord e, Tracer _) => $"netpoll: G{e.G}'s foreign await completed; P{e.P} runs it (schedtick {e.Arg})",
        FoundVia.Handoff => static (in EventRecord e, Tracer _) => $"G{e.G} runs again on M{e.M} at once (schedtick {e.Arg})",
        FoundVia.Locked => static (in EventRecord e, Tracer _) => $"startlockedm: G{e.G} is locked to M{e.M}, which got P{e.P} from the M that found it and runs it (schedtick {e.Arg})",
        FoundVia.Start => static (in EventRecord e, Tracer _) => $"runtime.main: G{e.G} runs main on M{e.M}; the runtime's own goroutines (G2–G5) are already made, so P0's schedtick is {e.Arg}",
        _ => static (in EventRecord e, Tracer _) => $"G{e.G} starts on P{e.P} (schedtick {e.Arg})",
    });
}
