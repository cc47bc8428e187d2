using System.Text.RegularExpressions;
using Goroutines;
using static Goroutines.Runtime;

namespace Goroutines.Tests.Trace;

/// <summary>SchedTrace prints Go 1.23's GODEBUG=schedtrace lines, field for field, checked against the lines real Go printed.</summary>
public class SchedTraceTests
{
    // The summary line of schedtrace=X in Go 1.23 (fields in Go's order, single spaces, per-P ring lengths in brackets).
    private static readonly Regex Summary = new(
        @"^SCHED (?<ms>\d+)ms: gomaxprocs=(?<procs>\d+) idleprocs=(?<idle>\d+) threads=(?<threads>\d+) spinningthreads=(?<spinning>\d+) needspinning=(?<need>[01]) idlethreads=(?<idlethreads>\d+) runqueue=(?<runq>\d+) \[(?<rings>\d+( \d+)*)\]$");

    private static readonly Regex DetailSummary = new(
        @"^SCHED \d+ms: gomaxprocs=\d+ idleprocs=\d+ threads=\d+ spinningthreads=\d+ needspinning=[01] idlethreads=\d+ runqueue=\d+ gcwaiting=(true|false) nmidlelocked=\d+ stopwait=\d+ sysmonwait=(true|false)$");

    private static readonly Regex PLine = new(@"^  P(?<id>\d+): status=\d schedtick=\d+ syscalltick=\d+ m=(\d+|nil) runqsize=\d+ gfreecnt=\d+ timerslen=\d+$");

    private static readonly Regex MLine = new(@"^  M(?<id>\d+): p=(\d+|nil) curg=(\d+|nil) mallocing=\d+ throwing=\d+ preemptoff=\S* locks=\d+ dying=\d+ spinning=(true|false) blocked=(true|false) lockedg=(\d+|nil)$");

    private static readonly Regex GLine = new(@"^  G(?<id>\d+): status=\d+\([^)]*(\([^)]*\))?[^)]*\) m=(\d+|nil) lockedm=(\d+|nil)$");

    private static string Sample(string name) => File.ReadAllText(Path.Combine(RepoRoot(), "tests", "GoReference", "schedtrace", name));

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "GoroutineWorkbook.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("GoroutineWorkbook.sln not found above " + AppContext.BaseDirectory);
    }

    private static string[] LinesOf(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    // The Go sample program: 100 goroutines, each busy for a while, on 2 Ps.
    private static async Task Busy()
    {
        var wg = new WaitGroup();
        for (var i = 0; i < 100; i++)
        {
            wg.Add(1);
            Go(async () => { await Work(TimeSpan.FromMilliseconds(3)); wg.Done(); });
        }
        await wg.Wait();
        Println("done");
    }

    [Fact]
    public void The_patterns_match_every_line_real_Go_printed()
    {
        foreach (var line in LinesOf(Sample("schedtrace.sample.txt")).Concat(LinesOf(Sample("schedtrace-p1.sample.txt"))))
            Assert.Matches(Summary, line);
        var detail = LinesOf(Sample("schedtrace-detail.sample.txt"));
        Assert.Matches(DetailSummary, detail[0]);
        foreach (var line in detail.Skip(1).Where(l => !l.StartsWith("SCHED", StringComparison.Ordinal)))
            Assert.True(PLine.IsMatch(line) || MLine.IsMatch(line) || GLine.IsMatch(line), $"Go's line matches no pattern: {line}");
    }

    [Fact]
    public void Lines_of_a_busy_run_have_Gos_exact_fields_and_agree_with_the_snapshot()
    {
        using var run = Start(Busy, new RunOptions { MaxProcs = 2, Seed = 7 });

        var lines = SchedTrace.Lines(run, TimeSpan.FromMilliseconds(10));

        Assert.True(lines.Count >= 3, string.Join("\n", lines));
        Assert.StartsWith("SCHED 0ms: gomaxprocs=2 ", lines[0]);
        var times = new List<long>();
        foreach (var line in lines)
        {
            var m = Summary.Match(line);
            Assert.True(m.Success, $"not Go's format: {line}");
            Assert.Equal("2", m.Groups["procs"].Value);
            Assert.Equal(2, m.Groups["rings"].Value.Split(' ').Length);
            times.Add(long.Parse(m.Groups["ms"].Value));
        }
        // At most one line per 10 ms of virtual time, as sysmon prints them: each in a later 10 ms window than the last.
        for (var i = 1; i < times.Count; i++) Assert.True(times[i] / 10 > times[i - 1] / 10, string.Join("\n", lines));
        // Some moment had goroutines waiting in a local ring, as in Go's trace of the same program.
        Assert.Contains(lines, l => Summary.Match(l).Groups["rings"].Value.Split(' ').Any(n => int.Parse(n) > 0));
    }

    [Fact]
    public void A_line_reports_the_snapshot_it_was_made_from()
    {
        using var run = Start(Busy, new RunOptions { MaxProcs = 2, Seed = 7 });
        run.StepUntil(e => e.Kind == EventKind.GoCreate && e.G == 40);
        var snap = run.Snapshot;

        var m = Summary.Match(SchedTrace.Line(snap, snap.TimeNs));

        Assert.True(m.Success);
        Assert.Equal("0", m.Groups["ms"].Value);
        Assert.Equal(snap.GlobalQueue.Count.ToString(), m.Groups["runq"].Value);
        Assert.Equal(string.Join(" ", snap.Ps.Select(p => p.Queue.Count)), m.Groups["rings"].Value);
        Assert.Equal(snap.Threads.ToString(), m.Groups["threads"].Value);
        Assert.Equal(snap.Ms.Count(x => x.Idle).ToString(), m.Groups["idlethreads"].Value);
        Assert.True(snap.Threads >= 2, "M0 and sysmon at least");
    }

    [Fact]
    public void Detail_lists_the_summary_then_every_P_then_Ms_newest_first_then_goroutines()
    {
        using var run = Start(Busy, new RunOptions { MaxProcs = 2, Seed = 7 });
        run.StepUntil(e => e.Kind == EventKind.GoCreate && e.G == 40);
        var snap = run.Snapshot;

        var lines = SchedTrace.Detail(snap).Split('\n');

        Assert.Matches(DetailSummary, lines[0]);
        var ps = lines.Skip(1).Take(2).ToArray();
        Assert.All(ps, l => Assert.Matches(PLine, l));
        Assert.Equal(["0", "1"], ps.Select(l => PLine.Match(l).Groups["id"].Value));
        var ms = lines.Skip(3).Take(snap.Ms.Count).ToArray();
        Assert.All(ms, l => Assert.Matches(MLine, l));
        var mids = ms.Select(l => long.Parse(MLine.Match(l).Groups["id"].Value)).ToArray();
        Assert.Equal(mids.OrderDescending(), mids);
        var gs = lines.Skip(3 + snap.Ms.Count).ToArray();
        Assert.Equal(snap.Gs.Count, gs.Length);
        Assert.All(gs, l => Assert.Matches(GLine, l));
        Assert.Contains("  G1: status=2() m=", gs[0]);
        Assert.Contains(gs, l => l.StartsWith("  G40: status=1() m=nil lockedm=nil", StringComparison.Ordinal));
    }

    [Fact]
    public void Lines_refuses_a_zero_interval_with_a_message_that_says_what_to_do()
    {
        using var run = Start(Busy, new RunOptions { MaxProcs = 1 });

        var e = Assert.Throws<BadArgumentException>(() => SchedTrace.Lines(run, TimeSpan.Zero));
        Assert.Contains("positive interval", e.Message);
    }
}
