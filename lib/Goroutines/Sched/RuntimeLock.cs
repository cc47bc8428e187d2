using System;
using System.Threading;

namespace Goroutines;

/// <summary>
/// Go's runtime mutex (lock_futex.go), as sched.lock and every channel use it: one word, taken with
/// an atomic swap, waited for by spinning and then yielding the thread. It has no owner and is not
/// reentrant: it is held for a few instructions at a time, and never across a checkpoint. (Debug
/// builds check that it is not taken twice by one thread, nor released by another.)
/// </summary>
internal sealed class RuntimeLock
{
    private int state;   // 0 unlocked, 1 locked
#if DEBUG
    private int owner;   // the managed thread id holding it
#endif

    /// <summary>Go's lock2. Leaves out m.locks, lock ranking, the contention profile and futexsleep:
    /// where Go's waiter sleeps on the futex after spinning, this one keeps on with SpinWait.</summary>
    internal void Enter()
    {
#if DEBUG
        if (Volatile.Read(ref owner) == Environment.CurrentManagedThreadId)
            throw new InvalidOperationException("RuntimeLock taken twice by one thread: a scheduler bug");
#endif
        if (Interlocked.Exchange(ref state, 1) != 0)
        {
            var spin = new SpinWait();
            do spin.SpinOnce();
            while (Volatile.Read(ref state) != 0 || Interlocked.Exchange(ref state, 1) != 0);
        }
#if DEBUG
        owner = Environment.CurrentManagedThreadId;
#endif
    }

    /// <summary>Go's unlock2.</summary>
    internal void Exit()
    {
#if DEBUG
        if (owner != Environment.CurrentManagedThreadId)
            throw new InvalidOperationException("RuntimeLock released by a thread that does not hold it: a scheduler bug");
        owner = 0;
#endif
        Volatile.Write(ref state, 0);
    }

    /// <summary>Go's assertLockHeld: in Debug builds (the tests'), throws unless this thread holds the lock.</summary>
    [System.Diagnostics.Conditional("DEBUG")]
    internal void AssertHeld()
    {
#if DEBUG
        if (Volatile.Read(ref owner) != Environment.CurrentManagedThreadId)
            throw new InvalidOperationException("a function that needs the runtime lock ran without it: a scheduler bug");
#endif
    }

    /// <summary>For `using (lk.Hold()) { … }`: held until the end of the block.</summary>
    internal Held Hold()
    {
        Enter();
        return new Held(this);
    }

    internal readonly ref struct Held
    {
        private readonly RuntimeLock lk;
        internal Held(RuntimeLock lk) { this.lk = lk; }
        public void Dispose() => lk.Exit();
    }
}
