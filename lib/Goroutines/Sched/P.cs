using System.Threading;

namespace Goroutines;

/// <summary>
/// A processor: Go's p (runtime2.go) — the right to run Go code. It owns a local run queue
/// (a 256-slot ring plus the runnext slot), a schedtick, and its own timers.
/// </summary>
internal sealed class P
{
    internal const int RunqSize = 256;

    internal P(int id)
    {
        this.id = id;
        timers = new Timers();
    }

    internal readonly int id;
    internal int status = (int)PStatus.Idle;     // a PStatus; changed with CAS where sysmon races
    internal M? m;                               // the M that holds it
    internal long schedtick;                     // incremented on every non-inherited schedule
    internal long syscalltick;                   // incremented on every syscall
    internal long syscallSince;                  // when its M entered the current syscall (ns), for reasons
    internal SysmonTick sysmontick;              // what sysmon saw last time
    internal P? link;                            // next P on the idle list

    // The local run queue: a lock-free ring. Only the owner writes runqtail; anyone may CAS runqhead.
    internal uint runqhead;
    internal uint runqtail;
    internal readonly G?[] runq = new G?[RunqSize];
    internal G? runnext;                         // the G to run next, sharing the current time slice

    internal readonly Timers timers;             // this P's timers (time.Sleep, After)
    internal GList gFree;                        // dead Gs kept for reuse (Go's gFree)
    internal long goidcache;                     // the next goroutine id this P hands out
    internal long goidcacheend;                  // the end of its batch of 16 ids (Go's _GoidCacheBatch)
    internal PCounters counts;                   // goroutines created, exited and started here

    internal PStatus Status => (PStatus)Volatile.Read(ref status);

    internal int RunqLen()
    {
        var h = Volatile.Read(ref runqhead);
        var t = Volatile.Read(ref runqtail);
        return (int)(t - h);
    }

    public override string ToString() => "P" + id;
}
