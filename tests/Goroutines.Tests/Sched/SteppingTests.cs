using Goroutines;
using static Goroutines.Runtime;

namespace Goroutines.Tests.Sched;

/// <summary>Runtime.Start: a Lockstep run that moves one step at a time and can be looked at between steps.</summary>
public class SteppingTests
{
    private static async Task RunnextQuiz()
    {
        var wg = new WaitGroup();
        for (var i = 0; i < 10; i++)
        {
            var n = i;
            wg.Add(1);
            Go(() => { Println(n); wg.Done(); });
        }
        await wg.Wait();
    }

    [Fact]
    public void A_paused_run_shows_runnext_holding_the_newest_goroutine_and_the_older_ones_queued_in_order()
    {
        using var run = Start(async () => await RunnextQuiz(), new RunOptions { MaxProcs = 1, Seed = 7 });

        run.StepUntil(e => e.Kind == EventKind.GoCreate && e.G == 15);
        var snap = run.Snapshot;
        var p0 = snap.Ps.Single();
        Assert.Equal(15L, p0.Runnext);
        Assert.Equal([5L, 6, 7, 8, 9, 10, 11, 12, 13, 14], p0.Queue);
        Assert.Equal(GStatus.Running, snap.G(1)!.Status);
        Assert.Equal(1L, p0.Running);
        Assert.Matches("^runnext: G15 was created by G1 and replaced G14", run.Reason);
        Assert.Empty(run.Output);
    }

    [Fact]
    public void Each_step_returns_at_least_one_new_event_and_RunToEnd_finishes_with_Gos_output()
    {
        using var run = Start(async () => await RunnextQuiz(), new RunOptions { MaxProcs = 1 });
        var seen = run.Events.Count;
        for (var i = 0; i < 5; i++)
        {
            var step = run.Step();
            Assert.NotEmpty(step);
            seen += step.Count;
            Assert.Equal(seen, run.Events.Count);
        }
        var result = run.RunToEnd();
        Assert.Equal(Outcome.Completed, result.Outcome);
        Assert.Equal("9 0 1 2 3 4 5 6 7 8", result.OutputLine);
        Assert.True(run.Ended);
    }

    [Fact]
    public void Stepping_does_not_change_the_schedule_a_stepped_run_has_the_same_trace_as_a_Lockstep_run()
    {
        static async Task Program()
        {
            var ch = new Chan<int>();
            for (var i = 0; i < 4; i++)
            {
                var n = i;
                Go(async () => { await Work(TimeSpan.FromMicroseconds(40 * n)); await ch.Send(n); });
            }
            for (var i = 0; i < 4; i++) Println(await ch.Recv());
        }
        var options = new RunOptions { MaxProcs = 2, Lockstep = true, Seed = 11 };
        var plain = Run(Program, options);
        RunResult stepped;
        using (var run = Start(Program, options))
        {
            while (!run.Ended) run.Step(3);
            stepped = run.Result!;
        }
        Assert.Equal(plain.Events.Select(e => e.ToString()), stepped.Events.Select(e => e.ToString()));
        Assert.Equal(plain.Output, stepped.Output);
    }

    [Fact]
    public void Disposing_a_run_midway_stops_it_and_joins_every_thread()
    {
        RunResult result;
        using (var run = Start(async () =>
               {
                   while (true) await Work(TimeSpan.FromMilliseconds(1));
               }, new RunOptions { MaxProcs = 2 }))
        {
            run.Step(20);
            Assert.False(run.Ended);
            run.Dispose();
            result = run.Result!;
        }
        Assert.Equal(Outcome.TimedOut, result.Outcome);
        Assert.Contains("disposed", result.Message);
        Assert.Equal(0, result.ThreadsLeft);
    }
}
