namespace Goroutines;

/// <summary>
/// The one seam between the scheduler and the machine it runs on, cut where Go cuts it: Go keeps its
/// OS behind os_linux.go and lock_futex.go, and fake time behind time_fake.go / time_nofake.go. Two
/// machines: <see cref="ParallelPlatform"/> (the wall clock; OS threads run freely on the cores) and
/// <see cref="LockstepPlatform"/> (a conductor moves one thread at a time on a virtual clock). The
/// scheduler asks the platform for time, sleeps and wakeups, thread start and exit, checkpoints, how
/// Work and Syscall wait, and the policies that differ; it never asks which platform it has.
/// </summary>
internal abstract class Platform
{
    /// <summary>Go's nanotime: nanoseconds since the run started.</summary>
    internal abstract long Nanotime();

    /// <summary>
    /// A time for a G's waitsince, which only tracebacks read ("N minutes"): a clock read where precision
    /// does not matter. sysmonNow is sysmon's last reading.
    /// </summary>
    internal abstract long CoarseNanotime(long sysmonNow);

    /// <summary>Go's usleep. A sleep of a millisecond or more waits on wake, so the end of the run can cut it short.</summary>
    internal abstract void Usleep(long microseconds, Note? wake = null);

    /// <summary>A new note (Go's note: one sleeper, one wakeup).</summary>
    internal abstract Note NewNote();

    /// <summary>A new thread for mp will start (newm); called before the thread exists.</summary>
    internal abstract void ThreadCreated(M mp, string name);

    /// <summary>The first thing mp's thread does (mstart).</summary>
    internal abstract void ThreadEnter(M mp);

    /// <summary>The last thing mp's thread does (mexit).</summary>
    internal abstract void ThreadExit(M mp);

    /// <summary>Every thread of the run has been started: the run may move.</summary>
    internal abstract void Begin();

    /// <summary>The run has ended: every thread moves freely again, so it can leave.</summary>
    internal abstract void Release();

    /// <summary>
    /// A point where this thread holds no lock and another thread may go first. A library call (a Go
    /// statement, a channel operation) also pays its cost here where the platform charges one.
    /// </summary>
    internal abstract void Checkpoint(bool libraryCall);

    /// <summary>
    /// Runs `remainingNs` of a goroutine's CPU work on this thread. With preemptible, sysmon's request
    /// (g.preempt) stops it early; returns true if the work is done, else lowers remainingNs by the time spent.
    /// </summary>
    internal abstract bool Work(G g, ref long remainingNs, bool preemptible);

    /// <summary>Blocks this thread in a system call for d; the end of the run cuts it short.</summary>
    internal abstract void SyscallWait(System.TimeSpan d);

    /// <summary>
    /// The CPU time mp's thread has used, in ns, or -1 where the platform cannot tell; blocked when the thread is
    /// asleep in the kernel (Thread.Sleep, blocking I/O). What tells a goroutine that holds its thread without a
    /// safe point from one whose thread the OS did not let run.
    /// </summary>
    internal abstract long ThreadCpuNs(M mp, out bool blocked);

    /// <summary>A preemption request reached mp's goroutine (sysmon's preemptone, or stopping the world): its Work should notice now.</summary>
    internal abstract void Preempted(M mp);

    /// <summary>One round of a Mutex's active spinning (Go's procyield(active_spin_cnt)).</summary>
    internal abstract void SpinPause();

    /// <summary>The CPU count the Mutex's spinning rule reads (Go's ncpu).</summary>
    internal abstract int NumCpu { get; }

    /// <summary>
    /// The least time a poll of netpoll waits when a timer is already due on a P this M may not check:
    /// Go polls again at once while real time passes; a clock that only moves when told must be told.
    /// </summary>
    internal abstract long RepollDelayNs { get; }

    /// <summary>A goroutine starts on an M: charge a context switch where the platform models its cost.</summary>
    internal abstract void ContextSwitch();

    /// <summary>Why gp may not await a task from outside the run here, or null if it may (it then waits in netpoll).</summary>
    internal abstract string? RefuseForeignAwait(G gp);

    /// <summary>Whether the run has passed its time limit on a clock only sysmon watches (false: the wall clock's limit is watched by Run).</summary>
    internal abstract bool PastTimeLimit(long now);

    /// <summary>The first line of the report of a run that passed its time limit.</summary>
    internal abstract string TimeLimitText();
}
