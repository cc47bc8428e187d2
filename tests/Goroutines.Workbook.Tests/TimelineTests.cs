using System.Linq;
using Goroutines;

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
    public void There_is_one_bar_per_span_in_one_trace_per_way_a_span_ended()
    {
        var figure = Charts.Timeline(TwoPsRun());

        // G1 blocked, then exited; G2 was stopped (yielded), then still ran at the end; G3 entered a syscall.
        Assert.Equal(["blocked", "yielded or preempted", "entered a syscall", "exited", "still running at the end"], Json.Names(figure));
        Assert.All(Json.Traces(figure), t => Assert.Equal("bar", t.GetProperty("type").GetString()));
        Assert.Equal(["G1", "G2", "G3", "G1", "G2"], Json.Bars(figure).Select(b => b.G).ToArray());
        Assert.Equal(["blocked", "yielded or preempted", "entered a syscall", "exited", "still running at the end"],
            Json.Bars(figure).Select(b => b.Trace).ToArray());
    }

    [Fact]
    public void Bars_start_and_last_as_the_goroutine_ran_in_microseconds()
    {
        var bars = Json.Bars(Charts.Timeline(TwoPsRun()));

        Assert.Equal("h", Json.Traces(Charts.Timeline(TwoPsRun()))[0].GetProperty("orientation").GetString());
        Assert.Equal([("G1", "P0", 0, 1), ("G2", "P0", 1.5, 2.5), ("G3", "P1", 2, 1), ("G1", "P0", 4.5, 1.5), ("G2", "P1", 5, 2)],
            bars.Select(b => (b.G, b.Row, b.Start, b.Length)).ToArray());
    }

    [Fact]
    public void Hover_names_the_goroutine_its_times_the_rule_that_ran_it_and_what_ended_it()
    {
        var figure = Charts.Timeline(TwoPsRun());
        var g3 = Json.Bars(figure).Single(b => b.G == "G3");

        Assert.Equal(2, g3.CustomData[0].GetDouble());
        Assert.Equal(3, g3.CustomData[1].GetDouble());
        Assert.Equal(1, g3.CustomData[2].GetDouble());
        Assert.Equal("P1 stole G3 from P0", g3.CustomData[3].GetString());
        Assert.StartsWith("GoSyscallBegin", g3.CustomData[4].GetString());
        var hover = Json.Trace(figure, g3.Trace).GetProperty("hovertemplate").GetString()!;
        Assert.StartsWith("<b>%{text}</b> on %{y}", hover);
        Assert.Contains("start %{customdata[0]:.2f} µs", hover);
        Assert.Contains("lasted %{customdata[2]:.2f} µs", hover);
        Assert.Contains("ran because: %{customdata[3]}", hover);
        Assert.Contains("ended by: %{customdata[4]}", hover);
    }

    [Fact]
    public void Each_bar_is_labelled_with_its_G_each_ending_has_its_own_colour_and_thin_bars_lose_their_label()
    {
        var figure = Charts.Timeline(TwoPsRun());

        foreach (var trace in Json.Traces(figure))
            Assert.Equal("inside", trace.GetProperty("textposition").GetString());
        var colours = Json.Traces(figure).Select(t => t.GetProperty("marker").GetProperty("color").GetString()).ToList();
        Assert.Equal(colours.Count, colours.Distinct().Count());
        var uniform = Json.Layout(figure).GetProperty("uniformtext");
        Assert.Equal("hide", uniform.GetProperty("mode").GetString()); // plotly drops a label that does not fit at minsize
        Assert.True(uniform.GetProperty("minsize").GetDouble() >= 9);
    }

    [Fact]
    public void The_legend_is_one_row_above_the_plot()
    {
        var layout = Json.Layout(Charts.Timeline(TwoPsRun()));

        Assert.True(layout.GetProperty("showlegend").GetBoolean());
        Assert.Equal("h", layout.GetProperty("legend").GetProperty("orientation").GetString());
        Assert.Equal("bottom", layout.GetProperty("legend").GetProperty("yanchor").GetString());
        Assert.True(layout.GetProperty("legend").GetProperty("y").GetDouble() >= 1);
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

        Assert.StartsWith("Each bar is a goroutine (G) running on a P, coloured by how it stopped", caption);
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
    public void With_many_goroutines_colours_do_not_repeat_per_goroutine_and_every_bar_keeps_its_label()
    {
        var figure = Charts.Timeline(ManyGoroutines(30));

        Assert.Equal(["exited"], Json.Names(figure)); // one colour for all thirty: how they ended

        Assert.Equal(Enumerable.Range(1, 30).Select(g => $"G{g}").ToArray(), Json.Bars(figure).Select(b => b.G).ToArray());
        Assert.True(Json.Layout(figure).GetProperty("showlegend").GetBoolean());
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
