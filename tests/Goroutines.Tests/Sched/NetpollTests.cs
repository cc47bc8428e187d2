using Goroutines;
using static Goroutines.Runtime;

namespace Goroutines.Tests.Sched;

/// <summary>
/// Goroutines awaiting a task from outside the run wait in netpoll as "IO wait". As in Go, they are
/// never a deadlock: they count as netpoll waiters until an M takes them out of netpoll, so the last
/// M to go idle blocks there instead of calling checkdead.
/// </summary>
public class NetpollTests
{
    /// <summary>The shape of issue 11: four goroutines await Task.Delay, print, and call Done; main waits.</summary>
    private static RunResult FourForeignAwaits(int maxProcs, int delayMs)
    {
        return Run(async () =>
        {
            var wg = new WaitGroup();
            for (var i = 0; i < 4; i++)
            {
                var n = i;
                wg.Add(1);
                Go(async () =>
                {
                    await Task.Delay(delayMs);
                    Println(n);
                    wg.Done();
                });
            }
            await wg.Wait();
        }, new RunOptions { MaxProcs = maxProcs, Timeout = TimeSpan.FromSeconds(20) });
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void Goroutines_whose_foreign_awaits_complete_together_are_never_a_deadlock(int maxProcs)
    {
        // Before the fix 2 to 17 runs in 100 ended as a false deadlock ("goroutine 6 []:"), depending on
        // MaxProcs; 200 runs of a few ms each catch it with near certainty.
        for (var i = 0; i < 200; i++)
        {
            var run = FourForeignAwaits(maxProcs, delayMs: 5);
            Assert.True(run.Outcome == Outcome.Completed, $"run {i} at MaxProcs {maxProcs}: {run.Outcome}\n{run.Message}");
            Assert.Equal(["0", "1", "2", "3"], run.Output.Order());
        }
    }

    [Fact]
    public void A_goroutine_whose_foreign_await_completed_but_has_not_run_yet_is_listed_as_IO_wait()
    {
        var foreign = new TaskCompletionSource();
        var run = Run(async () =>
        {
            Go(async () =>
            {
                await foreign.Task;     // waits in netpoll
                Println("never");
            });
            await Gosched();            // at one P the goroutine runs now and parks as IO wait
            foreign.SetResult();        // its continuation arrives in netpoll's ready list…
        }, new RunOptions { MaxProcs = 1, Lockstep = true, Seed = 1, AllowForeignAwaits = true, CheckInvariants = true });   // …and main returns before any M takes it

        Assert.True(run.Outcome == Outcome.Completed, run.Message);
        Assert.Empty(run.Output);
        Assert.Equal(["goroutine 6 [IO wait]:"], run.Leaked);
    }
}
