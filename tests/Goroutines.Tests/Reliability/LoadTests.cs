using Goroutines;
using static Goroutines.Runtime;

namespace Goroutines.Tests.Reliability;

/// <summary>
/// Issue 7, load: a million goroutines in one run, a hundred thousand parked at once, and Go's
/// TestSelectFairness with the selecting goroutine on its own P.
/// </summary>
public class LoadTests
{
    [Theory]
    [InlineData(1, false)]
    [InlineData(2, false)]
    public void A_million_goroutines_in_one_run_all_run_exactly_once(int procs, bool lockstep)
    {
        const int n = 1_000_000;
        long sum = 0;
        var run = Run(async () =>
        {
            var wg = new WaitGroup();
            wg.Add(n);
            for (var i = 0; i < n; i++)
            {
                var v = i;
                Go(() => { Interlocked.Add(ref sum, v); wg.Done(); });
            }
            await wg.Wait();
        }, new RunOptions { MaxProcs = procs, Lockstep = lockstep, RecordEvents = false, Timeout = TimeSpan.FromSeconds(120) });

        Assert.True(run.Outcome == Outcome.Completed, run.ToString());
        Assert.Equal((long)n * (n - 1) / 2, sum);
        Assert.Equal(n + 1, run.Stats.GoroutinesCreated);
        Assert.Equal(0, run.ThreadsLeft);
    }

    [Theory]
    [InlineData(2, false)]
    [InlineData(2, true)]
    public void A_hundred_thousand_goroutines_parked_at_once_are_all_released_and_counted(int procs, bool lockstep)
    {
        const int n = 100_000;
        var run = Run(async () =>
        {
            var gate = new Chan<int>();
            var done = new Chan<int>(n);
            for (var i = 0; i < n; i++)
            {
                Go(async () =>
                {
                    var (_, ok) = await gate.RecvOk();
                    await done.Send(ok ? 1 : 2);
                });
            }
            while (NumGoroutine() < n + 1) await Gosched();
            // Let them all reach the receive: each parked G shows in the count only once it waits.
            await Sleep(TimeSpan.FromMilliseconds(50));
            Println("alive", NumGoroutine());
            gate.Close();   // wakes all 100,000 at once
            var closedSeen = 0;
            for (var i = 0; i < n; i++)
                if (await done.Recv() == 2) closedSeen++;
            Println("released", closedSeen);
        }, new RunOptions { MaxProcs = procs, Lockstep = lockstep, RecordEvents = false, Timeout = TimeSpan.FromSeconds(120) });

        Assert.True(run.Outcome == Outcome.Completed, run.ToString());
        Assert.Equal([$"alive {n + 1}", $"released {n}"], run.Output);
        Assert.Equal(0, run.ThreadsLeft);
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, false)]
    [InlineData(4, false)]
    [InlineData(2, true)]
    public void TestSelectFairness_as_Go_writes_it_with_the_selecting_goroutine_apart_from_main(int procs, bool lockstep)
    {
        const int trials = 10000;
        var run = Run(async () =>
        {
            var c1 = new Chan<byte>(trials + 1);
            var c2 = new Chan<byte>(trials + 1);
            for (var i = 0; i < trials + 1; i++)
            {
                await c1.Send((byte)1);
                await c2.Send((byte)2);
            }
            var c3 = new Chan<byte>();
            var c4 = new Chan<byte>();
            var output = new Chan<byte>();
            var done = new Chan<byte>();
            var wg = new WaitGroup();
            wg.Add(1);
            Go(async () =>
            {
                while (true)
                {
                    byte b = 0;
                    await Select(c3.OnRecv(v => b = v), c4.OnRecv(v => b = v), c1.OnRecv(v => b = v), c2.OnRecv(v => b = v));
                    var stop = false;
                    await Select(output.OnSend(b), done.OnRecv(_ => stop = true));
                    if (stop) break;
                }
                wg.Done();
            });
            int cnt1 = 0, cnt2 = 0, other = 0;
            for (var i = 0; i < trials; i++)
            {
                switch (await output.Recv())
                {
                    case 1: cnt1++; break;
                    case 2: cnt2++; break;
                    default: other++; break;
                }
            }
            done.Close();
            await wg.Wait();
            Println(cnt1, cnt2, other);
        }, new RunOptions { MaxProcs = procs, Lockstep = lockstep, RecordEvents = false, Timeout = TimeSpan.FromSeconds(60) });

        Assert.True(run.Outcome == Outcome.Completed, run.ToString());
        var counts = run.Output.Single().Split(' ').Select(int.Parse).ToArray();
        Assert.Equal(0, counts[2]);
        Assert.Equal(trials, counts[0] + counts[1]);
        // Go: more than 10 sigma away from the mean is unfair (mean 5000, sigma 50).
        const double mean = trials * 0.5, stddev = 50;
        Assert.True(Math.Abs(counts[0] - mean) <= 10 * stddev, $"unfair select: in {trials} trials, results were {counts[0]}, {counts[1]}");
        Assert.Equal(0, run.ThreadsLeft);
    }
}
