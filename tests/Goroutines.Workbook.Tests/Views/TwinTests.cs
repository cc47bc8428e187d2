using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;

namespace Goroutines.Workbook.Tests.GmpViews;

/// <summary>Twin runs: one program twice on the Lockstep clock, one knob changed, the first scheduler decision that differs.</summary>
public class TwinTests
{
    private static Twin TwoPsAgainstOne(ChartClock clock = ChartClock.Time) =>
        Views.Twin(TwinPrograms.FourWorkers, TwinPrograms.Options, o => o with { MaxProcs = 1 }, clock);

    [Fact]
    public void The_same_program_and_options_make_no_difference_and_the_view_says_so()
    {
        var twin = Views.Twin(TwinPrograms.FourWorkers, TwinPrograms.Options, o => o);

        Assert.False(twin.Differs);
        Assert.Null(twin.FirstDifference);
        Assert.Equal(twin.A.Events.Count, twin.B.Events.Count);
        Assert.StartsWith("no difference: the same program with the same options and seed, the two runs made the same "
                          + $"{twin.A.Events.Count} scheduler decisions", twin.Sentence);
        var html = twin.ToHtml();
        Assert.Contains("data-first-difference=\"none\"", html);
        Assert.Contains("no difference:", html);
        Assert.False(Json.Layout(twin.Timelines).TryGetProperty("shapes", out _));
        Assert.Contains("nothing is marked", PlotlyParts.CaptionOf(twin.Timelines));
    }

    [Fact]
    public void Two_Ps_against_one_first_differ_where_the_second_P_gets_a_thread()
    {
        var twin = TwoPsAgainstOne();

        var d = twin.FirstDifference!;
        Assert.Equal(("with 2 Ps", "with 1 P"), (twin.LabelA, twin.LabelB));
        Assert.Equal(7, d.Step);
        // With 2 Ps: main's first `go` wakes a P, and P1 gets a new thread M2 for it.
        Assert.Equal((EventKind.ThreadStart, 1, 2), (d.A!.Kind, d.A.P, d.A.M));
        // With 1 P: nothing to wake; main goes on and makes G7, which takes runnext on P0.
        Assert.Equal((EventKind.GoCreate, 0, 7L), (d.B!.Kind, d.B.P, d.B.G));
        Assert.StartsWith("step 7: with 2 Ps, newm: no idle M could take P1, so a new OS thread M2 starts for it (ThreadStart on P1); "
                          + "with 1 P, runnext: G7 was created by G1", twin.Sentence);
        // Step 0 (procresize) only restates MaxProcs; the steps between are the same decisions.
        Assert.Equal((2L, 1L), (twin.A.Events[0].Arg, twin.B.Events[0].Arg));
        Assert.All(Enumerable.Range(1, 6), i => Assert.True(TwinComparison.SameDecision(twin.A.Events[i], twin.B.Events[i])));
    }

    [Fact]
    public void Async_preemption_off_against_on_first_differs_at_the_hogs_preemption()
    {
        var off = TwinPrograms.Options with { MaxProcs = 1, AsyncPreemption = false };

        var twin = Views.Twin(TwinPrograms.CpuHog, off, o => o with { AsyncPreemption = true });

        var d = twin.FirstDifference!;
        Assert.Equal(("with no async preemption", "with async preemption"), (twin.LabelA, twin.LabelB));
        Assert.Equal(11, d.Step);
        // Both runs saw sysmon ask the hog G7 to stop (step 10); only with async preemption does it stop.
        Assert.All(new[] { twin.A, twin.B }, run => Assert.Equal((EventKind.Preempt, 7L), (run.Events[10].Kind, run.Events[10].G)));
        Assert.Equal((EventKind.GoStop, 7L, "preempted"), (d.B!.Kind, d.B.G, d.B.Detail));
        Assert.Equal((EventKind.GoDestroy, 7L), (d.A!.Kind, d.A.G));
        Assert.True(d.B.TimeNs < d.A.TimeNs);
        Assert.Contains("with async preemption, preempted: G7 reached a safe point", twin.Sentence);
        // The preempted bar exists only in the lower panel; its colour is in the legend all the same, once.
        var legend = Json.Traces(twin.Timelines).Where(t => t.GetProperty("showlegend").GetBoolean()).Select(t => t.GetProperty("name").GetString()).ToArray();
        Assert.Contains("yielded or preempted", legend);
        Assert.Equal(legend.Distinct().Count(), legend.Length);
    }

    [Fact]
    public void Two_programs_are_a_knob_too_a_buffer_lets_main_send_without_blocking()
    {
        var twin = Views.Twin(
            ("with an unbuffered channel", () => TwinPrograms.Pipeline(0)),
            ("with a buffer of 3", () => TwinPrograms.Pipeline(3)),
            TwinPrograms.Options);

        var d = twin.FirstDifference!;
        Assert.Equal(12, d.Step);
        Assert.Equal((EventKind.GoBlock, 1L, "chan send"), (d.A!.Kind, d.A.G, d.A.Detail));
        Assert.Equal((EventKind.GoBlock, 1L, "chan receive"), (d.B!.Kind, d.B.G, d.B.Detail));
        Assert.StartsWith("step 12: with an unbuffered channel, gopark: G1 blocks (chan send)", twin.Sentence);
        Assert.Equal(twin.A.Output, twin.B.Output);
    }

    [Fact]
    public void The_same_twin_twice_gives_the_same_difference_and_sentence()
    {
        var first = TwoPsAgainstOne();
        var second = TwoPsAgainstOne();

        Assert.Equal(first.FirstDifference!.Step, second.FirstDifference!.Step);
        Assert.Equal(first.Sentence, second.Sentence);
        Assert.Equal(first.A.Events.Select(e => (e.Kind, e.G, e.P, e.M, e.TimeNs)), second.A.Events.Select(e => (e.Kind, e.G, e.P, e.M, e.TimeNs)));
    }

    [Fact]
    public void A_run_that_deadlocks_is_compared_too_and_its_panel_says_how_it_ended()
    {
        var twin = Views.Twin(
            ("with an unbuffered channel", () => TwinPrograms.SendThenReceive(0)),
            ("with a buffer of 1", () => TwinPrograms.SendThenReceive(1)),
            TwinPrograms.Options);

        Assert.Equal(Outcome.Deadlock, twin.A.Outcome);
        Assert.Equal(Outcome.Completed, twin.B.Outcome);
        Assert.Equal((EventKind.GoBlock, 1L, "chan send"), (twin.FirstDifference!.A!.Kind, twin.FirstDifference.A.G, twin.FirstDifference.A.Detail));
        Assert.NotEqual(EventKind.GoBlock, twin.FirstDifference.B!.Kind);
        Assert.Contains("top: with an unbuffered channel (Deadlock)", Json.Notes(twin.Timelines));
    }

    [Fact]
    public void The_html_has_the_sentence_both_timelines_on_one_axis_and_the_mark()
    {
        var twin = TwoPsAgainstOne();

        var html = twin.ToHtml();
        var layout = Json.Layout(twin.Timelines);
        var traces = Json.Traces(twin.Timelines);

        Assert.Contains("data-first-difference=\"7\"", html);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(twin.Sentence), html);
        Assert.Contains("Plotly.newPlot", html);
        Assert.Contains("class=\"twin-first-difference\"", html);
        // Run A's bars on the top panel (y), run B's on the bottom one (y2), both on the one x axis.
        var bottom = traces.Where(t => t.TryGetProperty("yaxis", out var y) && y.GetString() == "y2").ToArray();
        Assert.NotEmpty(bottom);
        Assert.True(traces.Length > bottom.Length);
        Assert.Contains("P1", traces.Except(bottom).SelectMany(t => Json.Strings(t.GetProperty("y"))));
        Assert.DoesNotContain("P1", bottom.SelectMany(t => Json.Strings(t.GetProperty("y"))));
        Assert.Equal(0.56, layout.GetProperty("yaxis").GetProperty("domain")[0].GetDouble());
        Assert.Equal(0.44, layout.GetProperty("yaxis2").GetProperty("domain")[1].GetDouble());
        Assert.DoesNotContain(traces, t => t.TryGetProperty("xaxis", out var x) && x.GetString() != "x");
        // A dashed line in each panel at the differing event's time, and a note naming the step.
        var shapes = layout.GetProperty("shapes").EnumerateArray().ToArray();
        Assert.Equal(2, shapes.Length);
        Assert.Equal(twin.FirstDifference!.A!.TimeNs / 1000.0, shapes[0].GetProperty("x0").GetDouble());
        Assert.Equal(twin.FirstDifference.B!.TimeNs / 1000.0, shapes[1].GetProperty("x0").GetDouble());
        Assert.All(shapes, s => Assert.Equal("dash", s.GetProperty("line").GetProperty("dash").GetString()));
        Assert.Contains("first difference (step 7)", Json.Notes(twin.Timelines));
        Assert.Contains("top: with 2 Ps (Completed)", Json.Notes(twin.Timelines));
        Assert.Contains("below: with 1 P (Completed)", Json.Notes(twin.Timelines));
    }

    [Fact]
    public void On_the_steps_clock_both_marks_are_at_the_step_of_the_difference()
    {
        var shapes = Json.Layout(TwoPsAgainstOne(ChartClock.Steps).Timelines).GetProperty("shapes").EnumerateArray();

        Assert.All(shapes, s => Assert.Equal(7.0, s.GetProperty("x0").GetDouble()));
    }

    [Fact]
    public void A_notebook_displays_a_twin_as_html_and_as_its_sentence_in_text()
    {
        var twin = TwoPsAgainstOne();

        Assert.Contains("class=\"goroutines-twin\"", Formatter.ToDisplayString(twin, "text/html"));
        Assert.Contains("step 7: with 2 Ps", Formatter.ToDisplayString(twin, "text/plain"));
    }

    [Fact]
    public void Parallel_mode_is_refused_with_a_message_that_says_to_use_Lockstep()
    {
        var parallel = new RunOptions { MaxProcs = 2, Seed = 7 };

        var first = Assert.Throws<BadArgumentException>(() => Views.Twin(TwinPrograms.FourWorkers, parallel, o => o with { MaxProcs = 1 }));
        var second = Assert.Throws<BadArgumentException>(() => Views.Twin(TwinPrograms.FourWorkers, TwinPrograms.Options, o => o with { Lockstep = false }));
        var programs = Assert.Throws<BadArgumentException>(() => Views.Twin(("a", TwinPrograms.FourWorkers), ("b", TwinPrograms.CpuHog), parallel));

        Assert.All(new[] { first, second, programs }, e => Assert.Contains("Lockstep clock only", e.Message));
        Assert.Contains("Lockstep = true", first.Message);
    }

    [Fact]
    public void Bad_input_gets_a_message_that_says_what_to_pass()
    {
        var noMain = Assert.Throws<ArgumentNullException>(() => Views.Twin(null!, TwinPrograms.Options, o => o with { MaxProcs = 1 }));
        Assert.Contains("Pass the program to run twice", noMain.Message);
        var seed = Assert.Throws<BadArgumentException>(() => Views.Twin(TwinPrograms.FourWorkers, TwinPrograms.Options, o => o with { Seed = 8 }));
        Assert.Contains("same seed", seed.Message);
        var noEvents = Assert.Throws<BadArgumentException>(() => Views.Twin(TwinPrograms.FourWorkers, TwinPrograms.Options, o => o with { RecordEvents = false }));
        Assert.Contains("RecordEvents", noEvents.Message);
        Assert.Throws<ArgumentException>(() => Views.Twin(TwinPrograms.FourWorkers, TwinPrograms.Options, _ => null!));
        Assert.Throws<ArgumentException>(() => Views.Twin(("same", TwinPrograms.FourWorkers), ("same", TwinPrograms.CpuHog), TwinPrograms.Options));
        Assert.Throws<ArgumentNullException>(() => Views.Twin(("a", TwinPrograms.FourWorkers), ("b", null!), TwinPrograms.Options));
    }

    [Fact]
    public async Task A_CSharp_kernel_takes_both_ways_a_student_writes_a_twin_and_shows_it_as_html()
    {
        using var kernel = new CSharpKernel();
        await kernel.SubmitCodeAsync($"#r \"{typeof(Runtime).Assembly.Location}\"\n#r \"{typeof(Views).Assembly.Location}\"\n"
                                     + "using Goroutines; using Goroutines.Workbook; using static Goroutines.Runtime;");
        await kernel.SubmitCodeAsync("async System.Threading.Tasks.Task Pipeline(int buffer) { var ch = new Chan<int>(buffer); Go(async () => { for (var i = 0; i < 3; i++) await ch.Recv(); }); "
                                     + "for (var i = 0; i < 3; i++) await ch.Send(i); }");
        var options = await kernel.SubmitCodeAsync("var options = new RunOptions { Lockstep = true, Seed = 7, MaxProcs = 2 };\n"
                                                   + "Views.Twin(() => Pipeline(0), options, o => o with { MaxProcs = 1 })");
        var programs = await kernel.SubmitCodeAsync("Views.Twin((\"with an unbuffered channel\", () => Pipeline(0)), (\"with a buffer of 3\", () => Pipeline(3)), options)");

        foreach (var (result, sentence) in new[] { (options, "with 2 Ps, "), (programs, "with an unbuffered channel, ") })
        {
            Assert.DoesNotContain(result.Events, e => e is CommandFailed);
            var html = result.Events.OfType<ReturnValueProduced>().Single().FormattedValues.Single(v => v.MimeType == "text/html").Value;
            Assert.Contains("class=\"goroutines-twin\"", html);
            Assert.Contains(sentence, html);
        }
    }
}
