using System;
using System.Threading;

namespace Goroutines;

/// <summary>
/// Pauses a stepped Lockstep run. The thread holding the turn stops at its next checkpoint once the
/// run has recorded the number of events the stepper asked for; the world is then still and can be
/// looked at. The stepper sets a new target to let it go on.
/// </summary>
internal sealed class StepGate
{
    private readonly object gate = new();
    private long target = 1;
    private bool paused;
    private bool off;
    private bool ended;

    /// <summary>Called by the holder at a checkpoint: pause here if enough events have happened.</summary>
    internal void AtCheckpoint(long events)
    {
        lock (gate)
        {
            if (off || events < target) return;
            paused = true;
            Monitor.PulseAll(gate);
            while (paused && !off) Monitor.Wait(gate);
        }
    }

    /// <summary>Lets the run go on until it has `newTarget` events (then pauses), or ends. False if `limit` passed first.</summary>
    internal bool Advance(long newTarget, TimeSpan limit)
    {
        lock (gate)
        {
            target = newTarget;
            paused = false;
            Monitor.PulseAll(gate);
            return WaitLocked(limit);
        }
    }

    /// <summary>Waits for the first pause (or the end). False if `limit` passed first.</summary>
    internal bool WaitForPause(TimeSpan limit)
    {
        lock (gate) return WaitLocked(limit);
    }

    private bool WaitLocked(TimeSpan limit)
    {
        var ms = Durations.Millis(limit);
        var deadline = ms == Timeout.Infinite ? long.MaxValue : Environment.TickCount64 + ms;
        while (!paused && !ended)
        {
            var left = deadline - Environment.TickCount64;
            if (left <= 0) return false;
            Monitor.Wait(gate, (int)Math.Min(left, int.MaxValue));
        }
        return true;
    }

    /// <summary>Stop pausing: the run goes on freely (RunToEnd, or the run is being stopped).</summary>
    internal void Off()
    {
        lock (gate)
        {
            off = true;
            Monitor.PulseAll(gate);
        }
    }

    /// <summary>The run has ended: whoever waits for a pause stops waiting.</summary>
    internal void Ended()
    {
        lock (gate)
        {
            ended = true;
            off = true;
            Monitor.PulseAll(gate);
        }
    }
}
