using System;
using System.Collections.Generic;
using System.Linq;
using Plotly.NET;
using static Goroutines.Workbook.PlotlyParts;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace Goroutines.Workbook;

public static partial class Charts
{
    /// <summary>
    /// Which goroutine ran on which P, and when: one row per P, one bar per stretch a G ran there, labelled with the
    /// G's id (where the bar is wide enough) and coloured by how the stretch ended (blocked, yielded, syscall, exited).
    /// Hover shows the G, the start, the duration, the rule that ran it and the event that ended it.
    /// </summary>
    public static GenericChart Timeline(RunResult run, ChartClock clock = ChartClock.Time)
    {
        ArgumentNullException.ThrowIfNull(run);
        var scale = ChartScale.For(clock);
        var spans = GSpan.FromEvents(scale.Events(run)).Where(s => !s.InSyscall).ToList();
        var count = Math.Max(run.Options.MaxProcs, spans.Count == 0 ? 0 : spans.Max(s => s.P) + 1);
        var rows = Enumerable.Range(0, count).Select(p => $"P{p}").ToList();
        var goroutines = spans.Select(s => s.G).Distinct().Count();
        var data = SpanBars(spans.Take(MaxTimelineBars).ToList(), s => $"P{s.P}", scale);

        var caption = spans.Count == 0
            ? "No goroutine ran: there is nothing to draw."
            : $"Each bar is a goroutine (G) running on a P, coloured by how it stopped: it blocked, yielded, entered a syscall or exited; "
              + $"gaps are idle Ps. {Count(spans.Count, "run")} of {Count(goroutines, "goroutine")} on {Count(rows.Count, "P")}.";
        var layout = TimelineLayout(run, "Which goroutine ran on each P", "P (logical processor)", rows, spans.Count, scale);
        return Make(data, layout, caption + StepsHint(spans, clock));
    }

    /// <summary>
    /// Which goroutine ran on which OS thread (M), and when: one row per M, with hatched bars for the time
    /// a goroutine spent in a syscall, holding its thread but not a P.
    /// </summary>
    public static GenericChart ThreadTimeline(RunResult run, ChartClock clock = ChartClock.Time)
    {
        ArgumentNullException.ThrowIfNull(run);
        var scale = ChartScale.For(clock);
        var spans = GSpan.FromEvents(scale.Events(run)).Where(s => s.M >= 0).ToList();
        var threads = run.Events.Where(e => e.Kind == EventKind.ThreadStart && e.M >= 0).Select(e => e.M)
            .Concat(spans.Select(s => s.M))
            .Distinct()
            .Order()
            .ToList();
        var rows = threads.Select(m => $"M{m}").ToList();
        var data = SpanBars(spans.Take(MaxTimelineBars).ToList(), s => $"M{s.M}", scale);

        var syscalls = spans.Count(s => s.InSyscall);
        var caption = spans.Count == 0
            ? "No goroutine ran: there is nothing to draw."
            : $"Each row is an OS thread; plain bars are goroutines running on it, hatched bars goroutines blocked in a syscall, "
              + $"holding the thread but not a P. {Count(syscalls, "syscall")} on {Count(rows.Count, "thread")}.";
        var layout = TimelineLayout(run, "Which goroutine ran on each OS thread (M)", "M (OS thread)", rows, spans.Count, scale);
        return Make(data, layout, caption + StepsHint(spans, clock));
    }

    /// <summary>A timeline draws at most this many bars (the first ones); a browser slows down past that.</summary>
    public const int MaxTimelineBars = 5_000;

    // Bars on the rows given by `row`, labelled with their G: one trace per way a stretch ended, so colour and legend
    // mean the same on every run however many goroutines it has, and the G is in the label and the hover text.
    private static List<GenericChart> SpanBars(IReadOnlyList<GSpan> spans, Func<GSpan, string> row, ChartScale scale)
    {
        var data = new List<GenericChart>();
        foreach (var group in spans.GroupBy(SpanEnding.Of).OrderBy(group => group.Key.Order))
        {
            var list = group.ToList();
            var ending = group.Key;
            var bars = CSharpChart.Bar<double, string, string>(
                list.Select(s => scale.X(s.EndNs) - scale.X(s.StartNs)),
                Keys: list.Select(row).ToList(),
                Name: ending.Name,
                MultiText: list.Select(s => $"G{s.G}").ToList(),
                MarkerColor: Colour(ending.Colour),
                MarkerOutline: Set(new Line(), ("color", "#FFFFFF"), ("width", 1)),
                TextPosition: StyleParam.TextPosition.Inside,
                UseDefaults: false);
            var trace = Set(TraceOf(bars),
                ("base", list.Select(s => scale.X(s.StartNs)).ToArray()),
                ("customdata", list.Select(s => new object[] { scale.X(s.StartNs), scale.X(s.EndNs), scale.X(s.EndNs) - scale.X(s.StartNs), s.Reason, s.Ended }).ToArray()),
                ("hovertemplate", $"<b>%{{text}}</b> on %{{y}}{(ending == SpanEnding.InSyscall ? ", in a syscall" : "")}"
                                  + $"<br>start {scale.Hover("customdata[0]")}, lasted {scale.HoverLength("customdata[2]")}"
                                  + "<br>ran because: %{customdata[3]}<br>ended by: %{customdata[4]}<extra></extra>"),
                ("insidetextanchor", "middle"),
                ("textangle", 0),
                ("insidetextfont", Part(("color", ending.TextColour))));
            if (ending == SpanEnding.InSyscall)
            {
                // Stripes over the colour, so the label stays readable.
                var marker = (DynamicObj.DynamicObj)trace.GetPropertyValue("marker");
                Set(marker, ("pattern", Part(("shape", "/"), ("fillmode", "overlay"), ("fgcolor", "#000000"), ("fgopacity", 0.4))));
            }
            data.Add(bars);
        }
        return data;
    }

    // Rows top to bottom, time across, bars of a row drawn over each other (not side by side); the legend is one row
    // above the plot, and a label that does not fit its bar at a readable size is left out (uniformtext "hide").
    private static Layout TimelineLayout(RunResult run, string title, string rowTitle, IReadOnlyList<string> rows, int bars, ChartScale scale)
    {
        var notes = NotesAbout(run);
        if (bars > MaxTimelineBars)
            notes.Add(PaperNote($"Only the first {MaxTimelineBars} of {bars} bars are drawn: chart a smaller run to see them all.", notes.Count == 0 ? 1.25 : 1.33));
        var layout = LayoutOf(title,
            Axis(scale.AxisTitle, ("rangemode", "tozero")),
            Axis(rowTitle, ("type", "category"), ("categoryorder", "array"), ("categoryarray", rows.ToArray()), ("autorange", "reversed")),
            height: Math.Max(320, 180 + 50 * rows.Count),
            hoverMode: "closest", notes, showLegend: bars > 0);
        return Set(layout,
            ("barmode", "overlay"),
            ("uniformtext", Part(("mode", "hide"), ("minsize", 10))),
            ("margin", Part(("t", 110))),
            ("legend", Part(
                ("title", Part(("text", "how it ended:"))),
                ("orientation", "h"), ("x", 0), ("xanchor", "left"), ("y", 1.02), ("yanchor", "bottom"))));
    }

    // When most bars took no time (a Lockstep run without Work or Sleep), the caption says how to see them.
    private static string StepsHint(IReadOnlyList<GSpan> spans, ChartClock clock) =>
        clock == ChartClock.Time && spans.Count > 0 && spans.Count(s => s.DurationNs == 0) * 2 > spans.Count
            ? " Most runs took no time on this clock: chart it with ChartClock.Steps to see them."
            : "";

    // "1 run", "3 runs".
    private static string Count(int n, string noun) => $"{n} {noun}{(n == 1 ? "" : "s")}";
}
