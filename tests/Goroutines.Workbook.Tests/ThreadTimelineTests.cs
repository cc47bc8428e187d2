using System.Linq;
using Goroutines;

namespace Goroutines.Workbook.Tests;

public class ThreadTimelineTests
{
    // G2 blocks in a syscall on M1; sysmon hands P0 to a new M2, which runs G3.
    private static RunResult HandoffRun() => RunResultFactory.Create(new EventScript(procs: 1)
        .At(0, EventKind.ThreadStart, p: 0, m: 1)
        .At(0, EventKind.GoStart, p: 0, g: 2, m: 1, reason: "runnext")
        .At(1_000, EventKind.GoSyscallBegin, p: 0, g: 2, m: 1, reason: "entersyscall: G2 makes a blocking call on M1")
        .At(21_000, EventKind.ProcSteal, p: 0, m: 0)
        .At(22_000, EventKind.ThreadStart, p: 0, m: 2)
        .At(23_000, EventKind.GoStart, p: 0, g: 3, m: 2, reason: "from the global queue")
        .At(40_000, EventKind.GoSyscallEndBlocked, g: 2, m: 1)
        .At(45_000, EventKind.GoDestroy, p: 0, g: 3, m: 2)
        .At(50_000, EventKind.RunEnd)
        .Events, maxProcs: 1);

    [Fact]
    public void Rows_are_the_threads_that_started()
    {
        var layout = Json.Of(Charts.ThreadTimeline(HandoffRun())).GetProperty("layout");

        Assert.Equal(["M1", "M2"], Json.Strings(layout.GetProperty("yaxis").GetProperty("categoryarray")));
        Assert.Equal("M (OS thread)", layout.GetProperty("yaxis").GetProperty("title").GetProperty("text").GetString());
        Assert.Equal("time (µs)", layout.GetProperty("xaxis").GetProperty("title").GetProperty("text").GetString());
    }

    [Fact]
    public void A_syscall_is_a_hatched_labelled_bar_on_the_thread_that_made_it()
    {
        var figure = Charts.ThreadTimeline(HandoffRun());

        var g2 = Json.Bars(figure).Where(b => b.G == "G2").ToArray();
        Assert.Equal([("M1", 0, 1, "entered a syscall"), ("M1", 1, 39, "in a syscall (hatched)")], g2.Select(b => (b.Row, b.Start, b.Length, b.Trace)).ToArray());
        var syscall = Json.Trace(figure, "in a syscall (hatched)");
        var pattern = syscall.GetProperty("marker").GetProperty("pattern");
        Assert.Equal("/", pattern.GetProperty("shape").GetString());
        Assert.Equal("overlay", pattern.GetProperty("fillmode").GetString()); // stripes over the colour, so the label stays readable
        Assert.Equal("entersyscall: G2 makes a blocking call on M1", g2[1].CustomData[3].GetString());
        Assert.Contains("in a syscall", syscall.GetProperty("hovertemplate").GetString());
    }

    [Fact]
    public void Another_thread_runs_goroutines_while_the_first_is_in_the_syscall()
    {
        var figure = Charts.ThreadTimeline(HandoffRun());

        var g3 = Json.Bars(figure).Single(b => b.G == "G3");
        Assert.Equal(("M2", 23.0, "exited"), (g3.Row, g3.Start, g3.Trace));
        var exited = Json.Trace(figure, "exited").GetProperty("marker");
        Assert.False(exited.TryGetProperty("pattern", out var pattern) && pattern.TryGetProperty("shape", out _));
    }

    [Fact]
    public void The_caption_counts_syscalls_and_threads()
    {
        var caption = Charts.ThreadTimeline(HandoffRun()).Caption;

        Assert.StartsWith("Each row is an OS thread", caption);
        Assert.Contains("1 syscall on 2 threads", caption);
    }

    [Fact]
    public void The_P_timeline_leaves_syscalls_out()
    {
        var figure = Charts.Timeline(HandoffRun());

        Assert.Equal(["G2"], Json.Bars(figure).Where(b => b.G == "G2").Select(b => b.G).ToArray());
        Assert.DoesNotContain("in a syscall (hatched)", Json.Names(figure));
    }
}
