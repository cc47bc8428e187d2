using System.Linq;
using Goroutines;

namespace Goroutines.Workbook.Tests;

public class ThreadsTests
{
    private static RunResult SyscallRun() => RunResultFactory.Create(new EventScript(procs: 1)
        .At(0, EventKind.ThreadStart, m: 0, threadCount: 1, reason: "M0 runs main")
        .At(0, EventKind.GoStart, p: 0, g: 1)
        .At(2_000, EventKind.GoSyscallBegin, p: 0, g: 1)
        .At(22_000, EventKind.ProcSteal, p: 0)
        .At(22_500, EventKind.ThreadStart, m: 1, threadCount: 2, reason: "sysmon retook P0 from M0: startm M1")
        .At(50_000, EventKind.RunEnd)
        .Events, maxProcs: 1);

    [Fact]
    public void The_thread_count_steps_up_when_a_thread_starts()
    {
        var figure = Charts.Threads(SyscallRun());

        var threads = Json.Trace(figure, "OS threads (Ms)");
        Assert.Equal([0, 22.5, 50], Json.Numbers(threads.GetProperty("x")));
        Assert.Equal([1, 2, 2], Json.Numbers(threads.GetProperty("y")));
        Assert.Equal("hv", threads.GetProperty("line").GetProperty("shape").GetString());
    }

    [Fact]
    public void GOMAXPROCS_is_drawn_for_comparison()
    {
        var line = Json.Trace(Charts.Threads(SyscallRun()), "GOMAXPROCS = 1");

        Assert.Equal([0, 50], Json.Numbers(line.GetProperty("x")));
        Assert.Equal([1, 1], Json.Numbers(line.GetProperty("y")));
    }

    [Fact]
    public void Each_new_thread_is_marked_with_its_reason()
    {
        var marks = Json.Trace(Charts.Threads(SyscallRun()), "new thread");

        Assert.Equal([0, 22.5], Json.Numbers(marks.GetProperty("x")));
        Assert.Equal(["M0", "M1"], Json.Strings(marks.GetProperty("text")));
        Assert.Equal("sysmon retook P0 from M0: startm M1", marks.GetProperty("customdata")[1][0].GetString());
    }

    [Fact]
    public void It_has_a_title_axis_titles_with_units_and_a_caption()
    {
        var figure = Charts.Threads(SyscallRun());

        Assert.Equal("OS threads (Ms) over time", Json.Title(figure));
        Assert.Equal("time (µs)", Json.XTitle(figure));
        Assert.Equal("OS threads (count)", Json.YTitle(figure));
        Assert.Contains("peaked at 2 threads", figure.Caption);
        Assert.Contains("GOMAXPROCS (1)", figure.Caption);
    }
}
