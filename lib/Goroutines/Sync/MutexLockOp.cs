using System;
using System.Threading;

namespace Goroutines;

/// <summary>
/// An awaited `mu.Lock()`: Go's Mutex.Lock and lockSlow, with the semacquire1 they call. Go's
/// lockSlow loops on one stack; here its locals live in the operation, which parks when the
/// semaphore makes the goroutine sleep and goes on from there when it is woken.
/// </summary>
public sealed class MutexLockOp : GoOp
{
    private readonly Mutex mu;
    // lockSlow's locals
    private long waitStartTime;
    private bool starving;
    private bool awoke;
    private int iter;
    // semacquire1's: whether the goroutine sleeps on the semaphore, the lifo of that call, and the
    // sudog's ticket (set by a starvation hand-off: the count is already this goroutine's)
    private bool inSemacquire;
    private bool lifo;
    internal bool ticket;

    internal MutexLockOp(Mutex mu) { this.mu = mu; }

    internal G Waiter => gp!;

    private protected override string Name => "mu.Lock()";

    public MutexLockOp GetAwaiter()
    {
        Start();
        return this;
    }

    public void GetResult() => ThrowRaised();

    private protected override bool TryComplete(G g)
    {
        if (!inSemacquire)
        {
            // Go's Lock fast path: grab an unlocked mutex.
            if (Interlocked.CompareExchange(ref mu.state, Mutex.MutexLocked, 0) == 0) return true;
            return LockSlow(g, Volatile.Read(ref mu.state));
        }
        // Woken on the semaphore: the rest of semacquire1's loop, then of lockSlow's.
        if (!SemacquireAgain()) return false;
        return AfterSemacquire(g, out var old) || LockSlow(g, old);
    }

    /// <summary>
    /// Go's Mutex.lockSlow loop from state old: spin while that makes sense, else CAS the new state
    /// (take the lock, or count in as a waiter) and sleep on the semaphore. Returns true once the
    /// goroutine holds the mutex; false when it must park (root.lock held until the park commits).
    /// </summary>
    private bool LockSlow(G g, int old)
    {
        var sched = g.m!.sched;
        while (true)
        {
            // Don't spin in starvation mode: ownership is handed off to waiters.
            if ((old & (Mutex.MutexLocked | Mutex.MutexStarving)) == Mutex.MutexLocked && sched.SyncRuntimeCanSpin(g.m, iter))
            {
                // Set mutexWoken so that Unlock does not wake other blocked goroutines.
                if (!awoke && (old & Mutex.MutexWoken) == 0 && old >> Mutex.MutexWaiterShift != 0 &&
                    Interlocked.CompareExchange(ref mu.state, old | Mutex.MutexWoken, old) == old)
                    awoke = true;
                sched.SyncRuntimeDoSpin();
                iter++;
                old = Volatile.Read(ref mu.state);
                continue;
            }
            var next = NewState(old);
            if (Interlocked.CompareExchange(ref mu.state, next, old) != old)
            {
                old = Volatile.Read(ref mu.state);
                continue;
            }
            if ((old & (Mutex.MutexLocked | Mutex.MutexStarving)) == 0) return true;   // locked the mutex with the CAS
            // If it waited before, it queues at the front of the queue.
            lifo = waitStartTime != 0;
            if (waitStartTime == 0) waitStartTime = Now(g);
            if (!SemacquireMutex()) return false;
            if (AfterSemacquire(g, out old)) return true;
        }
    }

    /// <summary>lockSlow's new state word from old: locked unless starving, one more waiter if it must wait, the flags.</summary>
    private int NewState(int old)
    {
        var next = old;
        // Don't try to acquire a starving mutex: newcomers must queue.
        if ((old & Mutex.MutexStarving) == 0) next |= Mutex.MutexLocked;
        if ((old & (Mutex.MutexLocked | Mutex.MutexStarving)) != 0) next += 1 << Mutex.MutexWaiterShift;
        // This goroutine switches the mutex to starvation mode — unless it is unlocked now.
        if (starving && (old & Mutex.MutexLocked) != 0) next |= Mutex.MutexStarving;
        if (awoke)
        {
            // Woken from sleep (or set the bit while spinning): reset the flag in either case.
            if ((next & Mutex.MutexWoken) == 0) throw new GoPanicException("sync: inconsistent mutex state", fatal: true);
            next &= ~Mutex.MutexWoken;
        }
        return next;
    }

    /// <summary>
    /// lockSlow after runtime_SemacquireMutex returned: note starvation; in starvation mode the lock
    /// was handed over — fix the state (set locked, one waiter less, maybe leave starvation mode) and
    /// return true. Otherwise the goroutine was woken to compete: old is the state to loop with.
    /// </summary>
    private bool AfterSemacquire(G g, out int old)
    {
        starving = starving || Now(g) - waitStartTime > Mutex.StarvationThresholdNs;
        old = Volatile.Read(ref mu.state);
        if ((old & Mutex.MutexStarving) != 0)
        {
            if ((old & (Mutex.MutexLocked | Mutex.MutexWoken)) != 0 || old >> Mutex.MutexWaiterShift == 0)
                throw new GoPanicException("sync: inconsistent mutex state", fatal: true);
            var delta = Mutex.MutexLocked - (1 << Mutex.MutexWaiterShift);
            // Exit starvation mode if this goroutine did not wait long, or it is the last waiter.
            if (!starving || old >> Mutex.MutexWaiterShift == 1) delta -= Mutex.MutexStarving;
            Interlocked.Add(ref mu.state, delta);
            return true;
        }
        awoke = true;
        iter = 0;
        return false;
    }

    /// <summary>Go's sync_runtime_SemacquireMutex: semacquire1(lifo) with wait reason "sync.Mutex.Lock". False: park.</summary>
    private bool SemacquireMutex()
    {
        inSemacquire = !mu.sema.Semacquire1(this, lifo);
        return !inSemacquire;
    }

    /// <summary>Woken on the semaphore: the rest of semacquire1's loop. False: it queued again and must park.</summary>
    private bool SemacquireAgain()
    {
        inSemacquire = !mu.sema.Semacquire1Woken(this, lifo);
        return !inSemacquire;
    }

    private protected override void Park(G g, Action continuation) =>
        Sched.Goparkunlock(g, () => Retry(continuation), mu.sema.lk, "sync.Mutex.Lock", "sync");

    private static long Now(G g) => g.m!.sched.Nanotime();
}
