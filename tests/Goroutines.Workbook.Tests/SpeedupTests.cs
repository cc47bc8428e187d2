using System;
using Goroutines;

namespace Goroutines.Workbook.Tests;

public class SpeedupTests
{
    // A run of `procs` Ps that ended at `endNs`.
    private static RunResult Run(int procs, long endNs, bool lockstep = true) =>
        RunResultFactory.Create(new EventScript(procs).At(0, EventKind.GoStart, p: 0, g: 1).At(endNs, EventKind.RunEnd).Events, procs, lockstep: lockstep);

    [Fact]
    public void Speedup_is_the_time_with_the_fewest_Ps_over_the_time_with_more()
    {
        var figure = Charts.Speedup([Run(2, 50_000), Run(1, 100_000), Run(4, 40_000)]);

        var measured = Json.Trace(figure, "measured");
        Assert.Equal([1, 2, 4], Json.Numbers(measured.GetProperty("x")));
        Assert.Equal([1, 2, 2.5], Json.Numbers(measured.GetProperty("y")));
        Assert.Equal(["1.00×", "2.00×", "2.50×"], Json.Strings(measured.GetProperty("text")));
        var ideal = Json.Trace(figure, "ideal");
        Assert.Equal([1, 2, 4], Json.Numbers(ideal.GetProperty("y")));
    }

    [Fact]
    public void Several_runs_with_the_same_Ps_count_by_their_median()
    {
        var figure = Charts.Speedup([Run(1, 100_000), Run(2, 40_000), Run(2, 50_000), Run(2, 1_000_000)]);

        Assert.Equal([1, 2], Json.Numbers(Json.Trace(figure, "measured").GetProperty("y")));
    }

    [Fact]
    public void The_runtime_start_up_before_main_starts_is_left_out()
    {
        var slowStart = RunResultFactory.Create(new EventScript(1)
            .At(0, EventKind.ProcsChange)
            .At(50_000, EventKind.GoStart, p: 0, g: 1)
            .At(150_000, EventKind.RunEnd).Events, maxProcs: 1);

        var figure = Charts.Speedup([slowStart, Run(2, 50_000)]);

        Assert.Equal([1, 2], Json.Numbers(Json.Trace(figure, "measured").GetProperty("y")));
    }

    [Fact]
    public void It_has_a_title_axis_titles_and_a_caption()
    {
        var figure = Charts.Speedup([Run(1, 100), Run(2, 60)]);

        Assert.Equal("Speedup against GOMAXPROCS", Json.Title(figure));
        Assert.Equal("GOMAXPROCS (number of Ps)", Json.XTitle(figure));
        Assert.Equal("speedup on virtual time (× as fast as with 1 P)", Json.YTitle(figure));
        Assert.StartsWith("The dashed line is perfect scaling", figure.Caption);
    }

    [Fact]
    public void The_caption_of_Lockstep_runs_says_virtual_time_is_not_limited_by_the_cores()
    {
        var figure = Charts.Speedup([Run(1, 100_000), Run(2, 50_000), Run(Environment.ProcessorCount * 2, 26_000)]);

        Assert.Contains("Lockstep runs timed on virtual time, which this machine's cores do not limit", figure.Caption);
        Assert.DoesNotContain("fewer cores", figure.Caption);
        Assert.Contains("µs of virtual time", Json.Trace(figure, "measured").GetProperty("hovertemplate").GetString());
    }

    [Fact]
    public void The_caption_of_Parallel_runs_names_the_wall_clock_and_the_cores_only_when_Ps_outnumber_them()
    {
        var cores = Environment.ProcessorCount;

        var beyond = Charts.Speedup([Run(1, 100_000, lockstep: false), Run(cores * 2, 60_000, lockstep: false)]);
        var within = Charts.Speedup([Run(1, 100_000, lockstep: false), Run(cores, 60_000, lockstep: false)]);

        Assert.Contains("Parallel runs timed on the wall clock", beyond.Caption);
        Assert.Contains($"above {cores} Ps because this machine has only {cores} cores", beyond.Caption);
        Assert.DoesNotContain("only", within.Caption);
        Assert.Equal("speedup on the wall clock (× as fast as with 1 P)", Json.YTitle(within));
    }

    [Fact]
    public void A_lazy_sequence_of_runs_is_run_once()
    {
        var made = 0;
        var runs = new[] { 1, 2 }.Select(p => { made++; return Run(p, 100_000 / p); });

        Charts.Speedup(runs);

        Assert.Equal(2, made);
    }

    [Fact]
    public void No_runs_is_an_error_that_says_what_to_pass()
    {
        var error = Assert.Throws<ArgumentException>(() => Charts.Speedup([]));

        Assert.Contains("MaxProcs = 1, 2 and 4", error.Message);
    }
}
