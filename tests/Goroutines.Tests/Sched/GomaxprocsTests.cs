using Goroutines;
using static Goroutines.Runtime;

namespace Goroutines.Tests.Sched;

/// <summary>GOMAXPROCS(n) during a run: stop the world, procresize, start the world (GO-RUNTIME A.13).</summary>
public class GomaxprocsTests
{
    public static TheoryData<bool> Clocks => new() { false, true };

    private static RunOptions Options(int procs, bool lockstep) =>
        new() { MaxProcs = procs, Lockstep = lockstep, Seed = 5, CheckInvariants = lockstep, Timeout = TimeSpan.FromSeconds(30) };

    [Theory]
    [MemberData(nameof(Clocks))]
    public void GOMAXPROCS_returns_the_previous_value_and_a_query_sees_the_new_one(bool lockstep)
    {
        var run = Run(() =>
        {
            Println(GOMAXPROCS(3));
            Println(GOMAXPROCS());
            Println(GOMAXPROCS(0));
            Println(GOMAXPROCS(1));
            Println(GOMAXPROCS());
        }, Options(2, lockstep));

        Assert.Equal(Outcome.Completed, run.Outcome);
        Assert.Equal(["2", "3", "3", "3", "1"], run.Output);
        Assert.Contains(run.Events, e => e.Kind == EventKind.STWBegin);
        Assert.Contains(run.Events, e => e.Kind == EventKind.ProcsChange && e.Arg == 1 && e.Reason.Contains("destroyed"));
    }

    [Fact]
    public void Shrinking_to_one_P_moves_a_destroyed_Ps_goroutines_to_the_head_of_the_global_queue_in_order()
    {
        using var run = Start(async () =>
        {
            var wg = new WaitGroup();
            for (var i = 0; i < 6; i++)
            {
                var n = i;
                wg.Add(1);
                Go(async () => { await Work(TimeSpan.FromMilliseconds(1)); Println(n); wg.Done(); });
            }
            await Work(TimeSpan.FromMilliseconds(2));   // meanwhile P1 steals some of them
            GOMAXPROCS(1);
            await wg.Wait();
        }, new RunOptions { MaxProcs = 2, Seed = 9, CheckInvariants = true });

        run.StepUntil(e => e.Kind == EventKind.ProcsChange && e.Arg == 1);
        var snap = run.Snapshot;
        Assert.Single(snap.Ps);
        var result = run.RunToEnd();
        Assert.Equal(Outcome.Completed, result.Outcome);
        Assert.Equal(6, result.Output.Count);
        Assert.Equal(Enumerable.Range(0, 6).Select(i => i.ToString()), result.Output.OrderBy(s => s));
    }

    [Theory]
    [MemberData(nameof(Clocks))]
    public void Growing_from_one_P_to_four_spreads_queued_work_over_the_new_Ps(bool lockstep)
    {
        var run = Run(async () =>
        {
            var wg = new WaitGroup();
            for (var i = 0; i < 16; i++)
            {
                wg.Add(1);
                // 10 ms each (160 ms in all): on a busy 2-core machine the new Ps' threads may wait several ms for a core.
                Go(async () => { await Work(TimeSpan.FromMilliseconds(10)); wg.Done(); });
            }
            GOMAXPROCS(4);
            await wg.Wait();
        }, Options(1, lockstep));

        Assert.Equal(Outcome.Completed, run.Outcome);
        var afterResize = run.Events.SkipWhile(e => e.Kind != EventKind.STWEnd).ToList();
        var ps = afterResize.Where(e => e.Kind == EventKind.GoStart).Select(e => e.P).Distinct().ToList();
        Assert.True(ps.Count >= 3, $"goroutines ran on {string.Join(",", ps)} after the resize");
        Assert.Equal(0, run.ThreadsLeft);
    }

    [Fact]
    public void Lockstep_runs_that_resize_are_still_the_same_every_time()
    {
        string Trace() => string.Join("\n", Run(async () =>
        {
            var ch = new Chan<int>();
            for (var i = 0; i < 8; i++)
            {
                var n = i;
                Go(async () => { await Work(TimeSpan.FromMicroseconds(300 * n)); await ch.Send(n); });
            }
            GOMAXPROCS(3);
            for (var i = 0; i < 4; i++) await ch.Recv();
            GOMAXPROCS(1);
            for (var i = 0; i < 4; i++) await ch.Recv();
        }, Options(2, true)).Events.Select(e => e.ToString()));

        var first = Trace();
        Assert.Contains("STWEnd", first);
        Assert.Equal(first, Trace());
    }
}
