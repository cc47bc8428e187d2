using System;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Threading;

namespace Goroutines;

/// <summary>
/// The run's clock: Go's nanotime and usleep. In Parallel mode this is the wall clock; sleeps
/// shorter than a millisecond use the C library's usleep, as .NET's Thread.Sleep cannot.
/// In Lockstep mode it is the conductor's virtual time, and a sleep is a wait for a turn.
/// </summary>
internal sealed class Clock
{
    private readonly long start = Stopwatch.GetTimestamp();
    private readonly Conductor? conductor;

    internal Clock(Conductor? conductor) { this.conductor = conductor; }
    private static readonly double NsPerTick = 1e9 / Stopwatch.Frequency;
    private static bool hasUsleep = OperatingSystem.IsLinux() || OperatingSystem.IsMacOS();

    /// <summary>Nanoseconds since the run started.</summary>
    internal long Nanotime()
    {
        if (conductor != null) return conductor.Now;
        var d = Stopwatch.GetTimestamp() - start;
        return Stopwatch.Frequency == 1_000_000_000 ? d : (long)(d * NsPerTick);
    }

    /// <summary>Go's usleep. From a millisecond up, it sleeps on the note, so the end of the run can wake it.</summary>
    internal void Usleep(long microseconds, Note? wake = null)
    {
        if (conductor != null)
        {
            conductor.Block(conductor.Now + microseconds * 1000, interruptible: false);
            return;
        }
        if (microseconds >= 1000 && wake != null)
        {
            wake.Sleep(microseconds * 1000);
            return;
        }
        if (hasUsleep)
        {
            try
            {
                usleep((uint)microseconds);
                return;
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                hasUsleep = false;
            }
        }
        Thread.Sleep(1);
    }

    [DllImport("libc", EntryPoint = "usleep")]
    private static extern int usleep(uint usec);
}
