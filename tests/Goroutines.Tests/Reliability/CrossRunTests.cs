using System.Diagnostics;
using Goroutines;
using static Goroutines.Runtime;

namespace Goroutines.Tests.Reliability;

/// <summary>
/// In a notebook, variables outlive a run: a channel, WaitGroup or stepped run made in one cell is
/// still there in the next. What one run left behind must not leak into, or hold up, the next.
/// </summary>
public class CrossRunTests
{

    [Fact]
    public void A_goroutine_an_ended_run_left_waiting_on_a_shared_channel_does_not_run_in_the_next_run()
    {
        var ch = new Chan<int>();
        var first = Run(async () =>
        {
            Go(async () => { var v = await ch.Recv(); Println("leaked goroutine got", v); });
            await Sleep(TimeSpan.FromMilliseconds(1));   // the goroutine parks on ch; main returns and abandons it
        }, new RunOptions { MaxProcs = 1, Lockstep = true });
        Assert.Equal(["goroutine 6 [chan receive]:"], first.Leaked);

        var second = Run(async () =>
        {
            Go(async () => Println("received", await ch.Recv()));
            await ch.Send(5);
            await Sleep(TimeSpan.FromMilliseconds(1));
        }, new RunOptions { MaxProcs = 1, Lockstep = true, Timeout = TimeSpan.FromSeconds(10) });

        // The first run's goroutine is gone with its run (Go abandons it); only this run's receiver can take the value.
        Assert.DoesNotContain(second.Output, l => l.StartsWith("leaked goroutine"));
        Assert.Equal(["received 5"], second.Output);
    }

    [Fact]
    public void A_channel_used_by_an_ended_run_without_waiters_works_in_the_next_run()
    {
        var ch = new Chan<int>(3);
        var first = Run(async () => { await ch.Send(1); await ch.Send(2); }, new RunOptions { MaxProcs = 1 });
        var second = Run(async () =>
        {
            Println(await ch.Recv(), await ch.Recv(), ch.Len);
            ch.Close();
        }, new RunOptions { MaxProcs = 2 });
        var third = Run(async () => Println(await ch.RecvOk()), new RunOptions { MaxProcs = 1 });

        Assert.Equal(Outcome.Completed, first.Outcome);
        Assert.Equal(["1 2 0"], second.Output);
        Assert.Equal(["(0, False)"], third.Output);
    }

    [Fact]
    public void A_stepped_run_that_is_never_disposed_does_not_keep_its_threads()
    {
        static void Abandon()
        {
            var run = Start(async () => { while (true) await Gosched(); },
                new RunOptions { MaxProcs = 2, Timeout = TimeSpan.FromMilliseconds(300) });
            run.Step(5);
        }
        Thread.Sleep(300);
        var before = Process.GetCurrentProcess().Threads.Count;
        for (var i = 0; i < 10; i++) Abandon();
        GC.Collect();
        GC.WaitForPendingFinalizers();

        Assert.True(FaultTests.WaitFor(() => Process.GetCurrentProcess().Threads.Count <= before + 4, TimeSpan.FromSeconds(10)),
            $"threads: {before} before, {Process.GetCurrentProcess().Threads.Count} after abandoning 10 stepped runs");
    }
}
