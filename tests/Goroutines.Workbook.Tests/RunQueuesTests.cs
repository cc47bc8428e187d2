using System.Linq;
using Goroutines;

namespace Goroutines.Workbook.Tests;

public class RunQueuesTests
{
    private static RunResult QueuesRun() => RunResultFactory.Create(new EventScript(procs: 2)
        .At(0, EventKind.GoCreate, p: 0, g: 2, localQueues: [1, 0])
        .At(1_000, EventKind.GoCreate, p: 0, g: 3, localQueues: [2, 0])
        .At(2_000, EventKind.ProcStart, p: 1)
        .At(3_000, EventKind.RunqSteal, p: 1, localQueues: [1, 1])
        .At(4_000, EventKind.GoStop, p: 0, g: 1, globalQueue: 1)
        .At(5_000, EventKind.GlobalRunqGet, p: 1, globalQueue: 0, localQueues: [1, 0])
        .At(8_000, EventKind.RunEnd)
        .Events, maxProcs: 2);

    [Fact]
    public void There_is_a_global_line_and_a_line_per_P()
    {
        var figure = Charts.RunQueues(QueuesRun());

        Assert.Equal(["global queue", "P0 local queue", "P1 local queue"], Json.Names(figure));
    }

    [Fact]
    public void Lines_step_where_the_lengths_change_and_reach_the_end_of_the_run()
    {
        var figure = Charts.RunQueues(QueuesRun());

        var global = Json.Trace(figure, "global queue");
        Assert.Equal([0, 4, 5, 8], Json.Numbers(global.GetProperty("x")));
        Assert.Equal([0, 1, 0, 0], Json.Numbers(global.GetProperty("y")));
        Assert.Equal("hv", global.GetProperty("line").GetProperty("shape").GetString());
        var p0 = Json.Trace(figure, "P0 local queue");
        Assert.Equal([0, 1, 3, 8], Json.Numbers(p0.GetProperty("x")));
        Assert.Equal([1, 2, 1, 1], Json.Numbers(p0.GetProperty("y")));
        var p1 = Json.Trace(figure, "P1 local queue");
        Assert.Equal([0, 3, 5, 8], Json.Numbers(p1.GetProperty("x")));
        Assert.Equal([0, 1, 0, 0], Json.Numbers(p1.GetProperty("y")));
    }

    [Fact]
    public void Lines_differ_by_dash_as_well_as_colour()
    {
        var figure = Charts.RunQueues(QueuesRun());

        var dashes = Json.Traces(figure).Select(t => t.GetProperty("line").GetProperty("dash").GetString()).ToList();
        Assert.Equal(dashes.Count, dashes.Distinct().Count());
    }

    [Fact]
    public void It_has_a_title_axis_titles_with_units_and_a_caption()
    {
        var figure = Charts.RunQueues(QueuesRun());

        var layout = Json.Of(figure).GetProperty("layout");
        Assert.Equal("Run queues: goroutines waiting for a P", layout.GetProperty("title").GetProperty("text").GetString());
        Assert.Equal("time (µs)", layout.GetProperty("xaxis").GetProperty("title").GetProperty("text").GetString());
        Assert.Equal("runnable goroutines waiting (count)", layout.GetProperty("yaxis").GetProperty("title").GetProperty("text").GetString());
        Assert.NotEmpty(figure.Caption);
        Assert.DoesNotContain("\n", figure.Caption);
    }
}
