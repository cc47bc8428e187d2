using Goroutines;

namespace Goroutines.Workbook.Tests;

public class GoroutineStatesTests
{
    // G1 creates G2, blocks; G2 runs, enters a syscall, comes back, readies G1 and exits; G1 runs again.
    private static RunResult Run() => RunResultFactory.Create(new EventScript(procs: 1)
        .At(0, EventKind.GoStart, p: 0, g: 1)
        .At(100, EventKind.GoCreate, p: 0, g: 2)
        .At(200, EventKind.GoBlock, p: 0, g: 1)
        .At(300, EventKind.GoStart, p: 0, g: 2)
        .At(400, EventKind.GoSyscallBegin, p: 0, g: 2)
        .At(600, EventKind.GoSyscallEnd, p: 0, g: 2)
        .At(700, EventKind.GoUnblock, p: 0, g: 1)
        .At(800, EventKind.GoDestroy, p: 0, g: 2)
        .At(900, EventKind.GoStart, p: 0, g: 1)
        .At(1_000, EventKind.RunEnd)
        .Events, maxProcs: 1);

    [Fact]
    public void Each_state_is_counted_over_time()
    {
        var figure = Charts.GoroutineStates(Run());

        Assert.Equal([1, 1, 0, 1, 0, 1, 1, 0, 1, 1], Json.Numbers(Json.Trace(figure, "running").GetProperty("y")));
        Assert.Equal([0, 1, 1, 0, 0, 0, 1, 1, 0, 0], Json.Numbers(Json.Trace(figure, "runnable").GetProperty("y")));
        Assert.Equal([0, 0, 0, 0, 1, 0, 0, 0, 0, 0], Json.Numbers(Json.Trace(figure, "in syscall").GetProperty("y")));
        Assert.Equal([0, 0, 1, 1, 1, 1, 0, 0, 0, 0], Json.Numbers(Json.Trace(figure, "waiting").GetProperty("y")));
    }

    [Fact]
    public void All_states_share_the_same_times_so_they_stack()
    {
        var figure = Charts.GoroutineStates(Run());

        Assert.All(new[] { "running", "runnable", "in syscall", "waiting" }, name =>
            Assert.Equal([0, 0.1, 0.2, 0.3, 0.4, 0.6, 0.7, 0.8, 0.9, 1], Json.Numbers(Json.Trace(figure, name).GetProperty("x"))));
    }

    [Fact]
    public void The_states_are_stacked_step_areas_with_a_title_axes_and_caption()
    {
        var figure = Charts.GoroutineStates(Run());

        Assert.All(new[] { "running", "runnable", "in syscall", "waiting" }, name =>
        {
            var trace = Json.Trace(figure, name);
            Assert.Equal("states", trace.GetProperty("stackgroup").GetString());
            Assert.Equal("hv", trace.GetProperty("line").GetProperty("shape").GetString());
        });
        Assert.Equal("Goroutines by state", Json.Title(figure));
        Assert.Equal("time (µs)", Json.XTitle(figure));
        Assert.Equal("goroutines (count)", Json.YTitle(figure));
        Assert.StartsWith("Running can never exceed GOMAXPROCS", figure.Caption);
    }
}
