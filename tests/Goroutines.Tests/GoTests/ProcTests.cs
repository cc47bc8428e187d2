using Goroutines;
using static Goroutines.Runtime;

namespace Goroutines.Tests.GoTests;

/// <summary>Ports of Go's proc_test.go and crash_test.go behaviours (GO-RUNTIME §B), one Go test each.</summary>
public class ProcTests
{
    [Fact]
    public void TestGoroutineParallelism2_goroutines_created_by_goroutines_still_reach_every_P()
    {
        const int procs = 2;
        var x = 0;
        var run = Run(async () =>
        {
            var wg = new WaitGroup();
            for (var p = 0; p < procs / 2; p++)
            {
                var parent = p;
                wg.Add(2);
                Go(() =>
                {
                    for (var p2 = 0; p2 < 2; p2++)
                    {
                        var me = 2 * parent + p2;
                        Go(() =>
                        {
                            for (var i = 0; i < 3; i++)
                            {
                                var expected = procs * i + me;
                                while (Volatile.Read(ref x) != expected) Thread.SpinWait(10);
                                Volatile.Write(ref x, expected + 1);
                            }
                            wg.Done();
                        });
                    }
                });
            }
            await wg.Wait();
        }, new RunOptions { MaxProcs = procs, Timeout = TimeSpan.FromSeconds(30) });

        Assert.Equal(Outcome.Completed, run.Outcome);
    }

    [Fact]
    public void TestYieldProgress_a_goroutine_spinning_on_Gosched_does_not_starve_one_woken_by_a_timer()
    {
        var run = Run(async () =>
        {
            var c = new Chan<bool>();
            var ack = new Chan<bool>();
            Go(async () =>
            {
                while (true)
                {
                    var i = await Select(c.OnRecv(), Default());
                    if (i == 0) { await ack.Send(true); return; }
                    await Gosched();
                }
            });
            await Sleep(TimeSpan.FromMilliseconds(10));
            await c.Send(true);
            await ack.Recv();
        }, new RunOptions { MaxProcs = 1, Lockstep = true });

        Assert.Equal(Outcome.Completed, run.Outcome);
    }

    [Fact]
    public void TestTimerFairness2_timers_fire_while_goroutines_keep_making_syscalls()
    {
        var run = Run(async () =>
        {
            var c = new Chan<bool>(1);
            var done = new Chan<bool>(2);
            for (var i = 0; i < 2; i++)
                Go(async () =>
                {
                    var timer = After(TimeSpan.FromMilliseconds(20));
                    while (true)
                    {
                        await Syscall(() => { });   // Go's zero-length read(0)
                        var k = await Select(c.OnSend(true), c.OnRecv(), timer.OnRecv());
                        if (k == 2) { await done.Send(true); return; }
                    }
                });
            await done.Recv();
            await done.Recv();
        }, new RunOptions { MaxProcs = 2, Lockstep = true, Timeout = TimeSpan.FromSeconds(60) });   // 20 ms of virtual time is many thousand Lockstep turns: give a loaded machine room

        Assert.Equal(Outcome.Completed, run.Outcome);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void TestPreemption_two_goroutines_waiting_for_each_other_in_a_loop_with_calls_finish_even_on_one_P(int procs)
    {
        var x = 0;
        var run = Run(async () =>
        {
            var done = new Chan<bool>();
            for (var g = 0; g < 2; g++)
            {
                var me = g;
                Go(async () =>
                {
                    for (var i = 0; i < 5; i++)
                    {
                        while (Volatile.Read(ref x) % 2 != me) await Work(TimeSpan.FromMicroseconds(5));   // a loop that makes calls
                        Volatile.Write(ref x, x + 1);
                    }
                    await done.Send(true);
                });
            }
            await done.Recv();
            await done.Recv();
        }, new RunOptions { MaxProcs = procs, Lockstep = true });

        Assert.Equal(Outcome.Completed, run.Outcome);
        Assert.True(run.Stats.Preemptions > 0 || procs > 1, "on one P only preemption lets the other goroutine run");
    }

    [Fact]
    public void TestPreemptionAfterSyscall_goroutines_looping_in_short_syscalls_all_start_and_stop()
    {
        foreach (var us in new[] { 10, 100, 1000 })
        {
            var started = 0;
            var run = Run(async () =>
            {
                var stop = false;
                var wg = new WaitGroup();
                for (var i = 0; i < 8; i++)
                {
                    wg.Add(1);
                    Go(async () =>
                    {
                        Interlocked.Increment(ref started);
                        while (!stop) await Syscall(TimeSpan.FromMicroseconds(us));
                        wg.Done();
                    });
                }
                await Sleep(TimeSpan.FromMilliseconds(20));
                stop = true;
                await wg.Wait();
            }, new RunOptions { MaxProcs = 2, Lockstep = true, Timeout = TimeSpan.FromSeconds(5) });

            Assert.Equal(Outcome.Completed, run.Outcome);
            Assert.Equal(8, started);
        }
    }

    [Fact]
    public void TestGCFairness_main_sleeping_wakes_up_while_two_goroutines_loop_in_write_syscalls()
    {
        var run = Run(async () =>
        {
            for (var i = 0; i < 2; i++)
                Go(async () =>
                {
                    while (true) await Syscall(TimeSpan.FromMicroseconds(50));
                });
            await Sleep(TimeSpan.FromMilliseconds(10));
            Println("OK");
        }, new RunOptions { MaxProcs = 1, Lockstep = true });

        Assert.Equal(["OK"], run.Output);
    }

    [Fact]
    public void TestSimpleDeadlock_select_with_no_cases_in_main()
    {
        var run = Run(async () => await Select(), new RunOptions { MaxProcs = 1 });

        Assert.StartsWith("fatal error: all goroutines are asleep - deadlock!\n", run.Message);
    }

    [Fact]
    public void TestMainGoroutineID_a_panic_in_main_is_reported_on_goroutine_1()
    {
        var run = Run(() => throw new Exception("test"), new RunOptions { MaxProcs = 1 });

        Assert.StartsWith("panic: test\n\ngoroutine 1 [running]:\n", run.Message);
    }

    [Fact]
    public void TestGoNil_go_of_a_nil_func_is_a_fatal_error()
    {
        var run = Run(() => Go((Func<Task>)null!), new RunOptions { MaxProcs = 1 });

        Assert.Equal(Outcome.Panic, run.Outcome);
        Assert.Contains("go of nil func value", run.Message);
    }

    [Fact]
    public void TestNetpollDeadlock_a_goroutine_waiting_on_the_network_is_not_a_deadlock()
    {
        var run = Run(async () =>
        {
            await Task.Delay(20);   // waits in netpoll, like a network read
            Println("done");
        }, new RunOptions { MaxProcs = 1 });

        Assert.Equal(Outcome.Completed, run.Outcome);
        Assert.Equal(["done"], run.Output);
    }

    [Fact]
    public void TestNoHelperGoroutines_a_deadlock_report_shows_only_user_goroutines()
    {
        var run = Run(async () => await new Chan<int>().Recv(), new RunOptions { MaxProcs = 1 });

        Assert.Single(run.Message.Split('\n'), l => l.StartsWith("goroutine "));
        Assert.Contains("goroutine 1 [", run.Message);
    }
}
