using System;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Threading;

namespace Goroutines;

/// <summary>
/// The real machine: the wall clock, OS threads that run freely on the cores, real sleeps and real
/// spinning. Nondeterministic, like Go. Sleeps shorter than a millisecond use the C library's usleep,
/// as .NET's Thread.Sleep cannot.
/// </summary>
internal sealed class ParallelPlatform : Platform
{
    private static readonly double NsPerTick = 1e9 / Stopwatch.Frequency;
    private static bool hasUsleep = OperatingSystem.IsLinux() || OperatingSystem.IsMacOS();
    private const int ActiveSpinCnt = 30;   // Go's active_spin_cnt: PAUSE instructions per spin

    private readonly long start = Stopwatch.GetTimestamp();
    private readonly Sched sched;

    internal ParallelPlatform(Sched sched) { this.sched = sched; }

    internal override long Nanotime()
    {
        var d = Stopwatch.GetTimestamp() - start;
        return Stopwatch.Frequency == 1_000_000_000 ? d : (long)(d * NsPerTick);
    }

    /// <summary>sysmon's last tick is close enough, and spares a clock read on every park (Go sets it lazily too).</summary>
    internal override long CoarseNanotime(long sysmonNow) => Math.Max(1, sysmonNow);

    internal override void Usleep(long microseconds, Note? wake = null)
    {
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

    internal override Note NewNote() => new OsNote();

    internal override void ThreadCreated(M mp, string name) { }

    internal override void ThreadEnter(M mp) => mp.tid = OperatingSystem.IsLinux() ? Gettid() : 0;

    /// <summary>utime + stime of the thread, from /proc (in clock ticks of 10 ms), and whether it sleeps (state S or D); -1 off Linux.</summary>
    internal override long ThreadCpuNs(M mp, out bool blocked)
    {
        blocked = false;
        if (mp.tid == 0) return -1;
        try
        {
            var stat = System.IO.File.ReadAllText($"/proc/self/task/{mp.tid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');   // after "pid (comm) ": field 3 is fields[0]
            blocked = fields[0] is "S" or "D";
            return (long.Parse(fields[11]) + long.Parse(fields[12])) * 10_000_000;   // utime, stime: fields 14 and 15
        }
        catch (Exception e) when (e is System.IO.IOException or UnauthorizedAccessException or FormatException)
        {
            return -1;
        }
    }

    private static int Gettid()
    {
        try { return gettid(); }
        catch (EntryPointNotFoundException) { return 0; }
    }

    [DllImport("libc", EntryPoint = "gettid")]
    private static extern int gettid();

    internal override void ThreadExit(M mp) { }

    internal override void Begin() { }

    internal override void Release() { }

    /// <summary>Nothing to do: the OS switches threads whenever it likes.</summary>
    internal override void Checkpoint(bool libraryCall) { }

    /// <summary>A spin on the wall clock, looking at the preemption flag every few microseconds (async preemption's safe points).</summary>
    internal override bool Work(G g, ref long remainingNs, bool preemptible)
    {
        var startNs = Nanotime();
        while (true)
        {
            var spent = Nanotime() - startNs;
            if (spent >= remainingNs) return true;
            if ((preemptible && g.preempt) || sched.stopping)
            {
                remainingNs -= spent;
                return false;
            }
            Thread.SpinWait(20);
        }
    }

    internal override void SyscallWait(TimeSpan d)
    {
        if (d > TimeSpan.Zero) sched.Done.WaitOne(Durations.Millis(d));
    }

    /// <summary>Nothing to do: Work looks at the flag itself.</summary>
    internal override void Preempted(M mp) { }

    internal override void SpinPause() => Thread.SpinWait(ActiveSpinCnt);

    internal override int NumCpu => Environment.ProcessorCount;

    internal override long RepollDelayNs => 0;

    /// <summary>Nothing to charge: a real switch happens, and costs what it costs.</summary>
    internal override void ContextSwitch() { }

    internal override string? RefuseForeignAwait(G gp) => null;

    internal override bool PastTimeLimit(long now) => false;

    internal override string TimeLimitText() =>
        $"the run did not end within its time limit of {sched.options.Timeout.TotalSeconds:0.###} s (RunOptions.Timeout).";

    [DllImport("libc", EntryPoint = "usleep")]
    private static extern int usleep(uint usec);
}
