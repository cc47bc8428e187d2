using System.Security.Cryptography;
using System.Text;
using Goroutines;
using static Goroutines.Runtime;

namespace Goroutines.Tests.Sched;

/// <summary>Lockstep: the same scheduler on real threads, one M moving at a time on a virtual clock.</summary>
public class LockstepTests
{
    private static RunResult Mixed(int seed, int procs = 4) => Run(async () =>
    {
        var ch = new Chan<int>(2);
        var wg = new WaitGroup();
        var mu = new Mutex();
        var shared = 0;
        for (var i = 0; i < 8; i++)
        {
            var n = i;
            wg.Add(1);
            Go(async () =>
            {
                await Work(TimeSpan.FromMicroseconds(30 * n));
                await ch.Send(n);
                await mu.Lock();
                shared++;
                mu.Unlock();
                await Sleep(TimeSpan.FromMilliseconds(1));
                await Syscall(TimeSpan.FromMicroseconds(100));
                await Select(ch.OnSend(n + 100), Default());
                await Gosched();
                wg.Done();
            });
        }
        for (var i = 0; i < 8; i++) Println(await ch.Recv());
        await wg.Wait();
        Println("shared", shared);
    }, new RunOptions { MaxProcs = procs, Lockstep = true, Seed = seed });

    private static string TraceHash(RunResult run) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(
            string.Join("\n", run.Events.Select(e => e.ToString())) + "\n--\n" + string.Join("\n", run.Output))));

    [Fact]
    public void Fifty_runs_of_one_seed_at_MaxProcs_4_give_one_trace_byte_for_byte()
    {
        var hashes = new HashSet<string>();
        for (var i = 0; i < 50; i++)
        {
            var run = Mixed(seed: 42);
            Assert.Equal(Outcome.Completed, run.Outcome);
            Assert.Equal(0, run.ThreadsLeft);
            hashes.Add(TraceHash(run));
        }
        Assert.Single(hashes);
    }

    [Fact]
    public void Different_seeds_give_different_schedules()
    {
        var hashes = Enumerable.Range(1, 10).Select(s => TraceHash(Mixed(s))).ToHashSet();
        Assert.True(hashes.Count >= 5, $"{hashes.Count} distinct traces over 10 seeds");
    }

    [Fact]
    public void The_runnext_quiz_at_MaxProcs_2_gives_varied_orders_over_seeds()
    {
        var orders = new Dictionary<string, int>();
        for (var seed = 0; seed < 100; seed++)
        {
            var run = Run(async () =>
            {
                var wg = new WaitGroup();
                for (var i = 0; i < 10; i++)
                {
                    var n = i;
                    wg.Add(1);
                    Go(() => { Println(n); wg.Done(); });
                }
                await wg.Wait();
            }, new RunOptions { MaxProcs = 2, Lockstep = true, Seed = seed });
            Assert.Equal(10, run.Output.Count);
            orders[run.OutputLine] = orders.GetValueOrDefault(run.OutputLine) + 1;
        }
        // Go 1.23.5 on 2 Ps (tests/GoReference): 18–32 distinct orders per 100 runs, "9 0 … 8" in 32–48%.
        Assert.True(orders.Count >= 10, $"{orders.Count} distinct orders");
        var nineFirst = orders.GetValueOrDefault("9 0 1 2 3 4 5 6 7 8");
        Assert.InRange(nineFirst, 1, 99);
    }

    [Fact]
    public void Time_is_virtual_an_hour_of_sleep_takes_no_wall_time()
    {
        var run = Run(async () =>
        {
            await Sleep(TimeSpan.FromHours(1));
            Println("after an hour");
        }, new RunOptions { MaxProcs = 1, Lockstep = true, Timeout = TimeSpan.FromHours(2) });

        Assert.Equal(["after an hour"], run.Output);
        Assert.True(run.Elapsed < TimeSpan.FromSeconds(10), $"wall time {run.Elapsed}");
        Assert.True(run.Events[^1].TimeNs >= 3600L * 1_000_000_000, $"virtual end {run.Events[^1].TimeNs} ns");
    }

    [Fact]
    public void E3_in_virtual_time_the_hog_is_preempted_after_10ms_and_main_wakes_at_a_time_that_is_always_the_same()
    {
        long Woke(int seed)
        {
            var run = Run(async () =>
            {
                Go(async () => await Work(TimeSpan.FromSeconds(5)));
                await Sleep(TimeSpan.FromMilliseconds(10));
                Println("woke up");
            }, new RunOptions { MaxProcs = 1, Lockstep = true, Seed = seed });
            Assert.Equal(["woke up"], run.Output);
            return run.Events.Last(e => e.Kind == EventKind.GoStart && e.G == 1).TimeNs;
        }
        var t = Woke(3);
        Assert.InRange(t, 10_000_000, 25_000_000);
        Assert.Equal(t, Woke(3));
    }

    [Fact]
    public void Work_takes_virtual_time_so_two_Ps_finish_CPU_bound_work_in_half_the_time()
    {
        long End(int procs) => Run(async () =>
        {
            var wg = new WaitGroup();
            for (var i = 0; i < 8; i++)
            {
                wg.Add(1);
                Go(async () => { await Work(TimeSpan.FromMilliseconds(5)); wg.Done(); });
            }
            await wg.Wait();
        }, new RunOptions { MaxProcs = procs, Lockstep = true }).Events[^1].TimeNs;

        var one = End(1);
        var two = End(2);
        Assert.InRange(one, 40_000_000, 45_000_000);
        Assert.InRange((double)one / two, 1.8, 2.05);
    }

    [Fact]
    public void With_a_context_switch_cost_eight_goroutines_on_one_P_are_slower_than_one_doing_the_same_work()
    {
        var cost = new RunOptions { MaxProcs = 1, Lockstep = true, ContextSwitchCost = TimeSpan.FromMicroseconds(50) };
        long one = Run(async () =>
        {
            for (var k = 0; k < 80; k++) await Work(TimeSpan.FromMicroseconds(100));
        }, cost).Events[^1].TimeNs;
        long eight = Run(async () =>
        {
            var wg = new WaitGroup();
            for (var i = 0; i < 8; i++)
            {
                wg.Add(1);
                Go(async () =>
                {
                    for (var k = 0; k < 10; k++) { await Work(TimeSpan.FromMicroseconds(100)); await Gosched(); }
                    wg.Done();
                });
            }
            await wg.Wait();
        }, cost).Events[^1].TimeNs;

        Assert.True(eight > one + 80 * 50_000 / 2, $"one goroutine: {one} ns, eight: {eight} ns");
    }

    /// <summary>
    /// The task must still be pending when the goroutine awaits it: Task.Delay(1) once completed first
    /// under load (its M preempted for over 1 ms between making it and awaiting it), so the await went
    /// on synchronously, nothing foreign was awaited and the run completed. A delay that never ends is
    /// always a real foreign await, and makes no timer.
    /// </summary>
    [Fact]
    public void A_foreign_await_is_refused_in_Lockstep_with_a_message_that_says_what_to_do()
    {
        var run = Run(async () => await Task.Delay(Timeout.InfiniteTimeSpan), new RunOptions { MaxProcs = 1, Lockstep = true });

        Assert.Equal(Outcome.Panic, run.Outcome);
        Assert.Contains("Use Sleep(...) or Syscall(...) instead", run.Message);
        Assert.Equal(0, run.ThreadsLeft);
    }

    [Fact]
    public void The_time_limit_applies_to_virtual_time_too()
    {
        var run = Run(async () => await Sleep(TimeSpan.FromMinutes(1)),
            new RunOptions { MaxProcs = 1, Lockstep = true, Timeout = TimeSpan.FromSeconds(1) });

        Assert.Equal(Outcome.TimedOut, run.Outcome);
        Assert.Contains("virtual time", run.Message);
        Assert.True(run.Elapsed < TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void Syscalls_in_Lockstep_grow_the_thread_count_as_in_Parallel()
    {
        var run = Run(async () =>
        {
            var wg = new WaitGroup();
            for (var i = 0; i < 20; i++)
            {
                wg.Add(1);
                Go(async () => { await Syscall(TimeSpan.FromMilliseconds(50)); wg.Done(); });
            }
            await wg.Wait();
        }, new RunOptions { MaxProcs = 2, Lockstep = true });

        Assert.Equal(Outcome.Completed, run.Outcome);
        Assert.True(run.Stats.PeakThreads - 1 >= 20, $"peak Ms besides sysmon: {run.Stats.PeakThreads - 1}");
    }

    [Fact]
    public void Time_per_state_adds_up_what_each_goroutine_did_in_virtual_time()
    {
        var run = Run(async () =>
        {
            var done = new Chan<bool>();
            Go(async () =>
            {
                await Work(TimeSpan.FromMilliseconds(3));          // running
                await Syscall(TimeSpan.FromMilliseconds(2));       // in a syscall
                await done.Send(true);
            });
            await Sleep(TimeSpan.FromMilliseconds(1));             // main waits
            await done.Recv();
        }, new RunOptions { MaxProcs = 1, Lockstep = true });

        var t = run.Stats.TimeInState!;
        Assert.InRange(t.RunningNs, 3_000_000, 3_200_000);
        Assert.InRange(t.SyscallNs, 2_000_000, 2_100_000);
        Assert.InRange(t.WaitingNs, 4_000_000, 5_100_000);      // main: the sleep, then waiting for done
        Assert.Null(Run(() => { }, new RunOptions { MaxProcs = 1, RecordEvents = false }).Stats.TimeInState);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Sleepers_whose_timers_sit_on_a_P_only_a_spinning_M_checks_still_wake_on_the_virtual_clock(int seed)
    {
        // Found by GReuseTests: one M polled netpoll for a timer already due on another P, at one
        // virtual instant forever, while the spinning M that would run that timer waited 3 µs.
        var run = Run(async () =>
        {
            var wg = new WaitGroup();
            wg.Add(12);
            for (var i = 0; i < 12; i++)
                Go(async () =>
                {
                    await Sleep(TimeSpan.FromMilliseconds(1));
                    Go(() => { });
                    wg.Done();
                });
            await wg.Wait();
        }, new RunOptions { MaxProcs = 4, Lockstep = true, Seed = seed, Timeout = TimeSpan.FromSeconds(20) });

        Assert.True(run.Outcome == Outcome.Completed, run.Message);
    }

    // Found by lesson 09: a goroutine in the middle of Work on another thread when main returned could still
    // print once the conductor let every thread go, so the same seed printed 4 or 5 lines. In Go the process
    // has exited by then: the output ends with the run.
    [Fact]
    public void Nothing_is_printed_after_main_returns_so_a_seed_always_prints_the_same_lines()
    {
        static async Task Greet()
        {
            foreach (var name in new[] { "ana", "ben", "cy", "dee", "eve" })
                Go(async () => { await Work(TimeSpan.FromMicroseconds(20)); Println("hello", name); });
            await Sleep(TimeSpan.FromMicroseconds(60));
        }

        for (var seed = 1; seed <= 20; seed++)
        {
            var first = Run(Greet, new RunOptions { MaxProcs = 2, Lockstep = true, Seed = seed });
            for (var again = 0; again < 4; again++)
                Assert.Equal(first.Output, Run(Greet, new RunOptions { MaxProcs = 2, Lockstep = true, Seed = seed }).Output);
        }
    }
}
