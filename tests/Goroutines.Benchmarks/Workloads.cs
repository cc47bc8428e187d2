using System.Diagnostics;
using Goroutines;
using static Goroutines.Runtime;

namespace Goroutines.Benchmarks;

/// <summary>
/// The workloads of issue 6, written once and used both by the BenchmarkDotNet suite and by the
/// `measure` command that run.sh alternates with the Go programs in go/. Each one times itself
/// inside main, from the first `go` statement to the last wait, as the Go programs do, so that
/// neither side pays its runtime's start-up. Events are not recorded (RecordEvents = false) unless
/// `events` is true — the "events on" rows, what a notebook cell runs — and always for the Lockstep
/// events-per-second workload, which counts them.
/// </summary>
public static class Workloads
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    private static RunOptions Options(int procs, bool events) => new()
    {
        MaxProcs = procs, RecordEvents = events, Timeout = Limit,
    };

    private static void Check(RunResult r, string what)
    {
        if (r.Outcome != Outcome.Completed)
            throw new InvalidOperationException($"{what}: the run ended as {r.Outcome}: {r.Message}");
    }

    /// <summary>Spawn n goroutines that each call wg.Done, and wait for all: time per goroutine, ns.</summary>
    public static double SpawnFinish(int n, int procs, bool events = false)
    {
        long ticks = 0;
        var r = Run(async () =>
        {
            var wg = new WaitGroup();
            var sw = Stopwatch.StartNew();
            wg.Add(n);
            for (var i = 0; i < n; i++)
                Go(() => wg.Done());
            await wg.Wait();
            ticks = sw.ElapsedTicks;
        }, Options(procs, events));
        Check(r, "spawn");
        return Ns(ticks) / n;
    }

    /// <summary>Unbuffered ping-pong between main and one goroutine, n round trips: ns per round trip.</summary>
    public static double PingPong(int n, int procs, bool events = false)
    {
        long ticks = 0;
        var r = Run(async () =>
        {
            var ping = new Chan<int>();
            var pong = new Chan<int>();
            Go(async () =>
            {
                for (var i = 0; i < n; i++)
                    await pong.Send(await ping.Recv());
            });
            var sw = Stopwatch.StartNew();
            for (var i = 0; i < n; i++)
            {
                await ping.Send(i);
                await pong.Recv();
            }
            ticks = sw.ElapsedTicks;
        }, Options(procs, events));
        Check(r, "ping-pong");
        return Ns(ticks) / n;
    }

    /// <summary>
    /// n goroutines parked receiving on one channel: managed heap bytes per parked goroutine.
    /// GC.GetTotalMemory(true) collects fully and counts live objects of every thread, so the delta
    /// between "before the first go statement" and "while all n are parked" is what they keep alive
    /// (their G, closure, async state machine, sudog, queue slots). Allocation counters would count
    /// garbage too, and the per-thread one misses the Ms' threads.
    /// </summary>
    public static double ParkedMemory(int n, int procs, bool events = false)
    {
        double perG = 0;
        var r = Run(async () =>
        {
            var ch = new Chan<int>();
            var wg = new WaitGroup();
            var before = GC.GetTotalMemory(forceFullCollection: true);
            wg.Add(n);
            for (var i = 0; i < n; i++)
                Go(async () =>
                {
                    await ch.Recv();
                    wg.Done();
                });
            // Let every goroutine run up to its receive and park there.
            while (ParkedCount(ch) < n)
                await Sleep(TimeSpan.FromMilliseconds(5));
            var after = GC.GetTotalMemory(forceFullCollection: true);
            perG = (after - before) / (double)n;
            ch.Close();
            await wg.Wait();
        }, Options(procs, events));
        Check(r, "parked");
        return perG;
    }

    // Read without the channel's lock: safe because the workload runs at MaxProcs 1, where only this
    // goroutine (main) runs while it reads.
    private static int ParkedCount(Chan<int> ch) => ch.recvq.Count();

    /// <summary>
    /// CPU-bound Work(total/64) in 64 goroutines at MaxProcs = procs: wall ms. Work spins for its
    /// duration measured on the wall clock, as the Go program's busy loop does.
    /// </summary>
    public static double CpuSplit(TimeSpan total, int procs)
    {
        long ticks = 0;
        var each = total / 64;
        var r = Run(async () =>
        {
            var wg = new WaitGroup();
            var sw = Stopwatch.StartNew();
            wg.Add(64);
            for (var i = 0; i < 64; i++)
                Go(async () =>
                {
                    await Work(each);
                    wg.Done();
                });
            await wg.Wait();
            ticks = sw.ElapsedTicks;
        }, Options(procs, events: false));
        Check(r, "cpu");
        return Ns(ticks) / 1e6;
    }

    /// <summary>n goroutines sleeping d, at MaxProcs = procs: wall ms until all have woken.</summary>
    public static double Sleepers(int n, TimeSpan d, int procs)
    {
        long ticks = 0;
        var r = Run(async () =>
        {
            var wg = new WaitGroup();
            var sw = Stopwatch.StartNew();
            wg.Add(n);
            for (var i = 0; i < n; i++)
                Go(async () =>
                {
                    await Sleep(d);
                    wg.Done();
                });
            await wg.Wait();
            ticks = sw.ElapsedTicks;
        }, Options(procs, events: false));
        Check(r, "sleepers");
        return Ns(ticks) / 1e6;
    }

    /// <summary>
    /// Lockstep, events recorded (as the workbook runs it): 100 goroutines in 50 ping-pong pairs,
    /// rounds round trips each, with a Gosched every 10. Scheduler events per wall second.
    /// </summary>
    public static double LockstepEvents(int procs, int rounds)
    {
        var r = Run(async () =>
        {
            var wg = new WaitGroup();
            wg.Add(100);
            for (var pair = 0; pair < 50; pair++)
            {
                var a = new Chan<int>();
                var b = new Chan<int>();
                Go(async () =>
                {
                    for (var i = 0; i < rounds; i++)
                    {
                        await a.Send(i);
                        await b.Recv();
                        if (i % 10 == 0) await Gosched();
                    }
                    wg.Done();
                });
                Go(async () =>
                {
                    for (var i = 0; i < rounds; i++)
                        await b.Send(await a.Recv());
                    wg.Done();
                });
            }
            await wg.Wait();
        }, new RunOptions { MaxProcs = procs, Lockstep = true, RecordEvents = true, Timeout = Limit });
        Check(r, "lockstep");
        return r.Stats.Events / r.Elapsed.TotalSeconds;
    }

    private static double Ns(long stopwatchTicks) => stopwatchTicks * (1e9 / Stopwatch.Frequency);
}
