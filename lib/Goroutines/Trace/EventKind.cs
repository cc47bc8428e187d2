namespace Goroutines;

/// <summary>
/// What happened, in the vocabulary of Go's execution tracer (runtime/traceruntime.go), plus a few
/// scheduler decisions the tracer does not record but a learner needs to see (marked "model").
/// </summary>
public enum EventKind
{
    /// <summary>GOMAXPROCS set (procresize). Arg = the new value.</summary>
    ProcsChange,
    /// <summary>An M acquired a P (acquirep).</summary>
    ProcStart,
    /// <summary>An M released its P (releasep).</summary>
    ProcStop,
    /// <summary>sysmon (or an exiting syscall) took a P from an M blocked in a syscall. Arg = the M it was taken from.</summary>
    ProcSteal,
    /// <summary>A new OS thread (M) was started (newm). Model: Go's tracer shows it implicitly.</summary>
    ThreadStart,
    /// <summary>A goroutine was created (newproc). G = the new goroutine, Arg = its creator.</summary>
    GoCreate,
    /// <summary>A goroutine started running on an M and P (execute).</summary>
    GoStart,
    /// <summary>A running goroutine stopped but stays runnable (Gosched, preemption). Detail = "runtime.Gosched" or "preempted".</summary>
    GoStop,
    /// <summary>A running goroutine blocked (gopark). Detail = the block reason ("chan receive", "sleep", …).</summary>
    GoBlock,
    /// <summary>A blocked goroutine was made runnable (goready). G = the readied goroutine, Arg = the goroutine that readied it (0 if none).</summary>
    GoUnblock,
    /// <summary>A goroutine exited (goexit).</summary>
    GoDestroy,
    /// <summary>A goroutine entered a syscall (entersyscall).</summary>
    GoSyscallBegin,
    /// <summary>A goroutine left a syscall and kept (or re-took) its P (exitsyscall fast path).</summary>
    GoSyscallEnd,
    /// <summary>A goroutine left a syscall after losing its P (exitsyscall slow path or another P).</summary>
    GoSyscallEndBlocked,
    /// <summary>Model: Gs moved from a P's local queue to the global queue (runqputslow). Arg = how many.</summary>
    RunqOverflow,
    /// <summary>Model: Gs taken from the global queue (globrunqget). Arg = how many.</summary>
    GlobalRunqGet,
    /// <summary>Model: a P stole Gs from another P's queue (runqsteal). P = the thief, Arg = the victim P, Detail has the count.</summary>
    RunqSteal,
    /// <summary>Model: sysmon asked a goroutine to stop at its next safe point (preemptone).</summary>
    Preempt,
    /// <summary>Model: an M found nothing to run and went to sleep (stopm).</summary>
    ThreadIdle,
    /// <summary>The world is stopping (GOMAXPROCS): every P must stop. Detail = why.</summary>
    STWBegin,
    /// <summary>The world runs again. Arg = GOMAXPROCS.</summary>
    STWEnd,
    /// <summary>Model: the run ended (main returned, deadlock, panic or time limit).</summary>
    RunEnd,
}
