using System;
using System.Threading;
using System.Threading.Tasks;

namespace Goroutines;

// Goroutines come and go: newproc, gopark, goready, Gosched, preemption, goexit, free Gs (proc.go).
internal sealed partial class Sched
{
    /// <summary>
    /// Go's newproc: create a goroutine running fn and put it in the creator's P's runnext — the
    /// G that was there moves to the tail of the queue. The creator keeps running. (Leaves out Go's
    /// systemstack switch, pprof labels and the traceback ancestors kept for GODEBUG=tracebackancestors.)
    /// </summary>
    internal G Newproc(M mp, Func<Task>? fn, Action? action, CallSite site)
    {
        var pp = mp.p!;
        var creator = mp.curg!;
        var newg = Newproc1(fn, creator, pp, site);
        newg.action = action;
        var kicked = trace.On ? Volatile.Read(ref pp.runnext) : null;
        RunqPut(pp, newg, next: true);
        if (trace.On) trace.Emit(kicked == null ? Created : CreatedAndKicked, pp, mp, newg, creator.goid, a: kicked?.goid ?? 0);
        if (mainStarted) Wakep();
        Checkpoint(libraryCall: true);
        return newg;
    }

    // Arg = the creator, A = the G it pushed out of runnext.
    private static readonly Reason Created = new(EventKind.GoCreate, static (in EventRecord e, Tracer _) =>
        $"newproc: G{e.Arg} created G{e.G}; it goes into P{e.P}'s runnext and G{e.Arg} keeps running");

    private static readonly Reason CreatedAndKicked = new(EventKind.GoCreate, static (in EventRecord e, Tracer _) =>
        $"runnext: G{e.G} was created by G{e.Arg} and replaced G{e.A}, which moved to the tail of P{e.P}'s queue");

    /// <summary>
    /// Go's newproc1: a G (reused from the free list when possible) with the next goroutine id from
    /// the P's batch of 16, runnable. (Leaves out the stack: Go's malg gives a new G 2 KiB of stack;
    /// here the G's frames are its async state machine, on the heap.)
    /// </summary>
    internal G Newproc1(Func<Task>? fn, G? creator, P pp, CallSite site, bool system = false)
    {
        var gp = Gfget(pp) ?? NewG();
        gp.owner = this;
        if (pp.goidcache == pp.goidcacheend)
        {
            pp.goidcacheend = Interlocked.Add(ref goidgen, GoidCacheBatch) + 1;
            pp.goidcache = pp.goidcacheend - GoidCacheBatch;
        }
        gp.goid = pp.goidcache++;
        gp.fn = fn;
        gp.parentGoid = creator?.goid ?? 0;
        gp.createdByFunc = site.Func;
        gp.createdAtFile = site.File;
        gp.createdAtLine = site.Line;
        if (gp.ctx is not { exposed: false }) gp.ctx = new GoroutineContext(gp, this);   // kept from the G's last life unless exposed
        gp.atomicstatus = GStatus.Runnable;
        gp.system = system;
        if (system) return gp;
        pp.counts.created++;
        return gp;
    }

    private G NewG()
    {
        var gp = new G();
        allgs.Add(gp);
        return gp;
    }

    /// <summary>
    /// Go's gfput: keep a dead G for reuse; past 64 on this P, 33 of them go to the global list, as
    /// one batch. (Go moves them one by one; a batch is linked here, where the Gs are in this core's
    /// cache, and the P that takes it back does not walk Gs last touched by another core under the lock.)
    /// The G keeps its sudog and channel operations, like Go's per-P sudog cache. Leaves out stacks:
    /// Go frees a stack of the wrong size and keeps the global list split into Gs with and without one.
    /// </summary>
    private void Gfput(P pp, G gp)
    {
        gp.rootTask = null;
        gp.watchingRoot = false;
        gp.resume = null;
        gp.fn = null;
        gp.action = null;
        gp.param = null;
        gp.foreignPending = null;
        gp.selfPosted = null;
        gp.unawaited = null;
        gp.unpreemptibleWarned = false;
        gp.waitreason = "";
        gp.goyieldOwed = false;
        if (gp.ctx!.exposed) gp.ctx = null;   // a foreign task may still post to it: the next life gets a new one
        pp.gFree.Push(gp);
        if (pp.gFree.count < 64) return;
        var batch = new GList();
        while (pp.gFree.count >= 32) batch.Push(pp.gFree.Pop()!);
        GfreePutBatch(batch);
    }

    /// <summary>Go's gfget: a dead G to reuse — from this P, refilled with a batch from the global list.
    /// Leaves out stacks: Go prefers Gs that still have one and allocates one for a G that has none.</summary>
    private G? Gfget(P pp)
    {
        if (pp.gFree.Empty && gFree.Count > 0)   // a peek without the lock, as Go's; checked again under it
        {
            using (gFreeLock.Hold())
            {
                if (gFree.Count > 0)
                {
                    pp.gFree = gFree[^1];
                    gFree.RemoveAt(gFree.Count - 1);
                }
            }
        }
        return pp.gFree.Pop();
    }

    /// <summary>A batch of dead Gs onto the global free list.</summary>
    private void GfreePutBatch(GList batch)
    {
        if (batch.Empty) return;
        using (gFreeLock.Hold()) gFree.Add(batch);
    }

    /// <summary>
    /// Go's gopark, from an awaiter's OnCompleted on the goroutine's own thread: save the
    /// continuation and ask the M to park the G once its stack has unwound (park_m). unlockf commits
    /// the park (enqueues a timer, releases a channel lock…) with lockArg, after the G is already waiting.
    /// Leaves out traceskip and the stack it would trace.
    /// </summary>
    internal static void Gopark(G gp, Action resume, Func<G, object?, bool>? unlockf, object? lockArg, string reason, string traceReason)
    {
        var mp = gp.m!;
        gp.resume = resume;
        gp.waitreason = reason;
        mp.waitunlockf = unlockf;
        mp.waitlock = lockArg;
        mp.waitTraceReason = traceReason;
        mp.mcallFn = mp.sched.parkM;
    }

    /// <summary>Go's goparkunlock: park, and release waitLock (a channel's, a semaphore's) once the G is parked.</summary>
    internal static void Goparkunlock(G gp, Action resume, RuntimeLock waitLock, string reason, string traceReason) =>
        Gopark(gp, resume, ParkunlockC, waitLock, reason, traceReason);

    /// <summary>Go's parkunlock_c: the commit function of goparkunlock.</summary>
    private static bool ParkunlockC(G gp, object? waitLock)
    {
        ((RuntimeLock)waitLock!).Exit();
        return true;
    }

    /// <summary>Go's park_m, on g0: the G is now waiting; then run the commit function.</summary>
    private G? ParkM(G gp)
    {
        var mp = gp.m!;
        var pp = mp.p;
        if (trace.On) trace.Emit(Blocks, pp, mp, gp, a: trace.Intern(mp.waitTraceReason), b: trace.Intern(gp.waitreason));
        // Only tracebacks read it ("N minutes"): in Parallel mode sysmon's last tick is close enough and
        // spares a clock read on every park (Go sets it lazily too).
        gp.waitsince = platform.CoarseNanotime(Volatile.Read(ref sysmonNow));
        gp.atomicstatus = GStatus.Waiting;
        Dropg(mp, gp);
        var unlockf = mp.waitunlockf;
        var lockArg = mp.waitlock;
        mp.waitunlockf = null;
        mp.waitlock = null;
        if (unlockf != null && !unlockf(gp, lockArg))
        {
            // The commit found the wait already over: run the G again at once.
            gp.atomicstatus = GStatus.Runnable;
            if (trace.On) trace.Emit(WaitAlreadyOver, pp, mp, gp, gp.goid);
            mp.foundVia = FoundVia.Handoff;
            mp.mcallInherit = true;
            return gp;
        }
        return null;
    }

    // A = the trace's block reason (the Detail), B = the G's wait reason; both interned.
    private static readonly Reason Blocks = new(EventKind.GoBlock, static (in EventRecord e, Tracer t) =>
        $"gopark: G{e.G} blocks ({t.Text(e.B)}); M{e.M} looks for another goroutine", static (in EventRecord e, Tracer t) => t.Text(e.A));

    private static readonly Reason WaitAlreadyOver = new(EventKind.GoUnblock, static (in EventRecord e, Tracer _) =>
        $"G{e.G}'s wait ended before it finished parking; it runs again at once");

    /// <summary>
    /// Go's goready: a parked G becomes runnable in the runnext of the P of the goroutine that
    /// readied it — replacing the G there — and an idle P may get an M to run the other.
    /// </summary>
    internal void Goready(G gp, Reason why, long a = 0) =>
        Goready(CurrentM ?? throw new InvalidOperationException("goready outside an M"), gp, why, a);

    /// <summary>Goready by the goroutine running on mp (a channel handoff, which knows its M). `why` (made
    /// with Readying) says who woke it, from a.</summary>
    internal void Goready(M mp, G gp, Reason why, long a = 0)
    {
        if (gp.owner != this) return;   // a goroutine of another run (a channel shared across notebook cells)
        var pp = mp.p!;
        gp.atomicstatus = GStatus.Runnable;
        if (trace.On) trace.Emit(why, pp, mp, gp, mp.curg?.goid ?? 0, a: a, b: (int)(Volatile.Read(ref pp.runnext)?.goid ?? 0));
        RunqPut(pp, gp, next: true);
        Wakep();
        Checkpoint();
    }

    /// <summary>A reason for goready: why the G wakes (also the Detail), then where it goes. B = the G it pushes out of runnext.</summary>
    internal static Reason Readying(ReasonText why) => new(EventKind.GoUnblock,
        (in EventRecord e, Tracer t) => $"goready: {why(in e, t)}; G{e.G} goes into P{e.P}'s runnext" +
            (e.B == 0 ? "" : $", and G{e.B}, which was there, moves to the tail of the queue"),
        why);

    /// <summary>Go's gosched_m: the G stays runnable but goes to the tail of the global queue.</summary>
    internal G? GoschedM(G gp)
    {
        var mp = gp.m!;
        if (trace.On) trace.Emit(Yielded, mp.p, mp, gp);
        gp.atomicstatus = GStatus.Runnable;
        Dropg(mp, gp);
        using (lk.Hold()) GlobrunqPut(gp);
        if (mainStarted) Wakep();
        return null;
    }

    /// <summary>Go's gopreempt_m (goschedImpl with preempted): sysmon asked the G to stop; like Gosched, it goes
    /// to the global tail and wakes an idle P. Leaves out wakep when preempted for a stop-the-world.</summary>
    internal G? GopreemptM(G gp)
    {
        var mp = gp.m!;
        Interlocked.Increment(ref statPreemptions);
        var forTheWorld = gcwaiting;
        if (trace.On) trace.Emit(forTheWorld ? PreemptedForTheWorld : Preempted, mp.p, mp, gp);
        gp.atomicstatus = GStatus.Runnable;
        Dropg(mp, gp);
        if (forTheWorld) RunqPut(mp.p!, gp, next: true);   // preempted for a stop-the-world: it resumes first afterwards
        else
        {
            using (lk.Hold()) GlobrunqPut(gp);
            if (mainStarted) Wakep();   // an idle P can take the preempted G, as after Gosched
        }
        return null;
    }

    /// <summary>
    /// Go's goexit0: the goroutine returned. It is dead and kept for reuse. If it was main, the run
    /// ends; if it ended with an exception, the run panics. Leaves out gdestroy's GC bookkeeping (stack
    /// size, assist credit) and the throw for a G that exits while lockOSThread'ed by the runtime (lockedInt).
    /// </summary>
    private void Goexit0(M mp, G gp)
    {
        var task = gp.rootTask!;
        if (gp.selfPosted != null)
        {
            gp.foreignPending = gp.foreignPending == null ? gp.selfPosted : gp.foreignPending + gp.selfPosted;
            gp.selfPosted = null;
        }
        if (gp.foreignPending is { } pending)
        {
            // Posted to this goroutine's context while it ran and never delivered: an async void method
            // rethrows its exception this way. Run it now, so that its exception is not lost.
            gp.foreignPending = null;
            try { pending(); }
            catch (Exception e) { task = Task.FromException(e); }
        }
        if (task.IsFaulted || task.IsCanceled)
        {
            Panicked(gp, task);
            return;
        }
        if (gp.unawaited is { } op)
        {
            WarnUnawaited(gp, op);
            gp.unawaited = null;
        }
        if (trace.On) trace.Emit(Returned, mp.p, mp, gp);
        gp.atomicstatus = GStatus.Dead;
        if (!gp.system) mp.p!.counts.exited++;
        Dropg(mp, gp);
        if (gp == mainG)
        {
            Finish(Outcome.Completed, "");
            return;
        }
        if (gp.lockedm != null)
        {
            // Go: a goroutine that exits while locked to its thread takes the thread with it.
            gp.lockedm = null;
            mp.lockedg = null;
            mp.lockedExt = 0;
            mp.exitThread = true;
        }
        Gfput(mp.p!, gp);
    }

    private static readonly Reason Yielded = new(EventKind.GoStop, "runtime.Gosched", static (in EventRecord e, Tracer _) =>
        $"Gosched: G{e.G} yields; it goes to the tail of the global queue (not its P's queue)");

    private static readonly Reason Preempted = new(EventKind.GoStop, "preempted", static (in EventRecord e, Tracer _) =>
        $"preempted: G{e.G} reached a safe point after sysmon's request; it goes to the tail of the global queue");

    private static readonly Reason PreemptedForTheWorld = new(EventKind.GoStop, "preempted", static (in EventRecord e, Tracer _) =>
        $"preempted: G{e.G} reached a safe point because the world is stopping; it goes to P{e.P}'s runnext, to run first when the world starts again");

    private static readonly Reason Returned = new(EventKind.GoDestroy, static (in EventRecord e, Tracer _) => $"goexit: G{e.G} returned");

    /// <summary>Go's dropg: the M no longer runs the G.</summary>
    private static void Dropg(M mp, G gp)
    {
        mp.curg = null;
        gp.m = null;
    }

    /// <summary>
    /// The goroutine awaits a task from outside the run (Task.Delay, real I/O). Like a G waiting in
    /// Go's netpoller it holds no M: it waits as "IO wait" until the task completes.
    /// </summary>
    private void ParkForeign(M mp, G gp)
    {
        if (trace.On) trace.Emit(AwaitsForeign, mp.p, mp, gp);
        Dropg(mp, gp);
        gp.ctx!.exposed = true;
        WatchRootOffScheduler(gp);
        if (!netpoll.Park(gp, Nanotime()))
        {
            // It completed before the park: runnable again, at the tail of the global queue.
            gp.atomicstatus = GStatus.Runnable;
            using (lk.Hold()) GlobrunqPut(gp);
        }
    }

    private static readonly Reason AwaitsForeign = new(EventKind.GoBlock, "network", static (in EventRecord e, Tracer _) =>
        $"G{e.G} awaits a task from outside the run; it waits as \"IO wait\" in netpoll and holds no M");

    /// <summary>
    /// If the goroutine's body completes while it waits as IO wait, its code went on outside the
    /// scheduler (ConfigureAwait(false), Task.Run) — where library calls fail. End the run saying so,
    /// rather than waiting for the time limit.
    /// </summary>
    private void WatchRootOffScheduler(G gp)
    {
        if (gp.watchingRoot) return;
        gp.watchingRoot = true;
        var root = gp.rootTask!;
        root.ContinueWith(t =>
        {
            if (stopping || gp.rootTask != t || gp.Status != GStatus.Waiting || gp.waitreason != "IO wait") return;
            var why = t.Exception?.InnerException is { } e ? $"{e.GetType().FullName}: {SafeMessage(e)}" : "it returned";
            Finish(Outcome.Panic,
                $"panic: goroutine {gp.goid} went on running outside the scheduler and ended there ({why}).\n\n" +
                "A goroutine's code must resume on its M: avoid ConfigureAwait(false) and Task.Run inside goroutines.");
        }, System.Threading.CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>
    /// Go's gcount, for NumGoroutine: goroutines that exist (not dead), at least 1 (the caller), as in
    /// Go. Exits are summed before creations: an exit counted implies its creation is counted too.
    /// </summary>
    internal int NumGoroutine()
    {
        var ps = allp;
        var n = -retiredCounts.exited;
        foreach (var pp in ps) n -= Volatile.Read(ref pp.counts.exited);
        n += retiredCounts.created;
        foreach (var pp in ps) n += Volatile.Read(ref pp.counts.created);
        return (int)System.Math.Max(1, n);
    }

    /// <summary>Every P's counts, and those of Ps that GOMAXPROCS removed.</summary>
    private PCounters Counts()
    {
        var sum = retiredCounts;
        foreach (var pp in allp) sum.Add(pp.counts);
        return sum;
    }
}
