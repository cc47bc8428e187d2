using Goroutines;
using static Goroutines.Runtime;

namespace Goroutines.Tests.Stress;

/// <summary>Many goroutines on real threads: nothing lost, nothing duplicated, nothing left running.</summary>
public class ChannelStressTests
{
    [Theory]
    [InlineData(1, 0)]
    [InlineData(2, 0)]
    [InlineData(4, 0)]
    [InlineData(8, 0)]
    [InlineData(1, 16)]
    [InlineData(2, 16)]
    [InlineData(4, 16)]
    [InlineData(8, 16)]
    public void Eight_producers_and_eight_consumers_pass_100000_values_each_received_exactly_once(int procs, int cap)
    {
        const int total = 100_000;
        var seen = new int[total];
        var run = Run(async () =>
        {
            var ch = new Chan<int>(cap);
            var wg = new WaitGroup();
            for (var p = 0; p < 8; p++)
            {
                var first = p;
                Go(async () =>
                {
                    for (var v = first; v < total; v += 8) await ch.Send(v);
                });
            }
            for (var c = 0; c < 8; c++)
            {
                wg.Add(1);
                Go(async () =>
                {
                    for (var i = 0; i < total / 8; i++) Interlocked.Increment(ref seen[await ch.Recv()]);
                    wg.Done();
                });
            }
            await wg.Wait();
        }, new RunOptions { MaxProcs = procs, RecordEvents = false, Timeout = TimeSpan.FromSeconds(60) });

        Assert.Equal(Outcome.Completed, run.Outcome);
        Assert.All(seen, n => Assert.Equal(1, n));
        Assert.Equal(0, run.ThreadsLeft);
    }
}
