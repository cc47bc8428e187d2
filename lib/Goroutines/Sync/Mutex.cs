using System.Threading;

namespace Goroutines;

/// <summary>
/// Go's sync.Mutex (sync/mutex.go, Go 1.23), as Go writes it: a state word — mutexLocked,
/// mutexWoken, mutexStarving and the number of waiters — and a runtime semaphore (<see cref="Sema"/>)
/// whose count and FIFO/LIFO queue hold the waiters. Normal mode: Unlock wakes the first waiter,
/// unless a waiter it woke has not run yet; a running goroutine may take the lock before the woken
/// one runs (barging), and the woken one that lost queues again at the head. Starvation mode (a
/// waiter waited over 1 ms): Unlock hands the lock straight to the first waiter and yields to it.
/// Unlock is void, so that yield is owed and taken at the goroutine's next library call (see
/// docs/mutex.md). Leaves out the race detector and the mutex profile.
/// </summary>
public sealed class Mutex
{
    internal const int MutexLocked = 1;                 // mutex is locked
    internal const int MutexWoken = 2;                  // a woken waiter is on its way: Unlock wakes no other
    internal const int MutexStarving = 4;               // ownership is handed off to waiters
    internal const int MutexWaiterShift = 3;            // the rest of the word counts the waiters
    internal const long StarvationThresholdNs = 1_000_000;   // Go's starvationThresholdNs = 1e6

    internal int state;
    internal readonly Sema sema = new();

    /// <summary>Go's mu.Lock(): parks ("sync.Mutex.Lock") while another goroutine holds it.</summary>
    public MutexLockOp Lock() => new(this);

    /// <summary>Go's mu.TryLock(): takes the mutex if it is neither locked nor starving, without waiting.</summary>
    public bool TryLock()
    {
        Sched.TakeOwedGoyield();
        var old = Volatile.Read(ref state);
        if ((old & (MutexLocked | MutexStarving)) != 0) return false;
        // A goroutine may be waiting, but this one is running now and may take the mutex before it wakes.
        return Interlocked.CompareExchange(ref state, old | MutexLocked, old) == old;
    }

    /// <summary>Go's mu.Unlock(). Unlocking an unlocked mutex is a fatal error, as in Go.</summary>
    public void Unlock()
    {
        Sched.TakeOwedGoyield();
        // Fast path: drop the lock bit.
        var now = Interlocked.Add(ref state, -MutexLocked);
        if (now != 0) UnlockSlow(now);
    }

    /// <summary>Go's Mutex.unlockSlow: wake a waiter (normal mode) or hand the lock to one (starvation mode).</summary>
    private void UnlockSlow(int now)
    {
        if (((now + MutexLocked) & MutexLocked) == 0)
        {
            Interlocked.Add(ref state, MutexLocked);   // Go's process dies here; the model leaves the mutex as it was
            throw new GoPanicException("sync: unlock of unlocked mutex", fatal: true);
        }
        if ((now & MutexStarving) != 0)
        {
            // Starvation mode: hand the mutex to the next waiter and yield this time slice to it. The
            // waiter sets mutexLocked itself; mutexStarving keeps newcomers out meanwhile.
            sema.Semrelease1(handoff: true, Runtime.CurrentG("mu.Unlock()"));
            return;
        }
        var old = now;
        while (true)
        {
            // No waiters, or a goroutine was already woken or took the lock, or the mutex starves
            // (then this Unlock is not part of the hand-off chain): nobody to wake.
            if (old >> MutexWaiterShift == 0 || (old & (MutexLocked | MutexWoken | MutexStarving)) != 0) return;
            // Grab the right to wake someone.
            var next = (old - (1 << MutexWaiterShift)) | MutexWoken;
            if (Interlocked.CompareExchange(ref state, next, old) == old)
            {
                sema.Semrelease1(handoff: false, Runtime.CurrentG("mu.Unlock()"));
                return;
            }
            old = Volatile.Read(ref state);
        }
    }

    /// <summary>The state word as Go's fields would show it, for messages and tests.</summary>
    public override string ToString()
    {
        var s = Volatile.Read(ref state);
        return $"Mutex{{locked={(s & MutexLocked) != 0}, woken={(s & MutexWoken) != 0}, starving={(s & MutexStarving) != 0}, waiters={s >> MutexWaiterShift}, sema={Volatile.Read(ref sema.count)}}}";
    }
}
