using System.Collections.Generic;
using System.Threading;

namespace Goroutines;

/// <summary>
/// Go's runtime semaphore for one address (runtime/sema.go): the count at the address (m.sema), and
/// the queue of goroutines waiting on it (the sudogs of semaRoot's list for that address), with
/// root.nwait and root.lock. Go hashes the address into one of 251 shared roots kept in a treap;
/// here each Mutex has its own, which changes nothing a program can see.
/// </summary>
internal sealed class Sema
{
    internal uint count;                                     // the value at the address (Go's *addr)
    internal int nwait;                                      // waiters in the queue or about to be (root.nwait)
    internal readonly RuntimeLock lk = new();                // root.lock, a runtime mutex as in Go
    internal readonly LinkedList<MutexLockOp> queue = new(); // the waiters, head first

    /// <summary>Go's cansemacquire: take one from the count if it is not zero.</summary>
    internal bool CanSemacquire()
    {
        while (true)
        {
            var v = Volatile.Read(ref count);
            if (v == 0) return false;
            if (Interlocked.CompareExchange(ref count, v - 1, v) == v) return true;
        }
    }

    /// <summary>
    /// Go's semacquire1 for a goroutine that calls it: the easy case takes the count; else the harder
    /// case (Enqueue). Returns true if it took the count; false if it must park — then root.lock is
    /// held until the park commits (goparkunlock). Leaves out the block and mutex profiles.
    /// </summary>
    internal bool Semacquire1(MutexLockOp s, bool lifo)
    {
        s.ticket = false;
        if (CanSemacquire()) return true;   // easy case
        return Enqueue(s, lifo);
    }

    /// <summary>
    /// semacquire1's loop after goparkunlock: done if handed the count (ticket) or if it can take it;
    /// else the goroutine queues again, with the same lifo, and must park (returns false).
    /// </summary>
    internal bool Semacquire1Woken(MutexLockOp s, bool lifo)
    {
        if (s.ticket || CanSemacquire()) return true;
        return Enqueue(s, lifo);
    }

    /// <summary>
    /// One round of semacquire1's harder case: count the goroutine in nwait, try the count once more,
    /// else queue it (at the head if lifo). Returns true if it took the count, false with root.lock held.
    /// </summary>
    private bool Enqueue(MutexLockOp s, bool lifo)
    {
        lk.Enter();
        Interlocked.Increment(ref nwait);
        if (CanSemacquire())
        {
            Interlocked.Decrement(ref nwait);
            lk.Exit();
            return true;
        }
        Queue(s, lifo);
        return false;
    }

    /// <summary>Go's semaRoot.queue: a new waiter goes to the tail, or to the head if lifo.</summary>
    private void Queue(MutexLockOp s, bool lifo)
    {
        if (lifo) queue.AddFirst(s);
        else queue.AddLast(s);
    }

    /// <summary>
    /// Go's semrelease1: add one to the count; if someone waits, take the head of the queue and ready
    /// it into this P's runnext. With handoff (a starving mutex) the waiter also gets the count
    /// (ticket = 1), and the caller owes a goyield. Leaves out the mutex profile's contention accounting.
    /// </summary>
    internal void Semrelease1(bool handoff, G caller)
    {
        Interlocked.Increment(ref count);
        // Easy case: no waiters? (After the add, so that a waiter counted in nwait is never missed.)
        if (Volatile.Read(ref nwait) == 0) return;
        MutexLockOp? s;
        using (lk.Hold())
        {
            // The count may already have been taken by a goroutine that then stopped waiting.
            if (Volatile.Read(ref nwait) == 0) return;
            s = Dequeue();
            if (s != null) Interlocked.Decrement(ref nwait);
        }
        if (s == null) return;
        if (handoff && CanSemacquire()) s.ticket = true;
        var sched = caller.m!.sched;
        sched.Goready(s.Waiter, s.ticket ? HandsLock : WokeWaiter, caller.goid);
        // Direct G handoff: the waiter runs at once, on this goroutine's time slice (sema.go's goyield).
        if (s.ticket) Sched.Goyield(caller);
    }

    /// <summary>
    /// Go's semaRoot.dequeue: the waiter at the head. Waiters left by a run that has ended never wake:
    /// they are dropped (and no longer counted in nwait).
    /// </summary>
    private MutexLockOp? Dequeue()
    {
        while (queue.First is { } first)
        {
            queue.RemoveFirst();
            if (first.Value.Waiter.owner is not { stopping: true }) return first.Value;
            Interlocked.Decrement(ref nwait);
        }
        return null;
    }

    // A = the goroutine that unlocked.
    private static readonly Reason HandsLock = Sched.Readying(static (in EventRecord e, Tracer _) =>
        $"Mutex (starvation mode, since a waiter waited over 1 ms): G{e.A} hands the lock straight to G{e.G}, the first waiter, and yields to it");

    private static readonly Reason WokeWaiter = Sched.Readying(static (in EventRecord e, Tracer _) =>
        $"Mutex: G{e.A} unlocked and woke waiting G{e.G} (semrelease), which will try to take the lock");
}
