using System.Linq;
using Goroutines;
using Goroutines.Workbook.Testing;

namespace Goroutines.Workbook.Tests;

public class TimelineTests
{
    // G1 runs, blocks, G2 and G3 run on two Ps, G1 comes back; G2 is still running when the run ends.
    private static RunResult TwoPsRun() => RunResultFactory.Create(new EventScript(procs: 2)
        .At(0, EventKind.GoStart, p: 0, g: 1, reason: "main goroutine starts")
        .At(1_000, EventKind.GoBlock, p: 0, g: 1)
        .At(1_500, EventKind.GoStart, p: 0, g: 2, reason: "runnext: G2 was created by G1")
        .At(2_000, EventKind.GoStart, p: 1, g: 3, reason: "P1 stole G3 from P0")
        .At(3_000, EventKind.GoSyscallBegin, p: 1, g: 3)
        .At(4_000, EventKind.GoStop, p: 0, g: 2)
        .At(4_500, EventKind.GoStart, p: 0, g: 1, reason: "G1 was readied")
        .At(5_000, EventKind.GoStart, p: 1, g: 2, reason: "P1 took G2 from the global queue")
        .At(6_000, EventKind.GoDestroy, p: 0, g: 1)
        .At(7_000, EventKind.RunEnd)
        .Events, maxProcs: 2);

    [Fact]
    public void There_is_one_bar_per_span_in_one_trace_per_goroutine()
    {
        var figure = Charts.Timeline(TwoPsRun());

        var data = Json.Of(figure).GetProperty("data");
        Assert.Equal(["G1", "G2", "G3"], data.EnumerateArray().Select(t => t.GetProperty("name").GetString()!).ToArray());
        Assert.All(data.EnumerateArray(), t => Assert.Equal("bar", t.GetProperty("type").GetString()));
        Assert.Equal(5, data.EnumerateArray().Sum(t => t.GetProperty("x").GetArrayLength()));
    }

    [Fact]
    public void Bars_start_and_last_as_the_goroutine_ran_in_microseconds()
    {
        var figure = Charts.Timeline(TwoPsRun());

        var g1 = Json.Trace(figure, "G1");
        Assert.Equal("h", g1.GetProperty("orientation").GetString());
        Assert.Equal(["P0", "P0"], Json.Strings(g1.GetProperty("y")));
        Assert.Equal([0, 4.5], Json.Numbers(g1.GetProperty("base")));
        Assert.Equal([1, 1.5], Json.Numbers(g1.GetProperty("x")));
        var g2 = Json.Trace(figure, "G2");
        Assert.Equal(["P0", "P1"], Json.Strings(g2.GetProperty("y")));
        Assert.Equal([1.5, 5], Json.Numbers(g2.GetProperty("base")));
        Assert.Equal([2.5, 2], Json.Numbers(g2.GetProperty("x")));
    }

    [Fact]
    public void Hover_shows_start_duration_and_the_reason_of_the_GoStart()
    {
        var g3 = Json.Trace(Charts.Timeline(TwoPsRun()), "G3");

        var custom = g3.GetProperty("customdata")[0];
        Assert.Equal(2, custom[0].GetDouble());
        Assert.Equal(3, custom[1].GetDouble());
        Assert.Equal(1, custom[2].GetDouble());
        Assert.Equal("P1 stole G3 from P0", custom[3].GetString());
        var hover = g3.GetProperty("hovertemplate").GetString()!;
        Assert.Contains("%{text}", hover);
        Assert.Contains("%{customdata[0]", hover);
        Assert.Contains("%{customdata[2]", hover);
        Assert.Contains("%{customdata[3]}", hover);
    }

    [Fact]
    public void Each_bar_is_labelled_with_its_G_and_each_G_has_its_own_colour()
    {
        var figure = Charts.Timeline(TwoPsRun());

        foreach (var name in new[] { "G1", "G2", "G3" })
        {
            var trace = Json.Trace(figure, name);
            Assert.All(Json.Strings(trace.GetProperty("text")), label => Assert.Equal(name, label));
            Assert.Equal("inside", trace.GetProperty("textposition").GetString());
        }
        var colours = new[] { "G1", "G2", "G3" }
            .Select(n => Json.Trace(figure, n).GetProperty("marker").GetProperty("color").GetString())
            .ToList();
        Assert.Equal(3, colours.Distinct().Count());
    }

    [Fact]
    public void Rows_are_the_Ps_in_order_and_bars_overlay_in_their_row()
    {
        var layout = Json.Of(Charts.Timeline(TwoPsRun())).GetProperty("layout");

        var y = layout.GetProperty("yaxis");
        Assert.Equal(["P0", "P1"], Json.Strings(y.GetProperty("categoryarray")));
        Assert.Equal("reversed", y.GetProperty("autorange").GetString());
        Assert.Equal("P (logical processor)", y.GetProperty("title").GetProperty("text").GetString());
        Assert.Equal("time (µs)", layout.GetProperty("xaxis").GetProperty("title").GetProperty("text").GetString());
        Assert.Equal("overlay", layout.GetProperty("barmode").GetString());
        Assert.Equal("Which goroutine ran on each P", layout.GetProperty("title").GetProperty("text").GetString());
    }

    [Fact]
    public void The_caption_says_what_to_see_and_counts_the_runs()
    {
        var caption = Charts.Timeline(TwoPsRun()).Caption;

        Assert.StartsWith("Each bar is a goroutine (G) running on a P", caption);
        Assert.Contains("5 runs of 3 goroutines on 2 Ps", caption);
        Assert.DoesNotContain("\n", caption);
    }

    // n goroutines, each running once on P0 for 1 µs, one after another.
    private static RunResult ManyGoroutines(int n)
    {
        var script = new EventScript(procs: 1);
        for (var g = 1; g <= n; g++)
            script.At(g * 2_000, EventKind.GoStart, p: 0, g: g).At(g * 2_000 + 1_000, EventKind.GoDestroy, p: 0, g: g);
        return RunResultFactory.Create(script.At(n * 2_000 + 2_000, EventKind.RunEnd).Events, maxProcs: 1);
    }

    [Fact]
    public void With_many_goroutines_bars_share_one_trace_per_colour_keep_their_labels_and_the_legend_hides()
    {
        var figure = Charts.Timeline(ManyGoroutines(30));

        var data = Json.Of(figure).GetProperty("data");
        Assert.Equal(Palette.Count, data.GetArrayLength());
        var labels = data.EnumerateArray().SelectMany(t => Json.Strings(t.GetProperty("text"))).Order().ToList();
        Assert.Equal(Enumerable.Range(1, 30).Select(g => $"G{g}").Order().ToList(), labels);
        Assert.False(Json.Layout(figure).GetProperty("showlegend").GetBoolean());
        Assert.Contains("30 runs of 30 goroutines", figure.Caption);
    }

    [Fact]
    public void A_huge_run_draws_the_first_bars_and_says_so()
    {
        var figure = Charts.Timeline(ManyGoroutines(Charts.MaxTimelineBars + 10));

        var bars = Json.Of(figure).GetProperty("data").EnumerateArray().Sum(t => t.GetProperty("x").GetArrayLength());
        Assert.Equal(Charts.MaxTimelineBars, bars);
        Assert.Contains($"Only the first {Charts.MaxTimelineBars} of {Charts.MaxTimelineBars + 10} bars", Json.Notes(figure).Single());
    }

    [Fact]
    public void A_run_without_events_gives_an_empty_chart_that_says_why()
    {
        var figure = Charts.Timeline(RunResultFactory.Create([], maxProcs: 2));

        Assert.Empty(Json.Traces(figure));
        Assert.Contains("RecordEvents", Json.Notes(figure).Single());
        Assert.Equal("No goroutine ran: there is nothing to draw.", figure.Caption);
    }

    [Fact]
    public void Dropped_events_are_noted_on_the_chart()
    {
        var run = RunResultFactory.Create(new EventScript(1).At(0, EventKind.GoStart, p: 0, g: 1).Events, maxProcs: 1, droppedEvents: 42);

        var note = Json.Notes(Charts.Timeline(run)).Single();

        Assert.Contains("42 more were dropped", note);
    }
}
