using System;

namespace Goroutines;

/// <summary>A timer on a P's heap: at `when` (ns), fire runs on the M that checks the P's timers (Go's timer).</summary>
internal sealed class Timer
{
    internal Timer(long when, Action fire)
    {
        this.when = when;
        this.fire = fire;
    }

    internal readonly long when;
    internal readonly Action fire;
}
