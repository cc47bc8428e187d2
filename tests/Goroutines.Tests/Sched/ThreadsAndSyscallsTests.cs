using Goroutines;
using static Goroutines.Runtime;

namespace Goroutines.Tests.Sched;

/// <summary>Ms are real threads: syscalls make more of them, sleeping does not.</summary>
public class ThreadsAndSyscallsTests
{
    [Fact]
    public void Twenty_goroutines_in_50ms_syscalls_at_MaxProcs_2_make_at_least_20_Ms_exist_at_once()
    {
        // Each syscall lasts 50 ms once all 20 are inside, so on a loaded machine a slow thread start
        // cannot let one syscall end before the last begins: the count is about blocking, not timing.
        var inside = new CountdownEvent(20);
        var run = Run(async () =>
        {
            var wg = new WaitGroup();
            for (var i = 0; i < 20; i++)
            {
                wg.Add(1);
                Go(async () =>
                {
                    await Syscall(() =>
                    {
                        inside.Signal();
                        inside.Wait(TimeSpan.FromSeconds(20));
                        Thread.Sleep(50);
                    });
                    wg.Done();
                });
            }
            await wg.Wait();
        }, new RunOptions { MaxProcs = 2, Timeout = TimeSpan.FromSeconds(30) });

        Assert.Equal(Outcome.Completed, run.Outcome);
        Assert.True(inside.IsSet, "not all 20 syscalls were in progress at once");
        Assert.True(run.Stats.PeakThreads - 1 >= 20, $"peak Ms besides sysmon: {run.Stats.PeakThreads - 1}");
        Assert.True(run.Stats.SyscallRetakes >= 18, $"retakes {run.Stats.SyscallRetakes}");
        Assert.Contains(run.Events, e => e.Kind == EventKind.ProcSteal && e.Reason.StartsWith("sysmon retook"));
        Assert.Equal(0, run.ThreadsLeft);
    }

    [Fact]
    public void Twenty_goroutines_sleeping_50ms_at_MaxProcs_2_need_no_more_Ms_than_Ps_plus_a_few()
    {
        var run = Run(async () =>
        {
            var wg = new WaitGroup();
            for (var i = 0; i < 20; i++)
            {
                wg.Add(1);
                Go(async () =>
                {
                    await Sleep(TimeSpan.FromMilliseconds(50));
                    wg.Done();
                });
            }
            await wg.Wait();
        }, new RunOptions { MaxProcs = 2 });

        Assert.Equal(Outcome.Completed, run.Outcome);
        Assert.InRange(run.Stats.PeakThreads, 1, 2 + 3);   // the Ms for 2 Ps, sysmon, and a spare
    }

    [Fact]
    public void Syscalls_that_return_before_sysmon_looks_keep_their_P_on_the_fast_path()
    {
        var run = Run(async () =>
        {
            for (var i = 0; i < 100; i++) await Syscall(() => { });
            Println("back");
        }, new RunOptions { MaxProcs = 1 });

        Assert.Equal(["back"], run.Output);
        var ends = run.Events.Where(e => e.Kind is EventKind.GoSyscallEnd or EventKind.GoSyscallEndBlocked).ToList();
        Assert.Equal(100, ends.Count);
        // sysmon may retake the P of a few (it ticks every 20 µs or more); most keep it.
        Assert.True(ends.Count(e => e.Kind == EventKind.GoSyscallEnd) >= 50, $"{ends.Count(e => e.Kind == EventKind.GoSyscallEnd)} fast paths");
    }

    [Fact]
    public void A_goroutine_whose_P_was_retaken_returns_through_the_global_queue_when_no_P_is_free()
    {
        var run = Run(async () =>
        {
            var wg = new WaitGroup();
            wg.Add(1);
            Go(async () =>
            {
                await Syscall(TimeSpan.FromMilliseconds(30));   // sysmon hands P0 to another M meanwhile
                Println("back from syscall");
                wg.Done();
            });
            Go(async () => await Work(TimeSpan.FromMilliseconds(60)));   // keeps the only P busy
            await wg.Wait();
        }, new RunOptions { MaxProcs = 1, Lockstep = true });   // the same code path, without a race against the wall clock

        Assert.Equal(Outcome.Completed, run.Outcome);
        Assert.Contains(run.Events, e => e.Kind == EventKind.GoSyscallEndBlocked && e.Reason.Contains("global queue"));
    }

    [Fact]
    public void Every_M_thread_is_gone_when_Run_returns()
    {
        for (var procs = 1; procs <= 4; procs *= 2)
        {
            var run = Run(async () =>
            {
                for (var i = 0; i < 50; i++) Go(async () => await Work(TimeSpan.FromMicroseconds(50)));
                await Sleep(TimeSpan.FromMilliseconds(5));
            }, new RunOptions { MaxProcs = procs });
            Assert.Equal(0, run.ThreadsLeft);
        }
    }
}
