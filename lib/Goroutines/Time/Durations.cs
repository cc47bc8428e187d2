using System;
using System.Threading;

namespace Goroutines;

/// <summary>Durations in nanoseconds without overflow: TimeSpan.MaxValue means "never".</summary>
internal static class Durations
{
    /// <summary>The duration in ns, saturating at long.MaxValue.</summary>
    internal static long Ns(TimeSpan d) => d.Ticks > long.MaxValue / 100 ? long.MaxValue : d.Ticks * 100;

    /// <summary>now + d, saturating at long.MaxValue (a time that never comes).</summary>
    internal static long After(long now, TimeSpan d)
    {
        var ns = Ns(d);
        return ns > long.MaxValue - now ? long.MaxValue : now + ns;
    }

    /// <summary>A wait limit for .NET's waits: Infinite past int.MaxValue ms.</summary>
    internal static int Millis(TimeSpan d) =>
        d.TotalMilliseconds >= int.MaxValue ? Timeout.Infinite : (int)Math.Ceiling(d.TotalMilliseconds);
}
