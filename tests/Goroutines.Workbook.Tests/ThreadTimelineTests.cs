using System.Linq;
using Goroutines;
using Goroutines.Workbook.Testing;

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
        var g2 = Json.Trace(Charts.ThreadTimeline(HandoffRun()), "G2");

        Assert.Equal(["M1", "M1"], Json.Strings(g2.GetProperty("y")));
        Assert.Equal([0, 1], Json.Numbers(g2.GetProperty("base")));
        Assert.Equal([1, 39], Json.Numbers(g2.GetProperty("x")));
        Assert.Equal(["G2", "G2 syscall"], Json.Strings(g2.GetProperty("text")));
        var pattern = g2.GetProperty("marker").GetProperty("pattern");
        Assert.Equal(["", "/"], Json.Strings(pattern.GetProperty("shape")));
        Assert.Equal("overlay", pattern.GetProperty("fillmode").GetString()); // stripes over the colour, so the label stays readable
        Assert.Equal("entersyscall: G2 makes a blocking call on M1", g2.GetProperty("customdata")[1][3].GetString());
    }

    [Fact]
    public void Another_thread_runs_goroutines_while_the_first_is_in_the_syscall()
    {
        var g3 = Json.Trace(Charts.ThreadTimeline(HandoffRun()), "G3");

        Assert.Equal(["M2"], Json.Strings(g3.GetProperty("y")));
        Assert.Equal([23], Json.Numbers(g3.GetProperty("base")));
        Assert.False(g3.GetProperty("marker").TryGetProperty("pattern", out var pattern) && pattern.TryGetProperty("shape", out _));
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

        var g2 = Json.Trace(figure, "G2");
        Assert.Equal(["G2"], Json.Strings(g2.GetProperty("text")));
    }
}
