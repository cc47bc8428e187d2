using Goroutines;
using static Goroutines.Runtime;

namespace Goroutines.Tests.Chans;

/// <summary>select, ported from Go's chan_test.go where named.</summary>
public class SelectTests
{
    private static readonly RunOptions OneP = new() { MaxProcs = 1 };

    [Fact]
    public void Default_runs_when_no_case_is_ready()
    {
        var run = Run(async () =>
        {
            var ch = new Chan<int>();
            var i = await Select(ch.OnRecv(v => Println("got", v)), Default(() => Println("nothing ready")));
            Println(i);
        }, OneP);

        Assert.Equal(["nothing ready", "1"], run.Output);
    }

    [Fact]
    public void TestSelectFairness_ready_cases_are_chosen_uniformly()
    {
        const int trials = 10000;
        var run = Run(async () =>
        {
            var c1 = new Chan<int>(trials + 1);
            var c2 = new Chan<int>(trials + 1);
            for (var i = 0; i < trials + 1; i++)
            {
                await c1.Send(1);
                await c2.Send(2);
            }
            Chan<int>? c3 = null, c4 = null;
            var ones = 0;
            for (var i = 0; i < trials; i++)
                await Select(c3.OnRecv(), c4.OnRecv(), c1.OnRecv(_ => ones++), c2.OnRecv());
            Println(ones);
        }, new RunOptions { MaxProcs = 1, RecordEvents = false });

        var count = int.Parse(run.Output.Single());
        Assert.InRange(count, trials / 2 - 500, trials / 2 + 500);   // within 10 sigma, as Go's test
    }

    [Fact]
    public void An_empty_select_blocks_forever_with_Gos_wait_reason()
    {
        var run = Run(async () => await Select(), OneP);

        Assert.Equal(Outcome.Deadlock, run.Outcome);
        Assert.Contains("goroutine 1 [select (no cases)]:", run.Message);
    }

    [Fact]
    public void A_select_that_waits_is_woken_by_the_first_channel_that_becomes_ready()
    {
        var run = Run(async () =>
        {
            var a = new Chan<string>();
            var b = new Chan<string>();
            Go(async () => await b.Send("from b"));
            await Select(a.OnRecv(v => Println("a:", v)), b.OnRecv(v => Println("b:", v)));
            Go(async () => await a.Send("from a"));
            await Select(a.OnRecv(v => Println("a:", v)), b.OnRecv(v => Println("b:", v)));
        }, OneP);

        Assert.Equal(["b: from b", "a: from a"], run.Output);
    }

    [Fact]
    public void TestSelectDuplicateChannel_a_woken_select_leaves_every_queue_it_waited_in()
    {
        var run = Run(async () =>
        {
            var c = new Chan<int>();
            var d = new Chan<int>();
            var e = new Chan<int>();
            Go(async () =>
            {
                await Select(c.OnRecv(), c.OnRecv(), d.OnRecv());
                await e.Send(9);
            });
            await Sleep(TimeSpan.FromMilliseconds(1));
            Go(async () => Println("B got", await c.Recv()));
            await Sleep(TimeSpan.FromMilliseconds(1));
            await d.Send(7);      // wakes A, which must leave both of its places in c's queue
            await e.Recv();
            await c.Send(8);      // so this must wake B, not the stale A
            await Sleep(TimeSpan.FromMilliseconds(1));
        }, new RunOptions { MaxProcs = 2 });

        Assert.Equal(Outcome.Completed, run.Outcome);
        Assert.Equal(["B got 8"], run.Output);
    }

    [Fact]
    public void TestSelfSelect_a_goroutine_never_receives_its_own_value_on_an_unbuffered_channel()
    {
        var run = Run(async () =>
        {
            var c = new Chan<int>();
            var wg = new WaitGroup();
            for (var p = 0; p < 2; p++)
            {
                var me = p;
                wg.Add(1);
                Go(async () =>
                {
                    for (var i = 0; i < 1000; i++)
                    {
                        if (me == 0 || i % 2 == 0)
                            await Select(c.OnSend(me), c.OnRecv(v => { if (v == me) Println("received own value"); }));
                        else
                            await Select(c.OnRecv(v => { if (v == me) Println("received own value"); }), c.OnSend(me));
                    }
                    wg.Done();
                });
            }
            await wg.Wait();
        }, new RunOptions { MaxProcs = 2, RecordEvents = false });

        Assert.Equal(Outcome.Completed, run.Outcome);
        Assert.Empty(run.Output);
    }

    [Fact]
    public void TestNonblockSelectRace_default_never_runs_while_a_case_is_ready()
    {
        var run = Run(async () =>
        {
            for (var i = 0; i < 1000; i++)
            {
                var c1 = new Chan<int>(1);
                var c2 = new Chan<int>(1);
                var done = new Chan<bool>(1);
                await c1.Send(1);
                Go(async () =>
                {
                    var i2 = await Select(c1.OnRecv(), c2.OnRecv(), Default());
                    await done.Send(i2 != 2);
                });
                await c2.Send(1);
                await Select(c1.OnRecv(), Default());
                if (!await done.Recv()) Println("default ran");
            }
        }, new RunOptions { MaxProcs = 2, RecordEvents = false });

        Assert.Equal(Outcome.Completed, run.Outcome);
        Assert.Empty(run.Output);
    }

    [Fact]
    public void TestPseudoRandomSend_both_send_cases_are_taken()
    {
        var run = Run(async () =>
        {
            var c = new Chan<int>();
            var got = new List<int>();
            var done = new Chan<bool>();
            Go(async () =>
            {
                for (var i = 0; i < 100; i++)
                {
                    await Gosched();
                    got.Add(await c.Recv());
                }
                await done.Send(true);
            });
            for (var i = 0; i < 100; i++) await Select(c.OnSend(1), c.OnSend(0));
            await done.Recv();
            Println(got.Count(v => v == 0), got.Count(v => v == 1));
        }, new RunOptions { MaxProcs = 1 });

        var parts = run.Output.Single().Split(' ').Select(int.Parse).ToArray();
        Assert.True(parts[0] > 10 && parts[1] > 10, run.Output.Single());
    }

    [Fact]
    public void After_delivers_on_its_channel_once_the_time_has_passed()
    {
        var run = Run(async () =>
        {
            var never = new Chan<int>();
            var i = await Select(never.OnRecv(), After(TimeSpan.FromMilliseconds(5)).OnRecv(_ => Println("timeout")));
            Println(i);
        }, OneP);

        Assert.Equal(["timeout", "1"], run.Output);
        Assert.True(run.Elapsed >= TimeSpan.FromMilliseconds(4));
    }

    [Fact]
    public void TestTimerFairness_a_timer_case_eventually_wins_against_always_ready_channels()
    {
        var run = Run(async () =>
        {
            var c = new Chan<bool>();
            var done = new Chan<bool>();
            for (var i = 0; i < 2; i++)
                Go(async () =>
                {
                    while (true)
                    {
                        var k = await Select(c.OnSend(true), done.OnRecv());
                        if (k == 1) return;
                    }
                });
            var timer = After(TimeSpan.FromMilliseconds(20));
            while (true)
            {
                var k = await Select(c.OnRecv(), timer.OnRecv());
                if (k == 1)
                {
                    done.Close();
                    return;
                }
            }
        }, new RunOptions { MaxProcs = 2, RecordEvents = false, Timeout = TimeSpan.FromSeconds(20) });

        Assert.Equal(Outcome.Completed, run.Outcome);
    }

    [Fact]
    public void A_select_over_channels_of_different_element_types_locks_each_of_them()
    {
        // Channel ids once restarted for each element type: a Chan<int> and a Chan<string> made first
        // shared id 1, so select locked only one of them and raced on the other (a crash at 4 Ps).
        const int n = 20_000;
        var ints = 0;
        var strings = 0;
        var run = Run(async () =>
        {
            var a = new Chan<int>();
            var b = new Chan<string>();
            Go(async () => { for (var i = 0; i < n; i++) await a.Send(i); });
            Go(async () => { for (var i = 0; i < n; i++) await b.Send("s"); });
            for (var i = 0; i < 2 * n; i++)
                await Select(a.OnRecv(_ => ints++), b.OnRecv(_ => strings++));
        }, new RunOptions { MaxProcs = 4, Timeout = TimeSpan.FromSeconds(60) });

        Assert.True(run.Outcome == Outcome.Completed, run.Message);
        Assert.Equal((n, n), (ints, strings));
    }
}
