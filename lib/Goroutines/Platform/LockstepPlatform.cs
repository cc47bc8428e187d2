using System;

namespace Goroutines;

/// <summary>
/// A deterministic machine: the Ms are still real threads, but a <see cref="Conductor"/> lets one move
/// at a time, chosen with the run's seed, on a virtual clock that only Work, Sleep, Syscall, library
/// calls and sysmon's ticks advance. The same program and seed give the same run on any machine.
/// This is where a stepped run (Runtime.Start) pauses.
/// </summary>
internal sealed class LockstepPlatform : Platform
{
    private readonly Sched sched;
    private readonly Conductor conductor;

    internal LockstepPlatform(Sched sched, int seed)
    {
        this.sched = sched;
        conductor = new Conductor(seed);
    }

    internal override long Nanotime() => conductor.Now;

    /// <summary>The virtual clock is free to read, and exact.</summary>
    internal override long CoarseNanotime(long sysmonNow) => conductor.Now;

    internal override void Usleep(long microseconds, Note? wake = null) =>
        conductor.Block(conductor.Now + microseconds * 1000, interruptible: false);

    internal override Note NewNote() => new LockstepNote(conductor);

    internal override void ThreadCreated(M mp, string name) => mp.turn = conductor.Register(name);

    internal override void ThreadEnter(M mp) => conductor.Enter(mp.turn!);

    internal override void ThreadExit(M mp) => conductor.Exit(mp.turn!);

    internal override void Begin() => conductor.Begin();

    internal override void Release() => conductor.Release();

    /// <summary>
    /// The conductor may hand the turn to another thread ready at the same virtual time. Here the
    /// invariants are checked (RunOptions.CheckInvariants), a stepped run pauses, and a library call
    /// costs RunOptions.CallCost, jittered by the seed.
    /// </summary>
    internal override void Checkpoint(bool libraryCall)
    {
        if (sched.options.CheckInvariants && !sched.stopping) sched.CheckInvariants();
        sched.stepGate?.AtCheckpoint(sched.trace.Count);
        var callCostNs = Durations.Ns(sched.options.CallCost);
        if (libraryCall && callCostNs > 0) conductor.Block(conductor.Now + conductor.Jitter(callCostNs), interruptible: false);
        else conductor.Yield();
    }

    /// <summary>The work takes virtual time; sysmon's preemption request ends the wait early.</summary>
    internal override bool Work(G g, ref long remainingNs, bool preemptible)
    {
        var start = conductor.Now;
        conductor.Block(start + remainingNs, interruptible: preemptible);
        var used = conductor.Now - start;
        if (used >= remainingNs) return true;
        remainingNs -= used;
        return false;
    }

    internal override void SyscallWait(TimeSpan d)
    {
        if (d > TimeSpan.Zero) conductor.Block(Durations.After(conductor.Now, d), interruptible: false);
    }

    /// <summary>On the virtual clock a thread never waits for a core: time run is CPU time (-1: use the clock).</summary>
    internal override long ThreadCpuNs(M mp, out bool blocked)
    {
        blocked = false;
        return -1;
    }

    /// <summary>Ends mp's Work wait now, as a signal would interrupt a real thread.</summary>
    internal override void Preempted(M mp) => conductor.Wake(mp.turn!);

    /// <summary>A turn for the other Ms instead of a spin: on the virtual clock a spin changes nothing.</summary>
    internal override void SpinPause() => Checkpoint(libraryCall: false);

    /// <summary>Counted as multicore, so that a run does not depend on the machine it runs on.</summary>
    internal override int NumCpu => Sched.MaxProcsLimit;

    /// <summary>A poll costs 1 µs of virtual time, or the M would go round forever at one instant.</summary>
    internal override long RepollDelayNs => 1_000;

    internal override void ContextSwitch()
    {
        if (sched.options.ContextSwitchCost > TimeSpan.Zero) Usleep(sched.options.ContextSwitchCost.Ticks / 10);
    }

    internal override string? RefuseForeignAwait(G gp) => sched.options.AllowForeignAwaits ? null :
        $"G{gp.goid} awaited a task from outside the run (Task.Delay, real I/O, …) in a Lockstep run, where only virtual time exists: " +
        "the run would no longer be the same every time. Use Sleep(...) or Syscall(...) instead, or set RunOptions.AllowForeignAwaits = true.";

    internal override bool PastTimeLimit(long now) => now > Durations.Ns(sched.options.Timeout);

    internal override string TimeLimitText() =>
        $"the run did not end within its time limit of {sched.options.Timeout.TotalSeconds:0.###} s (RunOptions.Timeout), in virtual time or on the wall clock; virtual time is {conductor.Now / 1e9:0.######} s.";
}
