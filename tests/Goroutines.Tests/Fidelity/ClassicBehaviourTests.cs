using Goroutines;
using static Goroutines.Runtime;

namespace Goroutines.Tests.Fidelity;

/// <summary>GO-RUNTIME.md §E: what Go 1.23.5 prints at GOMAXPROCS=1, exactly.</summary>
public class ClassicBehaviourTests
{
    /// <summary>GOMAXPROCS=1 on either clock: Go is deterministic there, so both must print what Go prints.</summary>
    private static RunOptions OneP(bool lockstep) => new() { MaxProcs = 1, Lockstep = lockstep, Seed = 7 };

    public static TheoryData<bool> Clocks => new() { false, true };

    [Theory]
    [MemberData(nameof(Clocks))]
    public void E1_runnext_the_last_goroutine_created_runs_first_then_the_rest_in_order(bool lockstep)
    {
        var run = Run(async () =>
        {
            var wg = new WaitGroup();
            for (var i = 0; i < 10; i++)
            {
                var n = i;
                wg.Add(1);
                Go(() => { Println(n); wg.Done(); });
            }
            await wg.Wait();
        }, OneP(lockstep));

        Assert.Equal(Outcome.Completed, run.Outcome);
        Assert.Equal("9 0 1 2 3 4 5 6 7 8", run.OutputLine);
    }

    [Theory]
    [MemberData(nameof(Clocks))]
    public void E1_with_Gosched_instead_of_Wait_gives_the_same_order(bool lockstep)
    {
        var run = Run(async () =>
        {
            for (var i = 0; i < 10; i++)
            {
                var n = i;
                Go(() => Println(n));
            }
            await Gosched();
        }, OneP(lockstep));

        Assert.Equal("9 0 1 2 3 4 5 6 7 8", run.OutputLine);
    }

    [Theory]
    [MemberData(nameof(Clocks))]
    public void E2_Gosched_goes_to_the_global_queue_so_two_workers_alternate_starting_with_the_last_created(bool lockstep)
    {
        var run = Run(async () =>
        {
            var wg = new WaitGroup();
            foreach (var id in new[] { "A", "B" })
            {
                wg.Add(1);
                Go(async () =>
                {
                    for (var i = 0; i < 5; i++)
                    {
                        Println(id + i);
                        await Gosched();
                    }
                    wg.Done();
                });
            }
            await wg.Wait();
        }, OneP(lockstep));

        Assert.Equal("B0 A0 B1 A1 B2 A2 B3 A3 B4 A4", run.OutputLine);
    }

    [Theory]
    [MemberData(nameof(Clocks))]
    public void E5_close_wakes_the_first_waiter_first_then_the_rest_in_reverse(bool lockstep)
    {
        var run = Run(async () =>
        {
            var done = new Chan<bool>();
            var wg = new WaitGroup();
            for (var i = 0; i < 5; i++)
            {
                var n = i;
                wg.Add(1);
                Go(async () =>
                {
                    await done.Recv();
                    Println(n);
                    wg.Done();
                });
            }
            await Gosched();   // every waiter parks on done, in the order 4 0 1 2 3
            done.Close();
            await wg.Wait();
        }, OneP(lockstep));

        Assert.Equal("4 3 2 1 0", run.OutputLine);
    }

    // Measured with Go 1.23.5 (tests/GoReference/e6-overflow-*): the finalizer goroutine runfinq, in
    // runnext when main starts, is kicked to ring slot 0, so the ring overflows one goroutine earlier.
    [Theory]
    [InlineData(258, "257 127-243 0 244-254 256 1-126 255", false)]
    [InlineData(300, "299 127-243 0 244-254 256-298 1-126 255", false)]
    [InlineData(258, "257 127-243 0 244-254 256 1-126 255", true)]
    [InlineData(300, "299 127-243 0 244-254 256-298 1-126 255", true)]
    public void E6_a_full_local_queue_moves_half_to_the_global_queue_which_gets_one_turn_every_61_ticks(int n, string expected, bool lockstep)
    {
        var run = Run(async () =>
        {
            var wg = new WaitGroup();
            for (var i = 0; i < n; i++)
            {
                var k = i;
                wg.Add(1);
                Go(() => { Println(k); wg.Done(); });
            }
            await wg.Wait();
        }, OneP(lockstep));

        Assert.Equal(Outcome.Completed, run.Outcome);
        Assert.Equal(expected, Compress(run.Output.Select(int.Parse).ToList()));
    }

    [Theory]
    [MemberData(nameof(Clocks))]
    public void E4_a_receive_nobody_sends_to_is_Gos_deadlock_with_the_wait_reason(bool lockstep)
    {
        var run = Run(async () =>
        {
            var ch = new Chan<int>();
            await ch.Recv();
        }, OneP(lockstep));

        Assert.Equal(Outcome.Deadlock, run.Outcome);
        Assert.StartsWith("fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 [chan receive]:\nmain.main()", run.Message);
    }

    [Theory]
    [MemberData(nameof(Clocks))]
    public void E4_a_pending_timer_delays_the_deadlock_report_until_it_fires(bool lockstep)
    {
        var run = Run(async () =>
        {
            Go(async () => await Sleep(TimeSpan.FromMilliseconds(50)));
            await new Chan<int>().Recv();
        }, OneP(lockstep));

        Assert.Equal(Outcome.Deadlock, run.Outcome);
        var reportedAt = run.Events[^1].TimeNs;   // the RunEnd event: wall time in Parallel, virtual in Lockstep
        Assert.True(reportedAt >= 50_000_000, $"reported after {reportedAt / 1e6} ms");
    }

    [Theory]
    [MemberData(nameof(Clocks))]
    public void E7_main_returning_ends_the_run_and_a_goroutine_only_in_runnext_never_runs(bool lockstep)
    {
        var run = Run(() =>
        {
            Go(() => Println("never"));
            Println("main done");
        }, OneP(lockstep));

        Assert.Equal(Outcome.Completed, run.Outcome);
        Assert.Equal(["main done"], run.Output);
        Assert.Single(run.Leaked);
        Assert.Matches(@"^goroutine \d+ \[runnable\]:$", run.Leaked[0]);
    }

    [Theory]
    [MemberData(nameof(Clocks))]
    public void E7_a_panic_in_any_goroutine_stops_the_run_with_Gos_report(bool lockstep)
    {
        var run = Run(async () =>
        {
            Go(() => throw new Exception("boom"));
            await Sleep(TimeSpan.FromMilliseconds(10));
            Println("not reached");
        }, OneP(lockstep));

        Assert.Equal(Outcome.Panic, run.Outcome);
        Assert.Matches(@"^panic: boom\n\ngoroutine 6 \[running\]:\ncreated by .+ in goroutine 1\n", run.Message);
        Assert.Empty(run.Output);
    }

    internal static string Compress(List<int> xs)
    {
        var parts = new List<string>();
        for (var i = 0; i < xs.Count;)
        {
            var j = i;
            while (j + 1 < xs.Count && xs[j + 1] == xs[j] + 1) j++;
            parts.Add(i == j ? xs[i].ToString() : $"{xs[i]}-{xs[j]}");
            i = j + 1;
        }
        return string.Join(" ", parts);
    }
}
