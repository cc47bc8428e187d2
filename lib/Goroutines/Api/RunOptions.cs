using System;

namespace Goroutines;

/// <summary>How a run is set up: the number of Ps, the clock, and its limits.</summary>
public sealed record RunOptions
{
    /// <summary>GOMAXPROCS for the run: the number of Ps. Default: the machine's core count.</summary>
    public int MaxProcs { get; init; } = Environment.ProcessorCount;

    /// <summary>Lockstep: one M moves at a time on a virtual clock, chosen by a seeded conductor (deterministic).</summary>
    public bool Lockstep { get; init; }

    /// <summary>The seed of the Lockstep conductor and of the scheduler's random choices (steal order, select).</summary>
    public int Seed { get; init; } = 1;

    /// <summary>The wall-clock limit of the run. When it passes, the run ends as TimedOut with a report.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Lockstep only: the virtual time every library call (a channel operation, Gosched, Go, …) takes,
    /// so that a loop advances the clock as real code does and its timers come due. Default 100 ns; each
    /// call takes between half and one and a half times it, chosen by the seed (real code varies too).
    /// </summary>
    public TimeSpan CallCost { get; init; } = TimeSpan.FromTicks(1);

    /// <summary>Lockstep only: the virtual time every context switch (every goroutine start) costs.</summary>
    public TimeSpan ContextSwitchCost { get; init; }

    /// <summary>
    /// Lockstep only: let goroutines await tasks from outside the run (Task.Delay, real I/O). They make
    /// the run depend on real time, so it is no longer the same every time.
    /// </summary>
    public bool AllowForeignAwaits { get; init; }

    /// <summary>
    /// Lockstep only: after every event, check the scheduler's invariants (every goroutine in exactly one
    /// place, queues within bounds, Ps and Ms consistent, counters equal to events) and end the run as a
    /// panic naming what broke. For tests: it makes a run much slower.
    /// </summary>
    public bool CheckInvariants { get; init; }

    /// <summary>When false, Work() has no preemption checks inside it, like a call-free loop before Go 1.14.</summary>
    public bool AsyncPreemption { get; init; } = true;

    /// <summary>Record trace events (Go's execution-tracer vocabulary, with reasons). Turn off for huge runs.</summary>
    public bool RecordEvents { get; init; } = true;

    /// <summary>
    /// At most this many events are kept (56 bytes each, their sentences made only when read); later ones are
    /// counted in RunResult.DroppedEvents. Ten million hold a run of two million goroutines whole.
    /// </summary>
    public int MaxEvents { get; init; } = 10_000_000;

    /// <summary>
    /// For tests only: runs on sysmon's thread each time retake has taken a P from a syscall, before
    /// handoffp gives it to an M — a seam to hold that window open (a real OS preempting sysmon there
    /// does the same, rarely), as the stress tests do to show it is safe.
    /// </summary>
    internal Action? AfterRetake { get; init; }

    /// <summary>The same options for a stepped run: Lockstep, with events recorded.</summary>
    internal RunOptions ForStepping() => this with { Lockstep = true, RecordEvents = true };

    internal void Validate()
    {
        if (MaxProcs < 1)
            throw new BadArgumentException(nameof(MaxProcs), MaxProcs,
                "MaxProcs (GOMAXPROCS) must be at least 1: a run needs one P to execute goroutines. Use 1 to see concurrency without parallelism.");
        if (MaxProcs > Sched.MaxProcsLimit)
            throw new BadArgumentException(nameof(MaxProcs), MaxProcs,
                $"MaxProcs {MaxProcs} is more than this model supports ({Sched.MaxProcsLimit}); every P may need its own OS thread. Use a smaller number.");
        if (Timeout <= TimeSpan.Zero)
            throw new BadArgumentException(nameof(Timeout), Timeout,
                "Timeout must be positive, e.g. TimeSpan.FromSeconds(5).");
        if (CallCost < TimeSpan.Zero)
            throw new BadArgumentException(nameof(CallCost), CallCost, "CallCost must be zero or more.");
        if (ContextSwitchCost < TimeSpan.Zero)
            throw new BadArgumentException(nameof(ContextSwitchCost), ContextSwitchCost, "ContextSwitchCost must be zero or more.");
        if (MaxEvents < 0)
            throw new BadArgumentException(nameof(MaxEvents), MaxEvents, "MaxEvents must be zero or more.");
    }
}
