using Goroutines;
using static Goroutines.Runtime;

namespace Goroutines.Tests.Sched;

/// <summary>
/// A stop-the-world (GOMAXPROCS(n)) that cannot finish by the run's Timeout is reported as such:
/// which P it waits for and what that P's M is doing. The advice fits what holds it up: a goroutine
/// that reaches no safe point, a goroutine blocked outside Syscall(...), or — when nothing holds the P
/// — a bug in the scheduler model.
/// </summary>
public class StopTheWorldReportTests
{
    private sealed class Spinner : IDisposable
    {
        private volatile bool spin = true;
        public volatile bool Started;

        public void Loop()
        {
            Started = true;
            while (spin) { }
        }

        public void Dispose() => spin = false;
    }

    [Fact]
    public void A_loop_without_a_safe_point_holds_up_GOMAXPROCS_and_the_report_names_it_and_keeps_the_safe_point_advice()
    {
        using var spinner = new Spinner();
        var run = Run(async () =>
        {
            Go(spinner.Loop);
            while (!spinner.Started) await Sleep(TimeSpan.FromMilliseconds(1));
            GOMAXPROCS(1);
        }, new RunOptions { MaxProcs = 2, Timeout = TimeSpan.FromMilliseconds(500) });

        Assert.Equal(Outcome.TimedOut, run.Outcome);
        Assert.Matches(@"The world is stopping and cannot finish: G1 on M\d+ stops it for GOMAXPROCS\(1\) and still waits for P\d\.", run.Message);
        Assert.Matches(@"  P\d: held by M\d+, running G6, which was asked to stop and has not reached a safe point", run.Message);
        Assert.Contains("A goroutine that never reaches a safe point (a loop that calls no library function) cannot be stopped", run.Message);
        Assert.DoesNotContain("bug in the scheduler model", run.Message);
    }

    [Fact]
    public void A_goroutine_blocked_outside_Syscall_holds_up_GOMAXPROCS_and_the_advice_is_to_use_Syscall()
    {
        using var release = new ManualResetEvent(false);
        var blocked = new ManualResetEventSlim();
        var run = Run(async () =>
        {
            Go(() =>
            {
                blocked.Set();
                release.WaitOne();
            });
            while (!blocked.IsSet) await Sleep(TimeSpan.FromMilliseconds(1));
            await Sleep(TimeSpan.FromMilliseconds(20));   // until its thread is in the wait
            GOMAXPROCS(1);
        }, new RunOptions { MaxProcs = 2, Timeout = TimeSpan.FromMilliseconds(500) });
        release.Set();

        Assert.Equal(Outcome.TimedOut, run.Outcome);
        Assert.Contains("stops it for GOMAXPROCS(1)", run.Message);
        Assert.Contains("whose goroutine G6 is blocked in a wait the scheduler does not know about (made without Syscall(...))", run.Message);
        Assert.Contains("Make blocking calls through `await Syscall(() => ...)`", run.Message);
        Assert.DoesNotContain("never reaches a safe point", run.Message);
    }

    [Fact]
    public void A_P_that_nothing_holds_is_reported_as_a_scheduler_bug_not_as_a_missing_safe_point()
    {
        var run = Run(() =>
        {
            // Lose P1 the way the bug of issue 19 did: off the idle list, held by no M.
            var sched = Goroutines.Sched.CurrentM!.sched;
            P? lost;
            using (sched.lk.Hold()) lost = sched.PidleGet();
            Assert.NotNull(lost);
            GOMAXPROCS(1);
        }, new RunOptions { MaxProcs = 2, Timeout = TimeSpan.FromMilliseconds(500) });

        Assert.Equal(Outcome.TimedOut, run.Outcome);
        Assert.Contains("The world is stopping and cannot finish: G1 on M0 stops it for GOMAXPROCS(1) and still waits for P1.", run.Message);
        Assert.Contains("  P1: Idle, held by no M and not on the idle list, so nothing will stop it", run.Message);
        Assert.Contains("it is a bug in the scheduler model, not in your code", run.Message);
        Assert.DoesNotContain("safe point", run.Message);
        Assert.Equal(0, run.ThreadsLeft);
    }

    [Fact]
    public void A_time_out_with_every_goroutine_waiting_does_not_blame_a_missing_safe_point()
    {
        var run = Run(async () => await Syscall(TimeSpan.FromSeconds(5)),
            new RunOptions { MaxProcs = 1, Timeout = TimeSpan.FromMilliseconds(300) });

        Assert.Equal(Outcome.TimedOut, run.Outcome);
        Assert.Contains("No goroutine was running when the time limit passed, so no loop without a safe point held the run up", run.Message);
        Assert.DoesNotContain("A goroutine that never reaches a safe point", run.Message);
    }
}
