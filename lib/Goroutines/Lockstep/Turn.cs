using System.Threading;

namespace Goroutines;

/// <summary>
/// A thread's place in a Lockstep run (each M and sysmon has one): whether it can move, and from
/// which virtual time. Only the conductor changes it, under its lock.
/// </summary>
internal sealed class Turn
{
    internal Turn(string name) { this.name = name; }

    internal readonly string name;
    internal readonly SemaphoreSlim go = new(0); // released when it is this thread's turn
    internal long readyAt;                       // the virtual time from which it can move
    internal bool blocked;                       // waiting: for readyAt (a timeout; long.MaxValue: none) or a wakeup
    internal bool interruptible;                 // a wakeup may end the wait early (Work can be preempted)
    internal bool woken;                         // the wait ended by a wakeup, not its timeout
    internal bool exited;

    public override string ToString() => name;
}
