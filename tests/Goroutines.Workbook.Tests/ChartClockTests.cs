using System.Linq;
using Goroutines;

namespace Goroutines.Workbook.Tests;

public class ChartClockTests
{
    // A Lockstep-like run: main makes two goroutines and blocks; they run and exit, all at virtual time 0.
    private static RunResult InstantRun() => RunResultFactory.Create(new EventScript(procs: 1)
        .At(0, EventKind.GoStart, p: 0, g: 1, reason: "main")            // step 0
        .At(0, EventKind.GoCreate, p: 0, g: 2, localQueues: [0])         // step 1
        .At(0, EventKind.GoCreate, p: 0, g: 3, localQueues: [1])         // step 2
        .At(0, EventKind.GoBlock, p: 0, g: 1)                            // step 3
        .At(0, EventKind.GoStart, p: 0, g: 3, reason: "runnext")         // step 4
        .At(0, EventKind.GoDestroy, p: 0, g: 3)                          // step 5
        .At(0, EventKind.GoStart, p: 0, g: 2, localQueues: [0])          // step 6
        .At(0, EventKind.GoDestroy, p: 0, g: 2)                          // step 7
        .At(0, EventKind.RunEnd)                                         // step 8
        .Events, maxProcs: 1);

    [Fact]
    public void On_the_step_clock_each_event_is_one_step()
    {
        var figure = Charts.Timeline(InstantRun(), ChartClock.Steps);

        var bars = Json.Bars(figure);
        Assert.Equal([("G1", 0, 3), ("G3", 4, 1), ("G2", 6, 1)], bars.Select(b => (b.G, b.Start, b.Length)).ToArray());
        Assert.Equal("scheduler step (event number)", Json.XTitle(figure));
        var g3 = Json.Trace(figure, bars[1].Trace);
        Assert.Contains("start step %{customdata[0]}, lasted %{customdata[2]} steps", g3.GetProperty("hovertemplate").GetString());
    }

    [Fact]
    public void When_runs_take_no_time_the_caption_points_to_the_step_clock()
    {
        Assert.EndsWith("chart it with ChartClock.Steps to see them.", Charts.Timeline(InstantRun()).Caption);
        Assert.DoesNotContain("ChartClock.Steps", Charts.Timeline(InstantRun(), ChartClock.Steps).Caption);
    }

    [Fact]
    public void Charts_over_time_count_steps_too()
    {
        var run = InstantRun();

        var queue = Json.Trace(Charts.RunQueues(run, ChartClock.Steps), "P0 local queue");
        Assert.Equal([0, 2, 6, 8], Json.Numbers(queue.GetProperty("x")));
        Assert.Equal([0, 1, 0, 0], Json.Numbers(queue.GetProperty("y")));
        var running = Json.Trace(Charts.GoroutineStates(run, ChartClock.Steps), "running");
        Assert.Equal([0, 1, 2, 3, 4, 5, 6, 7, 8], Json.Numbers(running.GetProperty("x")));
        Assert.Equal("scheduler step (event number)", Json.XTitle(Charts.Threads(run, ChartClock.Steps)));
        Assert.Equal("scheduler step (event number)", Json.XTitle(Charts.ThreadTimeline(run, ChartClock.Steps)));
    }
}
