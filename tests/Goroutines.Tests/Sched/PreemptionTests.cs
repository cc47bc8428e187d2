using Goroutines;
using static Goroutines.Runtime;

namespace Goroutines.Tests.Sched;

/// <summary>sysmon's preemption of goroutines that run for more than 10 ms (GO-RUNTIME §E3, §E8, §B.15).</summary>
public class PreemptionTests
{
    [Fact]
    public void E3_with_async_preemption_a_hog_is_stopped_so_a_sleeping_main_wakes_up()
    {
        var run = Run(async () =>
        {
            Go(async () => await Work(TimeSpan.FromSeconds(5)));   // Go's `for {}`
            await Sleep(TimeSpan.FromMilliseconds(10));
            Println("woke up");
        }, new RunOptions { MaxProcs = 1 });

        Assert.Equal(Outcome.Completed, run.Outcome);
        Assert.Equal(["woke up"], run.Output);
        Assert.True(run.Stats.Preemptions >= 1);
        Assert.Contains(run.Events, e => e.Kind == EventKind.GoStop && e.Detail == "preempted");
        Assert.True(run.Elapsed < TimeSpan.FromSeconds(2), $"took {run.Elapsed}");
    }

    [Fact]
    public void E3_without_async_preemption_the_hog_keeps_the_P_and_the_run_times_out_with_a_report()
    {
        var run = Run(async () =>
        {
            Go(async () => await Work(TimeSpan.FromSeconds(5)));
            await Sleep(TimeSpan.FromMilliseconds(10));
            Println("woke up");
        }, new RunOptions { MaxProcs = 1, AsyncPreemption = false, Timeout = TimeSpan.FromMilliseconds(300) });

        Assert.Equal(Outcome.TimedOut, run.Outcome);
        Assert.Empty(run.Output);
        Assert.Contains("[running]", run.Message);
        Assert.Contains("safe point", run.Message);
        Assert.Equal(0, run.ThreadsLeft);   // Work still notices the end of the run
    }

    [Fact]
    public void TestPingPongHog_two_pairs_sharing_one_P_get_similar_CPU_because_each_pair_is_preempted_as_a_unit()
    {
        long hogCount = 0, lightCount = 0;
        var run = Run(async () =>
        {
            var stop = false;
            var hogChan = new Chan<int>();
            var lightChan = new Chan<int>();
            var done = new Chan<bool>();
            Func<Chan<int>, TimeSpan, Action, Func<Task>> pinger = (ch, turn, count) => async () =>
            {
                while (!stop)
                {
                    await Work(turn);
                    count();
                    await ch.Send(0);
                    await ch.Recv();
                }
                await done.Send(true);
            };
            Func<Chan<int>, TimeSpan, Action, Func<Task>> ponger = (ch, turn, count) => async () =>
            {
                while (!stop)
                {
                    await ch.Recv();
                    await Work(turn);
                    count();
                    await ch.Send(0);
                }
                await done.Send(true);
            };
            Go(pinger(hogChan, TimeSpan.FromMicroseconds(500), () => hogCount++));
            Go(ponger(hogChan, TimeSpan.FromMicroseconds(500), () => hogCount++));
            Go(pinger(lightChan, TimeSpan.FromMicroseconds(5), () => lightCount += 100));
            Go(ponger(lightChan, TimeSpan.FromMicroseconds(5), () => lightCount += 100));
            await Sleep(TimeSpan.FromMilliseconds(150));
            stop = true;
        }, new RunOptions { MaxProcs = 1, RecordEvents = false });

        Assert.Equal(Outcome.Completed, run.Outcome);
        Assert.True(hogCount > 0 && lightCount > 0, $"hog {hogCount}, light {lightCount}");
        // Go asserts the factor 20 on equal work units; here a unit of either pair is 1 µs of work.
        var hogWork = hogCount * 500;
        var lightWork = lightCount / 100 * 5;
        Assert.True(hogWork / 20 <= lightWork && lightWork / 20 <= hogWork, $"hog {hogWork} µs, light {lightWork} µs");
    }
}
