using Goroutines;
using static Goroutines.Runtime;

namespace Goroutines.Tests.Reliability;

/// <summary>
/// C# ways of awaiting that students use inside goroutines — helper async methods, async iterators —
/// must behave like straight-line code on both clocks.
/// </summary>
public class AwaitPatternTests
{
    private static async IAsyncEnumerable<int> Items(Chan<int> ch)
    {
        while (true)
        {
            var (v, ok) = await ch.RecvOk();
            if (!ok) yield break;
            yield return v;
        }
    }

    private static async Task<int> SumOf(Chan<int> ch, int n)
    {
        var sum = 0;
        for (var i = 0; i < n; i++) sum += await ch.Recv();
        return sum;
    }

    private static async Task<int> Producer(Chan<int> ch, int n)
    {
        for (var i = 1; i <= n; i++) await ch.Send(i);
        return n;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Nested_async_helper_methods_resume_on_the_goroutine_without_leaving_the_run(bool lockstep)
    {
        var run = Run(async () =>
        {
            var ch = new Chan<int>();
            Go(async () => await Producer(ch, 100));
            Println(await SumOf(ch, 100));
        }, new RunOptions { MaxProcs = 2, Lockstep = lockstep });

        Assert.True(run.Outcome == Outcome.Completed, run.ToString());
        Assert.Equal(["5050"], run.Output);
        Assert.DoesNotContain(run.Events, e => e.Detail == "network");   // no trip through netpoll
    }

    [Fact]
    public void Await_foreach_over_a_channel_works_in_Parallel_mode()
    {
        var run = Run(async () =>
        {
            var ch = new Chan<int>(2);
            Go(async () => { for (var i = 1; i <= 3; i++) await ch.Send(i); ch.Close(); });
            await foreach (var v in Items(ch)) Println(v);
        }, new RunOptions { MaxProcs = 1 });

        Assert.True(run.Outcome == Outcome.Completed, run.ToString());
        Assert.Equal(["1", "2", "3"], run.Output);
    }

    [Fact]
    public void Await_foreach_over_a_channel_works_in_Lockstep_and_never_goes_through_netpoll()
    {
        var run = Run(async () =>
        {
            var ch = new Chan<int>(1);
            Go(async () => { await ch.Send(1); ch.Close(); });
            await foreach (var v in Items(ch)) Println(v);
        }, new RunOptions { MaxProcs = 1, Lockstep = true });

        Assert.True(run.Outcome == Outcome.Completed, run.ToString());
        Assert.Equal(["1"], run.Output);
        Assert.DoesNotContain(run.Events, e => e.Detail == "network");
    }
}
