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
    /// Which goroutine ran on which P, and when: one row per P, one bar per stretch a G ran there,
    /// labelled with the G's id and coloured by G. Hover shows the start, duration and the scheduler's reason.
    /// </summary>
    public static GenericChart Timeline(RunResult run, ChartClock clock = ChartClock.Time)
    {
        ArgumentNullException.ThrowIfNull(run);
        var scale = ChartScale.For(clock);
        var spans = GSpan.FromEvents(scale.Events(run)).Where(s => !s.InSyscall).ToList();
        var count = Math.Max(run.Options.MaxProcs, spans.Count == 0 ? 0 : spans.Max(s => s.P) + 1);
        var rows = Enumerable.Range(0, count).Select(p => $"P{p}").ToList();
        var goroutines = spans.Select(s => s.G).Distinct().Count();
        var data = SpanBars(spans.Take(MaxTimelineBars).ToList(), s => $"P{s.P}", byGoroutine: goroutines <= MaxLegendGoroutines, scale);

        var caption = spans.Count == 0
            ? "No goroutine ran: there is nothing to draw."
            : $"Each bar is a goroutine (G) running on a P until it blocked, yielded, entered a syscall or exited; "
              + $"gaps are idle Ps. {Count(spans.Count, "run")} of {Count(goroutines, "goroutine")} on {Count(rows.Count, "P")}.";
        var layout = TimelineLayout(run, "Which goroutine ran on each P", "P (logical processor)", rows, goroutines, spans.Count, scale);
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
        var goroutines = spans.Select(s => s.G).Distinct().Count();
        var data = SpanBars(spans.Take(MaxTimelineBars).ToList(), s => $"M{s.M}", byGoroutine: goroutines <= MaxLegendGoroutines, scale);

        var syscalls = spans.Count(s => s.InSyscall);
        var caption = spans.Count == 0
            ? "No goroutine ran: there is nothing to draw."
            : $"Each row is an OS thread; plain bars are goroutines running on it, hatched bars goroutines blocked in a syscall, "
              + $"holding the thread but not a P. {Count(syscalls, "syscall")} on {Count(rows.Count, "thread")}.";
        var layout = TimelineLayout(run, "Which goroutine ran on each OS thread (M)", "M (OS thread)", rows, goroutines, spans.Count, scale);
        return Make(data, layout, caption + StepsHint(spans, clock));
    }

    /// <summary>A timeline draws at most this many bars (the first ones); a browser slows down past that.</summary>
    public const int MaxTimelineBars = 5_000;

    // Up to this many goroutines, each has its own trace and legend entry; beyond, bars share one trace per colour.
    private const int MaxLegendGoroutines = 20;

    // Bars on the rows given by `row`, labelled with their G. One trace per goroutine (so the legend names it),
    // or, for many goroutines, one per palette colour (thousands of traces would stall the browser).
    private static List<GenericChart> SpanBars(IReadOnlyList<GSpan> spans, Func<GSpan, string> row, bool byGoroutine, ChartScale scale)
    {
        var data = new List<GenericChart>();
        foreach (var group in spans.GroupBy(s => byGoroutine ? s.G : Palette.ForG(s.G)).OrderBy(group => group.Key))
        {
            var list = group.ToList();
            var colour = Palette.ForG(list[0].G);
            var bars = CSharpChart.Bar<double, string, string>(
                list.Select(s => scale.X(s.EndNs) - scale.X(s.StartNs)),
                Keys: list.Select(row).ToList(),
                Name: byGoroutine ? $"G{list[0].G}" : $"colour {colour + 1}",
                MultiText: list.Select(s => s.InSyscall ? $"G{s.G} syscall" : $"G{s.G}").ToList(),
                MarkerColor: Colour(Palette.Color(colour)),
                MarkerOutline: Set(new Line(), ("color", "#FFFFFF"), ("width", 1)),
                TextPosition: StyleParam.TextPosition.Inside,
                UseDefaults: false);
            var trace = Set(TraceOf(bars),
                ("base", list.Select(s => scale.X(s.StartNs)).ToArray()),
                ("customdata", list.Select(s => new object[] { scale.X(s.StartNs), scale.X(s.EndNs), scale.X(s.EndNs) - scale.X(s.StartNs), s.Reason }).ToArray()),
                ("hovertemplate", $"<b>%{{text}}</b> on %{{y}}<br>start {scale.Hover("customdata[0]")}, lasted {scale.HoverLength("customdata[2]")}"
                                  + "<br>%{customdata[3]}<extra></extra>"),
                ("insidetextanchor", "middle"),
                ("textangle", 0),
                ("insidetextfont", Part(("color", Palette.TextOn(colour)))));
            if (list.Any(s => s.InSyscall))
            {
                // Stripes over the G's colour, so its label stays readable.
                var marker = (DynamicObj.DynamicObj)trace.GetPropertyValue("marker");
                Set(marker, ("pattern", Part(
                    ("shape", list.Select(s => s.InSyscall ? "/" : "").ToArray()),
                    ("fillmode", "overlay"),
                    ("fgcolor", Palette.TextOn(colour)),
                    ("fgopacity", 0.4))));
            }
            data.Add(bars);
        }
        return data;
    }

    // Rows top to bottom, time across, bars of a row drawn over each other (not side by side).
    private static Layout TimelineLayout(RunResult run, string title, string rowTitle, IReadOnlyList<string> rows, int goroutines, int bars, ChartScale scale)
    {
        var notes = NotesAbout(run);
        if (bars > MaxTimelineBars)
            notes.Add(PaperNote($"Only the first {MaxTimelineBars} of {bars} bars are drawn: chart a smaller run to see them all.", notes.Count == 0 ? 1.08 : 1.16));
        var layout = LayoutOf(title,
            Axis(scale.AxisTitle, ("rangemode", "tozero")),
            Axis(rowTitle, ("type", "category"), ("categoryorder", "array"), ("categoryarray", rows.ToArray()), ("autorange", "reversed")),
            height: Math.Max(300, 140 + 50 * rows.Count), // room for the legend even with one or two rows
            hoverMode: "closest", notes, showLegend: goroutines is > 0 and <= MaxLegendGoroutines);
        return Set(layout, ("barmode", "overlay"), ("legend", Part(("title", Part(("text", "goroutine"))))));
    }

    // When most bars took no time (a Lockstep run without Work or Sleep), the caption says how to see them.
    private static string StepsHint(IReadOnlyList<GSpan> spans, ChartClock clock) =>
        clock == ChartClock.Time && spans.Count > 0 && spans.Count(s => s.DurationNs == 0) * 2 > spans.Count
            ? " Most runs took no time on this clock: chart it with ChartClock.Steps to see them."
            : "";

    // "1 run", "3 runs".
    private static string Count(int n, string noun) => $"{n} {noun}{(n == 1 ? "" : "s")}";
}
