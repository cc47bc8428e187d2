using System.Diagnostics;
using Goroutines;
using static Goroutines.Runtime;

namespace Goroutines.Tests.Reliability;

/// <summary>
/// Issue 7, faults: an exception in any goroutine, a goroutine that never reaches a safe point, a
/// stepped run disposed mid-way. Every run ends with a report, the caller is never held beyond the
/// limit, and every thread that can be stopped is gone.
/// </summary>
public class FaultTests
{
    /// <summary>
    /// A call-free loop (no safe point) that the test can still end: the thread that runs it cannot be
    /// stopped by the scheduler, so the test clears the flag afterwards and the thread returns.
    /// </summary>
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

    public static TheoryData<string, bool> Places => new()
    {
        { "main", false }, { "child", false }, { "grandchild after a park", false }, { "select case body", false },
        { "syscall action", false }, { "after a sleep", false },
        { "main", true }, { "child", true }, { "grandchild after a park", true }, { "select case body", true },
        { "syscall action", true }, { "after a sleep", true },
    };

    [Theory]
    [MemberData(nameof(Places))]
    public void An_exception_anywhere_ends_the_run_as_a_panic_with_Gos_report_and_every_thread_gone(string where, bool lockstep)
    {
        var run = Run(async () =>
        {
            var never = new Chan<int>();
            // Company on every P: spinning, parked, sleeping and in syscalls.
            Go(async () => { while (true) await Work(TimeSpan.FromMicroseconds(200)); });
            Go(async () => await never.Recv());
            Go(async () => { while (true) await Sleep(TimeSpan.FromMicroseconds(300)); });
            Go(async () => { while (true) await Syscall(TimeSpan.FromMicroseconds(500)); });
            var ch = new Chan<int>(1);
            switch (where)
            {
                case "main":
                    throw new InvalidOperationException("boom");
                case "child":
                    Go(() => throw new InvalidOperationException("boom"));
                    break;
                case "grandchild after a park":
                    Go(() => Go(async () => { await ch.Recv(); throw new InvalidOperationException("boom"); }));
                    await Sleep(TimeSpan.FromMilliseconds(1));
                    await ch.Send(1);
                    break;
                case "select case body":
                    Go(async () => { await ch.Send(1); });
                    Go(async () => await Select(ch.OnRecv(_ => throw new InvalidOperationException("boom"))));
                    break;
                case "syscall action":
                    Go(async () => await Syscall(() => throw new InvalidOperationException("boom")));
                    break;
                case "after a sleep":
                    Go(async () => { await Sleep(TimeSpan.FromMilliseconds(2)); throw new InvalidOperationException("boom"); });
                    break;
            }
            await never.Recv();
        }, new RunOptions { MaxProcs = 3, Lockstep = lockstep, Timeout = TimeSpan.FromSeconds(30) });

        Assert.True(run.Outcome == Outcome.Panic, run.ToString());
        Assert.StartsWith("panic: System.InvalidOperationException: boom\n\ngoroutine ", run.Message);
        Assert.Contains(" [running]:", run.Message);
        Assert.Contains(where == "main" ? "goroutine 1 [running]:\nmain.main()" : "created by", run.Message);
        Assert.Equal(0, run.ThreadsLeft);
    }

    [Fact]
    public void Many_goroutines_panicking_at_once_on_every_P_give_one_report_of_one_of_them()
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var run = Run(async () =>
            {
                var start = new Chan<bool>();
                for (var i = 0; i < 16; i++)
                {
                    var n = i;
                    Go(async () => { await start.Recv(); throw new ApplicationException($"boom {n}"); });
                }
                await Sleep(TimeSpan.FromMilliseconds(1));
                start.Close();
                await new Chan<int>().Recv();
            }, new RunOptions { MaxProcs = 4, RecordEvents = false });

            Assert.Equal(Outcome.Panic, run.Outcome);
            Assert.Matches(@"^panic: System.ApplicationException: boom \d+\n\ngoroutine \d+ \[running\]:\ncreated by ", run.Message);
            Assert.Single(run.Message.Split('\n'), l => l.StartsWith("panic:"));
            Assert.Equal(0, run.ThreadsLeft);
        }
    }

    [Theory]
    [InlineData(false, 1)]
    [InlineData(false, 2)]
    [InlineData(true, 1)]
    [InlineData(true, 2)]
    public void A_goroutine_looping_with_no_safe_point_times_out_at_the_limit_and_the_report_names_it_and_its_stuck_thread(bool lockstep, int procs)
    {
        using var spinner = new Spinner();
        var limit = TimeSpan.FromMilliseconds(600);
        var watch = Stopwatch.StartNew();
        var run = Run(async () =>
        {
            Go(spinner.Loop);
            await Sleep(TimeSpan.FromMilliseconds(1));
            Println("main woke up");
            await new Chan<int>().Recv();   // main waits forever too: only the limit can end the run
        }, new RunOptions { MaxProcs = procs, Lockstep = lockstep, Timeout = limit });
        watch.Stop();

        Assert.True(spinner.Started);
        Assert.True(run.Outcome == Outcome.TimedOut, run.ToString());
        // The caller waits for the limit, then at most the 2 s the scheduler gives threads to exit, plus slack for a busy machine.
        Assert.True(watch.Elapsed >= limit, $"returned after {watch.Elapsed}, before the limit");
        Assert.True(watch.Elapsed < limit + TimeSpan.FromSeconds(8), $"the caller was held for {watch.Elapsed}");
        Assert.Contains("did not end within its time limit of 0.6 s", run.Message);
        // The report names the goroutine, the M it runs on, and says that M's thread could not be stopped.
        var m = System.Text.RegularExpressions.Regex.Match(run.Message, @"goroutine 6 \[running\]: on (M\d+)");
        Assert.True(m.Success, run.Message);
        Assert.Matches($@"1 thread \({m.Groups[1].Value}: [^)]*\) did not stop: \.NET cannot kill a thread", run.Message);
        Assert.Equal(1, run.ThreadsLeft);
    }

    [Fact]
    public void After_a_stuck_run_the_next_run_works_and_the_stuck_thread_exits_once_its_loop_ends()
    {
        var baseline = SettledThreadCount();
        var spinner = new Spinner();
        var stuck = Run(async () =>
        {
            Go(spinner.Loop);
            await Gosched();
        }, new RunOptions { MaxProcs = 1, Timeout = TimeSpan.FromMilliseconds(300) });
        Assert.Equal(Outcome.TimedOut, stuck.Outcome);
        Assert.Equal(1, stuck.ThreadsLeft);

        // The process is still usable while that thread spins.
        var next = Run(async () =>
        {
            var ch = new Chan<int>();
            Go(async () => await ch.Send(42));
            Println(await ch.Recv());
        }, new RunOptions { MaxProcs = 2 });
        Assert.Equal(Outcome.Completed, next.Outcome);
        Assert.Equal(["42"], next.Output);
        Assert.Equal(0, next.ThreadsLeft);

        spinner.Dispose();
        Assert.True(WaitFor(() => Process.GetCurrentProcess().Threads.Count <= baseline + 6, TimeSpan.FromSeconds(20)),
            $"threads: {baseline} before, {Process.GetCurrentProcess().Threads.Count} after the loop ended");
    }

    [Fact]
    public void A_stepped_run_whose_goroutine_never_reaches_a_safe_point_ends_the_step_at_the_limit()
    {
        using var spinner = new Spinner();
        var limit = TimeSpan.FromMilliseconds(500);
        var run = Start(async () =>
        {
            await Gosched();
            spinner.Loop();
        }, new RunOptions { MaxProcs = 1, Timeout = limit });

        var watch = Stopwatch.StartNew();
        run.StepUntil(_ => false, maxSteps: 1000);
        watch.Stop();
        run.Dispose();

        Assert.True(run.Ended);
        var result = run.Result!;
        Assert.Equal(Outcome.TimedOut, result.Outcome);
        Assert.Contains("a step did not finish within RunOptions.Timeout", result.Message);
        Assert.Contains("did not stop: .NET cannot kill a thread", result.Message);
        Assert.Equal(1, result.ThreadsLeft);
        Assert.True(watch.Elapsed < limit + TimeSpan.FromSeconds(8), $"the step held the caller for {watch.Elapsed}");
    }

    public static TheoryData<string> Midway => new() { "channels", "sleep", "syscall", "work", "mutex", "starving mutex", "select" };

    [Theory]
    [MemberData(nameof(Midway))]
    public void A_stepped_run_disposed_midway_releases_every_thread(string what)
    {
        var baseline = SettledThreadCount();
        RunResult result;
        var run = Start(async () =>
        {
            var ch = new Chan<int>();
            var mu = new Mutex();
            await mu.Lock();
            for (var i = 0; i < 50; i++)
            {
                var even = i % 2 == 0;
                Go(async () =>
                {
                    while (true)
                    {
                        switch (what)
                        {
                            case "channels": if (even) { await ch.Send(1); await ch.Recv(); } else { await ch.Recv(); await ch.Send(1); } break;
                            case "sleep": await Sleep(TimeSpan.FromMilliseconds(1)); break;
                            case "syscall": await Syscall(TimeSpan.FromMilliseconds(3)); break;
                            case "work": await Work(TimeSpan.FromMilliseconds(1)); break;
                            case "mutex": await mu.Lock(); await Gosched(); mu.Unlock(); break;
                            case "starving mutex": await mu.Lock(); await Work(TimeSpan.FromMicroseconds(400)); mu.Unlock(); Println("unlocked"); break;
                            case "select": await Select(ch.OnSend(1), ch.OnRecv(), After(TimeSpan.FromMilliseconds(1)).OnRecv()); break;
                        }
                    }
                });
            }
            await Sleep(TimeSpan.FromMilliseconds(1));
            mu.Unlock();
            while (true) await Sleep(TimeSpan.FromMilliseconds(1));
        }, new RunOptions { MaxProcs = 4, Seed = 3 });
        using (run)
        {
            run.Step(300);
            Assert.False(run.Ended);
            Assert.True(run.Snapshot.Ms.Count >= 2);
        }
        result = run.Result!;

        Assert.Equal(Outcome.TimedOut, result.Outcome);
        Assert.Contains("disposed", result.Message);
        Assert.Equal(0, result.ThreadsLeft);
        Assert.True(WaitFor(() => Process.GetCurrentProcess().Threads.Count <= baseline + 6, TimeSpan.FromSeconds(20)),
            $"threads: {baseline} before, {Process.GetCurrentProcess().Threads.Count} after Dispose");
    }

    internal static int SettledThreadCount()
    {
        Thread.Sleep(200);
        return Process.GetCurrentProcess().Threads.Count;
    }

    internal static bool WaitFor(Func<bool> condition, TimeSpan limit)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < limit)
        {
            if (condition()) return true;
            Thread.Sleep(50);
        }
        return condition();
    }
}
