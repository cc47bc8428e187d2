using System.Threading;

namespace Goroutines;

// Run queues: the P-local ring with its runnext slot, the global queue, and stealing (proc.go).
internal sealed partial class Sched
{
    /// <summary>
    /// Go's runqput: with next, gp goes into runnext and the G it replaces moves to the tail of the
    /// ring; otherwise gp goes to the tail. A full ring overflows half of itself to the global queue.
    /// (Leaves out the race detector's randomizeScheduler, which sometimes ignores next.)
    /// </summary>
    internal void RunqPut(P pp, G gp, bool next)
    {
        if (next)
        {
            G? old;
            do old = Volatile.Read(ref pp.runnext);
            while (Interlocked.CompareExchange(ref pp.runnext, gp, old) != old);
            if (old == null) return;
            gp = old;   // the kicked-out runnext goes to the tail
        }
        while (true)
        {
            var h = Volatile.Read(ref pp.runqhead);
            var t = pp.runqtail;
            if (t - h < P.RunqSize)
            {
                pp.runq[t % P.RunqSize] = gp;
                Volatile.Write(ref pp.runqtail, t + 1);   // publish the G to thieves
                return;
            }
            if (RunqPutSlow(pp, gp, h, t)) return;
            // A thief took some Gs meanwhile: the ring has room again.
        }
    }

    /// <summary>
    /// Go's runqputslow: the ring is full, so the first half of it (128 Gs) plus gp move to the
    /// global queue in one batch, linked before the lock is taken. Returns false if a thief changed
    /// the ring meanwhile. Leaves out the race detector's shuffle of the batch.
    /// </summary>
    private bool RunqPutSlow(P pp, G gp, uint h, uint t)
    {
        var n = (t - h) / 2;
        var first = pp.runq[h % P.RunqSize]!;
        if (Interlocked.CompareExchange(ref pp.runqhead, h + n, h) != h) return false;
        // The slots are ours now: the head moved past them, and only this P writes the ring.
        var batch = new GQueue();
        for (var i = 0u; i < n; i++) batch.PushBack(pp.runq[(h + i) % P.RunqSize]!);
        batch.PushBack(gp);
        using (lk.Hold()) runq.PushBackAll(ref batch);
        Interlocked.Increment(ref statOverflows);
        if (trace.On) trace.Emit(Overflowed, pp, CurrentM, gp, n + 1, a: first.goid);
        return true;
    }

    // Arg = how many moved, A = the first of them.
    private static readonly Reason Overflowed = new(EventKind.RunqOverflow, static (in EventRecord e, Tracer _) =>
        $"runqputslow: P{e.P}'s queue was full (256), so its first half (G{e.A}…) and G{e.G} — {e.Arg} Gs — moved to the global queue");

    /// <summary>
    /// Go's runqget: runnext first (the G inherits the current time slice), then the ring's head.
    /// </summary>
    internal G? RunqGet(P pp, out bool inheritTime)
    {
        var next = Volatile.Read(ref pp.runnext);
        if (next != null && Interlocked.CompareExchange(ref pp.runnext, null, next) == next)
        {
            inheritTime = true;
            return next;
        }
        inheritTime = false;
        while (true)
        {
            var h = Volatile.Read(ref pp.runqhead);
            var t = pp.runqtail;
            if (t == h) return null;
            var gp = pp.runq[h % P.RunqSize];
            if (Interlocked.CompareExchange(ref pp.runqhead, h + 1, h) == h) return gp;
        }
    }

    /// <summary>Go's runqempty: no G in the ring and none in runnext.</summary>
    internal static bool RunqEmpty(P pp)
    {
        while (true)
        {
            var head = Volatile.Read(ref pp.runqhead);
            var tail = Volatile.Read(ref pp.runqtail);
            var next = Volatile.Read(ref pp.runnext);
            if (tail == Volatile.Read(ref pp.runqtail))
                return head == tail && next == null;
        }
    }

    /// <summary>
    /// Go's runqgrab: takes half (rounded up) of pp's ring into batch, starting at batchHead. When the
    /// ring is empty and stealRunNext is set, it may take pp's runnext instead — after a short pause
    /// if pp is running, so pp gets the chance to run the G it just readied. Leaves out the osyield
    /// Go uses instead of usleep(3) on OSes with coarse timers (Windows, OpenBSD, NetBSD).
    /// </summary>
    private uint RunqGrab(P pp, G?[] batch, uint batchHead, bool stealRunNext)
    {
        while (true)
        {
            var h = Volatile.Read(ref pp.runqhead);
            var t = Volatile.Read(ref pp.runqtail);
            var n = t - h;
            n -= n / 2;
            if (n == 0)
            {
                if (!stealRunNext) return 0;
                var next = Volatile.Read(ref pp.runnext);
                if (next == null) return 0;
                if (pp.Status == PStatus.Running) platform.Usleep(3);
                if (Interlocked.CompareExchange(ref pp.runnext, null, next) != next) continue;
                batch[batchHead % P.RunqSize] = next;
                return 1;
            }
            if (n > P.RunqSize / 2) continue;   // read an inconsistent head and tail; retry
            for (var i = 0u; i < n; i++)
                batch[(batchHead + i) % P.RunqSize] = pp.runq[(h + i) % P.RunqSize];
            if (Interlocked.CompareExchange(ref pp.runqhead, h + n, h) == h) return n;
        }
    }

    /// <summary>
    /// Go's runqsteal: steals half of victim's Gs into pp's ring and returns one of them to run now.
    /// </summary>
    internal G? RunqSteal(P pp, P victim, bool stealRunNext)
    {
        var t = pp.runqtail;
        var n = RunqGrab(victim, pp.runq, t, stealRunNext);
        if (n == 0) return null;
        statSteals++;
        statStolen += n;
        var gp = pp.runq[(t + n - 1) % P.RunqSize]!;
        if (trace.On)
            trace.Emit(n == 1 && RunqEmpty(victim) ? StoleTheLast : StoleHalf, pp, CurrentM, gp, victim.id, a: n, b: stealRunNext ? 1 : 0);
        if (n > 1) Volatile.Write(ref pp.runqtail, t + n - 1);
        return gp;
    }

    // Arg = the victim, A = how many were stolen (also the Detail), B = 1 when runnext could be taken.
    private static readonly Reason StoleTheLast = new(EventKind.RunqSteal, static (in EventRecord e, Tracer _) =>
        $"runqsteal: P{e.P} had no work and stole G{e.G} from P{e.Arg} (P{e.Arg}'s queue was empty{(e.B != 0 ? ", so it took its runnext in the last round" : "")})",
        static (in EventRecord e, Tracer _) => e.A.ToString());

    private static readonly Reason StoleHalf = new(EventKind.RunqSteal, static (in EventRecord e, Tracer _) =>
        $"runqsteal: P{e.P} had no work and stole {e.A} G{(e.A == 1 ? "" : "s")} — half of P{e.Arg}'s queue, rounded up — and runs G{e.G}",
        static (in EventRecord e, Tracer _) => e.A.ToString());

    /// <summary>Go's globrunqput: the tail of the global queue. Caller holds lk.</summary>
    internal void GlobrunqPut(G gp)
    {
        lk.AssertHeld();
        runq.PushBack(gp);
    }

    /// <summary>Go's globrunqputhead: the head of the global queue. Caller holds lk.</summary>
    internal void GlobrunqPutHead(G gp)
    {
        lk.AssertHeld();
        runq.PushFront(gp);
    }

    /// <summary>
    /// Go's globrunqget (≤1.25): takes min(size/GOMAXPROCS + 1, size, max, 128) Gs from the global
    /// queue, returns the first and puts the rest on pp's ring. Caller holds lk.
    /// </summary>
    internal G? GlobrunqGet(P pp, int max)
    {
        lk.AssertHeld();
        var size = runq.size;
        if (size == 0) return null;
        var n = size / gomaxprocs + 1;
        if (n > size) n = size;
        if (max > 0 && n > max) n = max;
        if (n > P.RunqSize / 2) n = P.RunqSize / 2;
        var gp = runq.Pop()!;
        for (var i = 1; i < n; i++) RunqPut(pp, runq.Pop()!, next: false);
        if (trace.On) trace.Emit(max == 1 ? GlobalFairness : GlobalBatch, pp, CurrentM, gp, n, a: pp.schedtick, b: size);
        return gp;
    }

    // Arg = how many were taken, A = the P's schedtick, B = the global queue's size before.
    private static readonly Reason GlobalFairness = new(EventKind.GlobalRunqGet, static (in EventRecord e, Tracer _) =>
        $"schedtick {e.A} on P{e.P} is a multiple of 61: took G{e.G} from the global queue, so it never starves");

    private static readonly Reason GlobalBatch = new(EventKind.GlobalRunqGet, static (in EventRecord e, Tracer _) =>
        $"globrunqget: P{e.P}'s queue was empty; took {e.Arg} of {e.B} Gs from the global queue (min(size/GOMAXPROCS+1, size, 128)) and runs G{e.G}");

    /// <summary>
    /// Go's injectglist: makes a list of Gs (woken by netpoll) runnable. With no P, they all go to the
    /// global queue and idle Ps get Ms; with a P, one per idle P goes global and the rest stay local.
    /// Leaves out runqputbatch (the local ones go in one runqput at a time) and pidlegetSpinning in startIdle.
    /// </summary>
    internal void InjectGList(GList list)
    {
        if (list.Empty) return;
        var n = list.count;
        for (var gp = list.head; gp != null; gp = gp.schedlink)
            MarkReadyFromNetpoll(gp);
        var pp = CurrentM?.p;
        if (pp == null)
        {
            using (lk.Hold())
            {
                while (list.Pop() is { } gp) GlobrunqPut(gp);
            }
            for (; n > 0 && Volatile.Read(ref npidle) > 0; n--) Startm(null, spinning: false);
            return;
        }
        var idle = Volatile.Read(ref npidle);
        var moved = 0;
        using (lk.Hold())
        {
            for (; moved < idle && !list.Empty; moved++) GlobrunqPut(list.Pop()!);
        }
        for (var i = 0; i < moved; i++) Startm(null, spinning: false);   // startIdle(n): one M per G moved
        while (list.Pop() is { } gp) RunqPut(pp, gp, next: false);
        Wakep();
    }

    private void MarkReadyFromNetpoll(G gp)
    {
        gp.atomicstatus = GStatus.Runnable;
        if (trace.On) trace.Emit(NetpollReady, CurrentM?.p, CurrentM, gp);
    }

    private static readonly Reason NetpollReady = new(EventKind.GoUnblock, "network", static (in EventRecord e, Tracer _) =>
        $"netpoll: what G{e.G} awaited outside the run completed, so it is runnable again");
}
