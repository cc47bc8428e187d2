using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace Goroutines;

/// <summary>
/// Go's sync.WaitGroup: Add and Done change a counter atomically (no lock, as in Go); Wait parks until
/// it is zero. When the counter reaches zero every waiter is readied, in the order they came (Go's
/// semrelease, one by one). The lock guards only the waiters.
/// </summary>
public sealed class WaitGroup
{
    internal readonly RuntimeLock lk = new();   // the semaphore root's lock in Go: a runtime mutex
    internal long counter;
    internal readonly Queue<G> waiters = new();

    /// <summary>Go's wg.Add(delta). A negative counter panics: "sync: negative WaitGroup counter". Leaves
    /// out the race detector and the "WaitGroup misuse: Add called concurrently with Wait" panics.</summary>
    public void Add(int delta)
    {
        Sched.TakeOwedGoyield();
        var now = Interlocked.Add(ref counter, delta);
        if (now < 0)
        {
            Interlocked.Add(ref counter, -delta);
            throw new GoPanicException("sync: negative WaitGroup counter");
        }
        if (now > 0) return;
        G[] wake;
        using (lk.Hold())
        {
            // Wait checks the counter under this lock, so a waiter is either in the queue now or saw zero.
            if (waiters.Count == 0) return;
            wake = waiters.Where(w => w.owner is not { stopping: true }).ToArray();   // not those of an ended run
            waiters.Clear();
        }
        var g = Runtime.CurrentG("wg.Add(...)");
        var sched = g.m!.sched;
        foreach (var w in wake)
            sched.Goready(w, CounterZero, g.goid);
    }

    // A = the goroutine whose Add brought the counter to zero.
    private static readonly Reason CounterZero = Sched.Readying(static (in EventRecord e, Tracer _) =>
        $"WaitGroup: the counter reached zero in G{e.A}, so waiting G{e.G} wakes");

    /// <summary>Go's wg.Done(): Add(-1).</summary>
    public void Done() => Add(-1);

    /// <summary>Go's wg.Wait(): parks ("semacquire" in Go 1.23) until the counter is zero. Leaves out the
    /// race detector and the "WaitGroup is reused before previous Wait has returned" panic.</summary>
    public WaitGroupWaitOp Wait() => new(this);

    /// <summary>The counter now.</summary>
    public long Count => Interlocked.Read(ref counter);
}
