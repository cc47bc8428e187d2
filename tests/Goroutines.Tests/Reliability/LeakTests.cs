using System.Diagnostics;
using Goroutines;
using static Goroutines.Runtime;

namespace Goroutines.Tests.Reliability;

/// <summary>
/// Issue 7, leaks: a classroom kernel runs thousands of programs. 1,000 runs of every kind (completed,
/// leaking goroutines, deadlocked, panicked, timed out, stepped and disposed) leave the process's
/// threads and memory where they were.
/// </summary>
public class LeakTests
{
    private static readonly RunOptions Parallel2 = new() { MaxProcs = 2, Timeout = TimeSpan.FromSeconds(20) };

    private static RunResult OneRun(int i)
    {
        switch (i % 8)
        {
            case 0:   // completes, with goroutines on both Ps
                return Run(async () =>
                {
                    var wg = new WaitGroup();
                    for (var k = 0; k < 20; k++) { wg.Add(1); Go(async () => { await Gosched(); wg.Done(); }); }
                    await wg.Wait();
                }, Parallel2);
            case 1:   // completes, leaving goroutines parked forever (Go abandons them)
                return Run(() =>
                {
                    var ch = new Chan<int>();
                    for (var k = 0; k < 20; k++) Go(async () => await ch.Recv());
                }, Parallel2);
            case 2:   // deadlock
                return Run(async () => await new Chan<int>().Send(1), Parallel2);
            case 3:   // panic in a child while others work
                return Run(async () =>
                {
                    Go(async () => { while (true) await Work(TimeSpan.FromMicroseconds(100)); });
                    Go(() => throw new InvalidOperationException("boom"));
                    await new Chan<int>().Recv();
                }, Parallel2);
            case 4:   // syscalls make extra Ms
                return Run(async () =>
                {
                    var wg = new WaitGroup();
                    for (var k = 0; k < 6; k++) { wg.Add(1); Go(async () => { await Syscall(TimeSpan.FromMilliseconds(1)); wg.Done(); }); }
                    await wg.Wait();
                }, Parallel2);
            case 5:   // Lockstep, with a timer and select
                return Run(async () =>
                {
                    var ch = new Chan<int>();
                    Go(async () => { await Sleep(TimeSpan.FromMilliseconds(5)); await ch.Send(1); });
                    await Select(ch.OnRecv(), After(TimeSpan.FromSeconds(1)).OnRecv());
                }, new RunOptions { MaxProcs = 3, Lockstep = true, Seed = i });
            case 6:   // a stepped run, disposed mid-way
            {
                using var run = Start(async () => { while (true) await Gosched(); }, new RunOptions { MaxProcs = 2, Seed = i });
                run.Step(10);
                run.Dispose();
                return run.Result!;
            }
            default:  // a time-out that the scheduler can stop (Work reaches safe points)
                return Run(async () => await Work(TimeSpan.FromSeconds(10)), new RunOptions { MaxProcs = 1, Timeout = TimeSpan.FromMilliseconds(2) });
        }
    }

    [Fact]
    public void A_thousand_runs_of_every_kind_leave_the_thread_count_and_memory_where_they_started()
    {
        // Warm up: JIT, thread pool, the first runs' statics.
        for (var i = 0; i < 16; i++) OneRun(i);
        var threadsBefore = Settle();
        var memoryBefore = GC.GetTotalMemory(forceFullCollection: true);

        var outcomes = new Dictionary<Outcome, int>();
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < 1000; i++)
        {
            var run = OneRun(i);
            Assert.True(run.ThreadsLeft == 0, $"run {i}: {run}");
            outcomes[run.Outcome] = outcomes.GetValueOrDefault(run.Outcome) + 1;
        }
        watch.Stop();

        var threadsAfter = Settle();
        var memoryAfter = GC.GetTotalMemory(forceFullCollection: true);
        Assert.Equal(4, outcomes.Count);   // every kind of ending happened
        Assert.True(threadsAfter <= threadsBefore + 8,
            $"threads: {threadsBefore} before, {threadsAfter} after 1000 runs");
        Assert.True(memoryAfter - memoryBefore < 32 * 1024 * 1024,
            $"managed memory: {memoryBefore / 1024} KB before, {memoryAfter / 1024} KB after 1000 runs ({watch.Elapsed.TotalSeconds:0.0} s)");
    }

    private static int Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        Thread.Sleep(500);
        return Process.GetCurrentProcess().Threads.Count;
    }
}
