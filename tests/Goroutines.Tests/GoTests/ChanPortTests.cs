using Goroutines;
using static Goroutines.Runtime;

namespace Goroutines.Tests.GoTests;

/// <summary>Ports of Go's chan_test.go behaviours (GO-RUNTIME §B), one Go test each.</summary>
public class ChanPortTests
{
    [Fact]
    public void TestNonblockRecvRace_a_nonblocking_receive_succeeds_while_main_closes_and_receives()
    {
        var run = Run(async () =>
        {
            for (var i = 0; i < 300; i++)
            {
                var c = new Chan<int>(1);
                await c.Send(1);
                var failed = new Chan<bool>(1);
                Go(async () =>
                {
                    var k = await Select(c.OnRecv(), Default());
                    await failed.Send(k != 0);
                });
                c.Close();
                await c.Recv();
                if (await failed.Recv()) Println("non-blocking receive failed");
            }
        }, new RunOptions { MaxProcs = 2, RecordEvents = false });

        Assert.Equal(Outcome.Completed, run.Outcome);
        Assert.Empty(run.Output);
    }

    [Fact]
    public void TestNonblockSelectRace2_default_never_runs_while_a_case_is_ready_even_when_it_is_a_close()
    {
        var run = Run(async () =>
        {
            for (var i = 0; i < 1000; i++)
            {
                var c1 = new Chan<int>(1);
                var c2 = new Chan<int>();
                var done = new Chan<bool>(1);
                await c1.Send(1);
                Go(async () =>
                {
                    var k = await Select(c1.OnRecv(), c2.OnRecv(), Default());
                    await done.Send(k != 2);
                });
                c2.Close();
                await Select(c1.OnRecv(), Default());
                if (!await done.Recv()) Println("default ran");
            }
        }, new RunOptions { MaxProcs = 2, RecordEvents = false });

        Assert.Equal(Outcome.Completed, run.Outcome);
        Assert.Empty(run.Output);
    }

    [Fact]
    public void TestSelectStress_senders_receivers_and_selects_over_four_channels_all_finish()
    {
        const int n = 2000;
        var run = Run(async () =>
        {
            var c = new[] { new Chan<int>(), new Chan<int>(), new Chan<int>(2), new Chan<int>(3) };
            var wg = new WaitGroup();
            for (var k = 0; k < 4; k++)
            {
                var ch = c[k];
                wg.Add(2);
                Go(async () => { for (var i = 0; i < n; i++) await ch.Send(i); wg.Done(); });
                Go(async () => { for (var i = 0; i < n; i++) await ch.Recv(); wg.Done(); });
            }
            wg.Add(2);
            Go(async () =>
            {
                var cs = c.ToArray();
                var left = new int[4];
                Array.Fill(left, n);
                var active = 4;
                while (active > 0)
                {
                    var k = await Select(cs[0].OnSend(0), cs[1].OnSend(0), cs[2].OnSend(0), cs[3].OnSend(0));
                    if (--left[k] == 0) { cs[k] = null!; active--; }
                }
                wg.Done();
            });
            Go(async () =>
            {
                var cs = c.ToArray();
                var left = new int[4];
                Array.Fill(left, n);
                var active = 4;
                while (active > 0)
                {
                    var k = await Select(cs[0].OnRecv(), cs[1].OnRecv(), cs[2].OnRecv(), cs[3].OnRecv());
                    if (--left[k] == 0) { cs[k] = null!; active--; }
                }
                wg.Done();
            });
            await wg.Wait();
        }, new RunOptions { MaxProcs = 4, RecordEvents = false, Timeout = TimeSpan.FromSeconds(60) });

        Assert.Equal(Outcome.Completed, run.Outcome);
    }

    [Fact]
    public void TestMultiConsumer_23_workers_forward_every_item_and_the_count_and_sum_match()
    {
        const int items = 27_182;
        int[] pns = [2, 3, 7, 11, 13, 17, 19, 23, 27, 31];
        long count = 0, sum = 0, expectedSum = 0;
        var run = Run(async () =>
        {
            var q = new Chan<int>(69);
            var r = new Chan<int>(69);
            var wg = new WaitGroup();
            for (var w = 0; w < 23; w++)
            {
                var pn = pns[w % pns.Length];
                wg.Add(1);
                Go(async () =>
                {
                    while (true)
                    {
                        var (v, ok) = await q.RecvOk();
                        if (!ok) break;
                        if (v == pn) await Gosched();
                        await r.Send(v);
                    }
                    wg.Done();
                });
            }
            var consumerDone = new Chan<bool>();
            Go(async () =>
            {
                while (true)
                {
                    var (v, ok) = await r.RecvOk();
                    if (!ok) break;
                    count++;
                    sum += v;
                }
                consumerDone.Close();
            });
            for (var i = 0; i < items; i++)
            {
                var v = pns[i % pns.Length];
                expectedSum += v;
                await q.Send(v);
            }
            q.Close();
            await wg.Wait();
            r.Close();
            await consumerDone.Recv();
        }, new RunOptions { MaxProcs = 4, RecordEvents = false, Timeout = TimeSpan.FromSeconds(60) });

        Assert.Equal(Outcome.Completed, run.Outcome);
        Assert.Equal(items, count);
        Assert.Equal(expectedSum, sum);
    }
}
