using System;

namespace Goroutines;

/// <summary>
/// An awaited Sleep(d): Go's timeSleep. The goroutine parks ("sleep"); the timer is put on the P's
/// heap only after it has parked (resetForSleep). When it fires, goready puts the goroutine in the
/// runnext of the P that ran the timer.
/// </summary>
public sealed class SleepOp : GoOp
{
    private readonly TimeSpan d;

    internal SleepOp(TimeSpan d) { this.d = d; }

    private protected override string Name => "Sleep(...)";

    public SleepOp GetAwaiter()
    {
        Start();
        return this;
    }

    public void GetResult() => ThrowRaised();

    private protected override bool TryComplete(G g) => d <= TimeSpan.Zero;

    private protected override void Park(G g, Action continuation)
    {
        var sched = SchedOf(g);
        Sched.Gopark(g, continuation, static (gp, op) => ((SleepOp)op!).ResetForSleep(gp), this, "sleep", "sleep");
    }

    /// <summary>Go's resetForSleep: arm the timer on the P this M holds, after the G is parked. Leaves out
    /// the G's own reused timer (gp.timer) and gp.sleepWhen: the wake time is read here, not before gopark.</summary>
    private bool ResetForSleep(G g)
    {
        var mp = Sched.CurrentM!;
        var sched = mp.sched;
        var when = Durations.After(sched.Nanotime(), d);
        mp.p!.timers.Add(new Timer(when, () => sched.Goready(g, SleepOver, d.Ticks)));
        sched.WakeNetPoller(when);
        return true;
    }

    // A = the Sleep's duration, in ticks.
    private static readonly Reason SleepOver = Sched.Readying(static (in EventRecord e, Tracer _) =>
        $"timer: G{e.G}'s Sleep({GoFormat.Duration(TimeSpan.FromTicks(e.A))}) is over");
}
