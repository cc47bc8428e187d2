using Goroutines;
using static Goroutines.Runtime;

namespace Goroutines.Tests.GoTests;

/// <summary>LockOSThread (GO-RUNTIME A.12), with ports of Go's tests that use it.</summary>
public class LockOSThreadTests
{
    public static TheoryData<bool> Clocks => new() { false, true };

    private static RunOptions Options(bool lockstep, int procs = 2) =>
        new() { MaxProcs = procs, Lockstep = lockstep, Seed = 3, CheckInvariants = lockstep, Timeout = TimeSpan.FromSeconds(30) };

    [Fact]
    public void TestLockOSThreadNesting_locks_nest_and_the_goroutine_is_wired_only_while_a_count_is_left()
    {
        var seen = new List<string>();
        var run = Run(() =>
        {
            string State()
            {
                var mp = Goroutines.Sched.CurrentM!;
                return $"{mp.lockedExt} {(mp.curg!.lockedm == mp ? "wired" : "free")}";
            }
            seen.Add(State());
            LockOSThread();
            LockOSThread();
            seen.Add(State());
            UnlockOSThread();
            seen.Add(State());
            UnlockOSThread();
            seen.Add(State());
            UnlockOSThread();   // at zero: nothing happens, as in Go
            seen.Add(State());
        }, Options(false, 1));

        Assert.Equal(Outcome.Completed, run.Outcome);
        Assert.Equal(["0 free", "2 wired", "1 wired", "0 free", "0 free"], seen);
    }

    [Theory]
    [MemberData(nameof(Clocks))]
    public void TestBlockLocked_a_locked_goroutine_hands_values_to_main_and_always_runs_on_the_same_M(bool lockstep)
    {
        var run = Run(async () =>
        {
            var c = new Chan<int>();
            Go(async () =>
            {
                LockOSThread();
                for (var i = 0; i < 10; i++) await c.Send(i);
                UnlockOSThread();
            });
            for (var i = 0; i < 10; i++) Println(await c.Recv());
        }, Options(lockstep));

        Assert.Equal(Outcome.Completed, run.Outcome);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => i.ToString()), run.Output);
        var lockedG = run.Events.First(e => e.Kind == EventKind.GoCreate && e.G != 1).G;
        var ms = run.Events.Where(e => e.Kind == EventKind.GoStart && e.G == lockedG).Select(e => e.M).Distinct().ToList();
        Assert.Single(ms);
    }

    [Theory]
    [MemberData(nameof(Clocks))]
    public void TestYieldLocked_a_locked_goroutine_that_exits_without_unlocking_takes_its_thread_with_it(bool lockstep)
    {
        var run = Run(async () =>
        {
            var done = new Chan<bool>();
            Go(async () =>
            {
                LockOSThread();
                for (var i = 0; i < 10; i++)
                {
                    await Gosched();
                    await Sleep(TimeSpan.FromMilliseconds(1));
                }
                await done.Send(true);
                // returns while locked: its thread exits
            });
            await done.Recv();
            await Sleep(TimeSpan.FromMilliseconds(5));
            Println("OK");
        }, Options(lockstep));

        Assert.Equal(Outcome.Completed, run.Outcome);
        Assert.Equal(["OK"], run.Output);
        Assert.Contains(run.Events, e => e.Kind == EventKind.ThreadIdle && e.Detail == "exit");
        Assert.Equal(0, run.ThreadsLeft);
    }

    [Theory]
    [MemberData(nameof(Clocks))]
    public void TestYieldLockedProgress_a_locked_goroutine_spinning_on_Gosched_does_not_starve_a_timer(bool lockstep)
    {
        var run = Run(async () =>
        {
            var c = new Chan<bool>();
            var ack = new Chan<bool>();
            Go(async () =>
            {
                LockOSThread();
                while (true)
                {
                    var i = await Select(c.OnRecv(), Default());
                    if (i == 0) { await ack.Send(true); return; }
                    await Gosched();
                }
            });
            // Go sleeps 10 ms; 2 ms keeps the Lockstep variant quick (every Gosched of a locked goroutine is two thread handoffs).
            await Sleep(TimeSpan.FromMilliseconds(2));
            await c.Send(true);
            await ack.Recv();
        }, Options(lockstep, 1));

        Assert.Equal(Outcome.Completed, run.Outcome);
    }

    [Fact]
    public void TestLockedDeadlock_a_locked_main_blocked_forever_is_a_deadlock_and_the_header_says_locked()
    {
        var run = Run(async () =>
        {
            LockOSThread();
            await Select();
        }, Options(false, 1));

        Assert.Equal(Outcome.Deadlock, run.Outcome);
        Assert.StartsWith("fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 [select (no cases), locked to thread]:", run.Message);
    }

    [Fact]
    public void TestLockedDeadlock2_a_locked_goroutine_blocked_forever_and_main_blocked_too_is_a_deadlock()
    {
        var run = Run(async () =>
        {
            Go(async () =>
            {
                LockOSThread();
                await Select();
            });
            await Sleep(TimeSpan.FromMilliseconds(1));
            await Select();
        }, Options(true, 2));

        Assert.Equal(Outcome.Deadlock, run.Outcome);
        Assert.Contains("[select (no cases), locked to thread]:", run.Message);
    }
}
