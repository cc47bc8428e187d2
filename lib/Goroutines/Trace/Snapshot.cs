using System.Collections.Generic;

namespace Goroutines;

/// <summary>
/// The whole scheduler at one moment: every P with its runnext and queue, the global queue, every M
/// and what it holds, every goroutine's status. Exact when a Lockstep run is paused; in a Parallel
/// run it is read while threads move, so it is only approximate.
/// </summary>
public sealed record Snapshot(
    long TimeNs,
    long EventCount,
    IReadOnlyList<PSnapshot> Ps,
    IReadOnlyList<long> GlobalQueue,
    IReadOnlyList<MSnapshot> Ms,
    IReadOnlyList<GSnapshot> Gs,
    string Reason)
{
    /// <summary>GOMAXPROCS: how many Ps there are.</summary>
    public int Gomaxprocs => Ps.Count;

    /// <summary>Ps on the idle list (Go's sched.npidle).</summary>
    public int IdleProcs { get; init; }

    /// <summary>Ms that exist, sysmon included (Go's mcount()).</summary>
    public int Threads { get; init; }

    /// <summary>Ms spinning: looking for work without any (Go's sched.nmspinning).</summary>
    public int SpinningThreads { get; init; }

    /// <summary>1 when work was found but no P was free for a spinning M (Go's sched.needspinning).</summary>
    public int NeedSpinning { get; init; }

    /// <summary>Ms asleep on the idle list (Go's sched.nmidle).</summary>
    public int IdleThreads { get; init; }

    /// <summary>Idle Ms locked to a goroutine (Go's sched.nmidlelocked).</summary>
    public int IdleLockedThreads { get; init; }

    /// <summary>The run has ended: its Ms are gone and no P runs anything any more.</summary>
    public bool Ended { get; init; }

    /// <summary>A goroutine by id, or null.</summary>
    public GSnapshot? G(long id)
    {
        foreach (var g in Gs)
            if (g.Id == id) return g;
        return null;
    }
}

/// <summary>A P: its status, the M holding it, the G it runs, runnext, and its local queue from head to tail.</summary>
public sealed record PSnapshot(int Id, PStatus Status, long? M, long? Running, long? Runnext, IReadOnlyList<long> Queue, long Schedtick, int Timers)
{
    /// <summary>Syscalls made by goroutines on this P (Go's p.syscalltick).</summary>
    public long Syscalltick { get; init; }

    /// <summary>Dead Gs kept on this P for reuse (Go's p.gFree.n).</summary>
    public long GFreeCount { get; init; }
}

/// <summary>An M (an OS thread): its P, its goroutine, and whether it spins, sits in a syscall, is idle, or is sysmon.</summary>
public sealed record MSnapshot(long Id, int? P, long? CurG, bool Spinning, bool InSyscall, bool Idle, bool Sysmon, string Doing)
{
    /// <summary>The goroutine locked to this M (LockOSThread), or null.</summary>
    public long? LockedG { get; init; }
}

/// <summary>A goroutine: status, the wait reason Go would print, the M it is on, and whether it is one of the runtime's own.</summary>
public sealed record GSnapshot(long Id, GStatus Status, string WaitReason, long? M, bool System)
{
    /// <summary>The M this goroutine is locked to (LockOSThread), or null.</summary>
    public long? LockedM { get; init; }
}
