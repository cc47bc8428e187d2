using Goroutines;
using static Goroutines.Runtime;

namespace Goroutines.Tests.Sched;

/// <summary>Scheduler behaviours: stealing, parallelism, netpoll, goroutine ids, events.</summary>
public class SchedulerTests
{
    [Fact]
    public void TestGoroutineParallelism_two_goroutines_spinning_on_each_other_both_run_at_once_on_two_Ps()
    {
        const int procs = 2;
        var x = 0;
        var run = Run(async () =>
        {
            var wg = new WaitGroup();
            for (var p = 0; p < procs; p++)
            {
                var me = p;
                wg.Add(1);
                Go(() =>
                {
                    // No safe point in here: this only finishes if both run on their own M at the same time.
                    for (var i = 0; i < 3; i++)
                    {
                        var expected = procs * i + me;
                        while (Volatile.Read(ref x) != expected) Thread.SpinWait(10);
                        Volatile.Write(ref x, expected + 1);
                    }
                    wg.Done();
                });
            }
            await wg.Wait();
        }, new RunOptions { MaxProcs = procs, Timeout = TimeSpan.FromSeconds(30) });

        Assert.Equal(Outcome.Completed, run.Outcome);
        Assert.Equal(procs * 3, x);
    }

    [Fact]
    public void An_idle_P_steals_half_of_a_busy_Ps_queue()
    {
        var run = Run(async () =>
        {
            var wg = new WaitGroup();
            for (var i = 0; i < 64; i++)
            {
                wg.Add(1);
                Go(async () =>
                {
                    await Work(TimeSpan.FromMicroseconds(200));
                    wg.Done();
                });
            }
            await wg.Wait();
        }, new RunOptions { MaxProcs = 2, Lockstep = true });   // in Parallel mode a slow thread start on a loaded machine can let P0 finish alone

        Assert.Equal(Outcome.Completed, run.Outcome);
        Assert.True(run.Stats.Steals >= 1, "no steal happened");
        var starts = run.Events.Where(e => e.Kind == EventKind.GoStart).Select(e => e.P).Distinct().ToList();
        Assert.Equal(2, starts.Count);
        var steal = run.Events.First(e => e.Kind == EventKind.RunqSteal);
        Assert.Matches(@"stole", steal.Reason);
    }

    [Fact]
    public void Gosched_goes_to_the_global_queue_so_goroutines_in_the_local_queue_run_first()
    {
        var run = Run(async () =>
        {
            for (var i = 1; i <= 3; i++)
            {
                var n = i;
                Go(() => Println("G", n));
            }
            await Gosched();
            Println("main");
        }, new RunOptions { MaxProcs = 1 });

        Assert.Equal(["G 3", "G 1", "G 2", "main"], run.Output);
        Assert.Contains(run.Events, e => e.Kind == EventKind.GoStop && e.Detail == "runtime.Gosched");
    }

    [Fact]
    public void Sleepers_wake_in_the_order_of_their_deadlines()
    {
        var run = Run(async () =>
        {
            var wg = new WaitGroup();
            foreach (var ms in new[] { 30, 10, 20 })
            {
                wg.Add(1);
                Go(async () =>
                {
                    await Sleep(TimeSpan.FromMilliseconds(ms));
                    Println(ms);
                    wg.Done();
                });
            }
            await wg.Wait();
        }, new RunOptions { MaxProcs = 1, Lockstep = true });   // on a loaded machine two timers can come due in one check, and Go then runs the last readied first

        Assert.Equal(["10", "20", "30"], run.Output);
    }

    [Fact]
    public void A_goroutine_awaiting_a_foreign_task_waits_as_IO_wait_holds_no_M_and_is_not_a_deadlock()
    {
        var run = Run(async () =>
        {
            var ch = new Chan<string>();
            Go(async () =>
            {
                await Task.Delay(30);          // not ours: it waits in netpoll
                await ch.Send("after the delay");
            });
            Println(await ch.Recv());
        }, new RunOptions { MaxProcs = 1 });

        Assert.Equal(Outcome.Completed, run.Outcome);
        Assert.Equal(["after the delay"], run.Output);
        Assert.Contains(run.Events, e => e.Kind == EventKind.GoBlock && e.Detail == "network");
        Assert.Contains(run.Events, e => e.Kind == EventKind.GoUnblock && e.Detail == "network");
    }

    [Fact]
    public void Awaiting_an_inner_async_method_resumes_on_the_same_goroutine_without_a_trip_through_the_scheduler()
    {
        var run = Run(async () =>
        {
            var ch = new Chan<int>(1);
            async Task<int> Inner()
            {
                await ch.Send(1);
                return await ch.Recv() + 1;
            }
            Println(await Inner());
        }, new RunOptions { MaxProcs = 1 });

        Assert.Equal(["2"], run.Output);
        Assert.DoesNotContain(run.Events, e => e.Kind == EventKind.GoBlock);
    }

    [Fact]
    public void TestNumGoroutine_main_alone_is_one_and_blocked_goroutines_count()
    {
        var run = Run(async () =>
        {
            Println(NumGoroutine());
            var ch = new Chan<int>();
            for (var i = 0; i < 3; i++) Go(async () => await ch.Recv());
            await Gosched();
            Println(NumGoroutine());
            ch.Close();
            await Gosched();
            Println(NumGoroutine());
        }, new RunOptions { MaxProcs = 1 });

        Assert.Equal(["1", "4", "1"], run.Output);
    }

    [Fact]
    public void Goroutine_ids_come_from_a_Ps_batch_of_16_so_they_are_unique_but_not_ordered_across_Ps()
    {
        var ids = new System.Collections.Concurrent.ConcurrentBag<long>();
        var run = Run(async () =>
        {
            var wg = new WaitGroup();
            for (var i = 0; i < 200; i++)
            {
                wg.Add(1);
                Go(async () =>
                {
                    await Work(TimeSpan.FromMicroseconds(20));
                    for (var j = 0; j < 2; j++)
                    {
                        wg.Add(1);
                        Go(() => wg.Done());
                    }
                    wg.Done();
                });
            }
            await wg.Wait();
        }, new RunOptions { MaxProcs = 2 });

        var created = run.Events.Where(e => e.Kind == EventKind.GoCreate).Select(e => e.G).ToList();
        Assert.Equal(created.Count, created.Distinct().Count());
        Assert.Equal(601, created.Count);   // main and 600 goroutines
        Assert.Equal(1L, created[0]);
        Assert.Contains(1L, run.Events.Where(e => e.Kind == EventKind.GoStart).Select(e => e.G));
    }

    [Fact]
    public void Dead_goroutines_are_reused_from_the_free_list()
    {
        var run = Run(async () =>
        {
            for (var i = 0; i < 1000; i++)
            {
                var wg = new WaitGroup();
                wg.Add(1);
                Go(() => wg.Done());
                await wg.Wait();
            }
        }, new RunOptions { MaxProcs = 1, RecordEvents = false });

        Assert.Equal(1001, run.Stats.GoroutinesCreated);
        Assert.True(run.Stats.GStructs < 10, $"{run.Stats.GStructs} G structs for 1001 goroutines");
    }

    [Fact]
    public void Every_event_has_a_reason_and_the_runnext_rule_names_the_goroutine_it_replaced()
    {
        var run = Run(async () =>
        {
            Go(() => { });
            Go(() => { });
            await Gosched();
        }, new RunOptions { MaxProcs = 1 });

        Assert.All(run.Events, e => Assert.False(string.IsNullOrWhiteSpace(e.Reason), e.Kind.ToString()));
        var second = run.Events.Where(e => e.Kind == EventKind.GoCreate).ElementAt(1);
        Assert.Matches(@"^runnext: G\d+ was created by G1 and replaced G\d+, which moved to the tail of P0's queue$", second.Reason);
        Assert.Equal(EventKind.RunEnd, run.Events[^1].Kind);
    }

    [Fact]
    public void Bad_options_and_calls_outside_a_run_say_what_to_do()
    {
        var e1 = Assert.Throws<BadArgumentException>(() => Run(() => { }, new RunOptions { MaxProcs = 0 }));
        Assert.Contains("at least 1", e1.Message);
        var e2 = Assert.Throws<MisuseException>(() => Go(() => { }));
        Assert.Contains("inside the function you pass to Runtime.Run", e2.Message);
        var e3 = Assert.Throws<BadArgumentException>(() => Sleep(TimeSpan.FromSeconds(-1)));
        Assert.Contains("zero or more", e3.Message);
    }

    [Fact]
    public void Awaiting_the_same_operation_twice_is_refused_with_a_message()
    {
        var run = Run(async () =>
        {
            var ch = new Chan<int>(2);
            await ch.Send(1);
            var op = ch.Recv();
            await op;
            await op;
        }, new RunOptions { MaxProcs = 1 });

        Assert.Equal(Outcome.Panic, run.Outcome);
        Assert.Contains("awaited twice", run.Message);
    }
}
