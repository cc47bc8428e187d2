using System;
using System.Linq;
using System.Threading.Tasks;
using Goroutines;
using static Goroutines.Runtime;

namespace Goroutines.Workbook.Tests;

/// <summary>Charts of real runs of the scheduler.</summary>
public class RealRunTests
{
    // The first run in a process JIT-compiles the scheduler. If that made main run past 10 ms, sysmon would
    // preempt it (as Go would) and change the order these tests expect, so one run warms up first.
    static RealRunTests() => TenPrinters(procs: 1);

    // Go's classic: ten goroutines print their number; main waits on a WaitGroup.
    private static RunResult TenPrinters(int procs) => Runtime.Run(async () =>
    {
        var wg = new WaitGroup();
        for (var i = 0; i < 10; i++)
        {
            var n = i;
            wg.Add(1);
            Go(async () => { Println(n); wg.Done(); });
        }
        await wg.Wait();
    }, new RunOptions { MaxProcs = procs });

    // On one P, a goroutine blocks in a long syscall (it is made last, so it runs first, from runnext)
    // while another waits in the queue to compute: some other thread has to run it.
    private static RunResult SyscallAndWork() => Runtime.Run(async () =>
    {
        var wg = new WaitGroup();
        wg.Add(2);
        Go(async () => { await Work(TimeSpan.FromMilliseconds(5)); wg.Done(); });
        Go(async () => { await Syscall(TimeSpan.FromMilliseconds(100)); wg.Done(); });
        await wg.Wait();
    }, new RunOptions { MaxProcs = 1 });

    [Fact]
    public void At_GOMAXPROCS_1_the_timeline_shows_the_runnext_goroutine_first_then_the_queue_in_order()
    {
        var run = TenPrinters(procs: 1);
        Assert.Equal(Outcome.Completed, run.Outcome);
        var created = run.Events.Where(e => e.Kind == EventKind.GoCreate && e.Arg == 1).Select(e => $"G{e.G}").ToList();
        Assert.Equal(10, created.Count);

        var figure = Charts.Timeline(run);

        var bars = Json.Bars(figure).ToList();
        Assert.All(bars, b => Assert.Equal("P0", b.Row));
        Assert.Equal(run.Events.Count(e => e.Kind == EventKind.GoStart), bars.Count);
        var mainAndMine = bars.Select(b => b.G).Where(g => g == "G1" || created.Contains(g)).ToList();
        // main; the last goroutine it made (in runnext); the others in the order they were made; main again.
        Assert.Equal(["G1", created[^1], .. created[..^1], "G1"], mainAndMine);
    }

    [Fact]
    public void The_run_queue_chart_shows_the_goroutines_waiting_behind_runnext()
    {
        var run = TenPrinters(procs: 1);

        var figure = Charts.RunQueues(run);

        var p0 = Json.Trace(figure, "P0 local queue");
        var y = Json.Numbers(p0.GetProperty("y"));
        Assert.Equal(run.Events.Max(e => e.LocalQueues[0]), y.Max());
        Assert.True(y.Max() >= 9, "nine of main's goroutines wait in P0's queue while the tenth sits in runnext");
        Assert.Equal(0, y[^1]);
        var runEnd = run.Events.Single(e => e.Kind == EventKind.RunEnd);
        Assert.Equal(runEnd.TimeNs / 1000.0, Json.Numbers(p0.GetProperty("x"))[^1]);
    }

    [Fact]
    public void On_every_P_the_bars_of_a_real_parallel_run_never_overlap()
    {
        var run = Runtime.Run(async () =>
        {
            var wg = new WaitGroup();
            for (var i = 0; i < 8; i++)
            {
                wg.Add(1);
                Go(async () => { await Work(TimeSpan.FromMilliseconds(1)); wg.Done(); });
            }
            await wg.Wait();
        }, new RunOptions { MaxProcs = 2 });
        Assert.Equal(Outcome.Completed, run.Outcome);

        var spans = GSpan.FromEvents(run.Events).Where(s => !s.InSyscall).ToList();

        Assert.All(spans, s => Assert.True(s.StartNs <= s.EndNs));
        foreach (var onP in spans.GroupBy(s => s.P))
        {
            var ordered = onP.OrderBy(s => s.StartNs).ToList();
            for (var i = 1; i < ordered.Count; i++)
                Assert.True(ordered[i].StartNs >= ordered[i - 1].EndNs, $"P{onP.Key}: {ordered[i - 1]} overlaps {ordered[i]}");
        }
        var created = run.Events.Where(e => e.Kind == EventKind.GoCreate && e.Arg == 1).Select(e => e.G).ToHashSet(); // made by main (G1)
        Assert.Equal(8, created.Count);
        Assert.Subset(spans.Select(s => s.G).ToHashSet(), created);
    }

    [Fact]
    public void A_long_syscall_shows_a_new_thread_in_the_thread_chart()
    {
        var run = SyscallAndWork();
        Assert.Equal(Outcome.Completed, run.Outcome);

        var figure = Charts.Threads(run);

        var threads = Json.Numbers(Json.Trace(figure, "OS threads (Ms)").GetProperty("y"));
        Assert.Equal(run.Events.Max(e => e.Threads), threads.Max());
        var marks = Json.Numbers(Json.Trace(figure, "new thread").GetProperty("x"));
        Assert.Equal(run.Events.Count(e => e.Kind == EventKind.ThreadStart), marks.Length);
        Assert.True(marks.Length >= 2, "a second M should start while the first is blocked in the syscall");
        Assert.Contains($"peaked at {threads.Max()} threads", figure.Caption);
    }

    [Fact]
    public void A_goroutine_back_from_a_syscall_runs_on_in_the_timeline()
    {
        var run = SyscallAndWork();

        var spans = GSpan.FromEvents(run.Events).Where(s => !s.InSyscall).ToList();

        var syscaller = run.Events.First(e => e.Kind == EventKind.GoSyscallBegin).G;
        var exit = run.Events.First(e => e.G == syscaller && e.Kind is EventKind.GoSyscallEnd or EventKind.GoSyscallEndBlocked);
        var destroyed = run.Events.Single(e => e.G == syscaller && e.Kind == EventKind.GoDestroy);
        var last = spans.Last(s => s.G == syscaller);
        Assert.Equal(destroyed.TimeNs, last.EndNs);
        if (exit.P >= 0)
            Assert.Equal(exit.TimeNs, last.StartNs); // it came back with a P and ran on at once
        else
            Assert.True(last.StartNs > exit.TimeNs); // no P was free: it waited in the global queue for a GoStart
    }

    [Fact]
    public void The_thread_timeline_shows_the_syscall_on_one_M_while_another_M_runs_goroutines()
    {
        var run = SyscallAndWork();

        var spans = GSpan.FromEvents(run.Events);

        var syscall = spans.Single(s => s.InSyscall);
        Assert.True(syscall.DurationNs >= 90_000_000, $"the 100 ms syscall lasted {syscall.DurationNs / 1e6} ms");
        Assert.Contains(spans, s => !s.InSyscall && s.M != syscall.M && s.StartNs < syscall.EndNs && s.EndNs > syscall.StartNs);
        var figure = Charts.ThreadTimeline(run);
        Assert.Contains(Json.Bars(figure), b => b.G == $"G{syscall.G}" && b.Trace == "in a syscall (hatched)");
    }

    // Lesson 00, section 3: ten goroutines of 1 ms of work on two Ps, charted as a Lockstep run.
    private static async Task BusyMain()
    {
        var wg = new WaitGroup();
        for (var i = 0; i < 10; i++)
        {
            var n = i;
            wg.Add(1);
            Go(async () => { await Work(TimeSpan.FromMilliseconds(1)); Println(n); wg.Done(); });
        }
        await wg.Wait();
    }

    [Fact]
    public void Lesson_00s_two_P_chart_shows_two_rows_of_bars_at_the_same_time_on_every_run()
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var run = Runtime.Run(BusyMain, new RunOptions { MaxProcs = 2, Lockstep = true, Seed = 1 });
            Assert.Equal(Outcome.Completed, run.Outcome);

            var bars = Json.Bars(Charts.Timeline(run));

            var p0 = bars.Where(b => b.Row == "P0" && b.Length >= 900).ToList(); // 1 ms of work, in µs
            var p1 = bars.Where(b => b.Row == "P1" && b.Length >= 900).ToList();
            Assert.True(p0.Count >= 3 && p1.Count >= 3, $"P0 ran {p0.Count} and P1 {p1.Count} of the 1 ms goroutines");
            var overlapping = p0.Count(a => p1.Any(b => a.Start < b.Start + b.Length && b.Start < a.Start + a.Length));
            Assert.True(overlapping >= 3, $"only {overlapping} bars of P0 run while one of P1 does");
            Assert.All(bars.Where(b => b.Length >= 900), b => Assert.InRange(b.Length, 1000, 1100)); // virtual time: 1 ms is 1 ms
        }
    }

    [Fact]
    public void Every_chart_of_a_real_run_renders_as_a_plotly_figure()
    {
        var run = TenPrinters(procs: 2);

        var figures = new[] { Charts.Timeline(run), Charts.ThreadTimeline(run), Charts.RunQueues(run), Charts.Threads(run), Charts.GoroutineStates(run), Charts.Speedup([run, TenPrinters(1)]) };

        Assert.All(figures, f =>
        {
            var html = new Goroutines.Workbook.Plotting.ChartHtml().Render(f);
            Assert.Contains("data-plotly-figure", html);
            Assert.NotEmpty(f.Caption);
            Assert.NotEmpty(Json.Title(f));
            Assert.NotEmpty(Json.XTitle(f));
            Assert.NotEmpty(Json.YTitle(f));
            Assert.NotEmpty(Json.Of(f).GetProperty("data").EnumerateArray());
        });
    }
}
