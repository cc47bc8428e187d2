using System;
using System.Collections.Generic;
using System.Linq;
using Goroutines.Workbook.Plotting;

namespace Goroutines.Workbook;

public static partial class Charts
{
    /// <summary>
    /// Which goroutine ran on which P, and when: one row per P, one bar per stretch a G ran there,
    /// labelled with the G's id and coloured by G. Hover shows the start, duration and the scheduler's reason.
    /// </summary>
    public static Figure Timeline(RunResult run, ChartClock clock = ChartClock.Time)
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
    public static Figure ThreadTimeline(RunResult run, ChartClock clock = ChartClock.Time)
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
    private static List<PlotTrace> SpanBars(IReadOnlyList<GSpan> spans, Func<GSpan, string> row, bool byGoroutine, ChartScale scale)
    {
        var data = new List<PlotTrace>();
        foreach (var group in spans.GroupBy(s => byGoroutine ? s.G : Palette.ForG(s.G)).OrderBy(group => group.Key))
        {
            var list = group.ToList();
            var colour = Palette.ForG(list[0].G);
            data.Add(new Bar
            {
                Name = byGoroutine ? $"G{list[0].G}" : $"colour {colour + 1}",
                Horizontal = true,
                Categories = list.Select(row).ToList(),
                Base = list.Select(s => scale.X(s.StartNs)).ToList(),
                Values = list.Select(s => scale.X(s.EndNs) - scale.X(s.StartNs)).ToList(),
                Text = list.Select(s => s.InSyscall ? $"G{s.G} syscall" : $"G{s.G}").ToList(),
                CustomData = list.Select(s => (IReadOnlyList<object>)[scale.X(s.StartNs), scale.X(s.EndNs), scale.X(s.EndNs) - scale.X(s.StartNs), s.Reason]).ToList(),
                HoverTemplate = $"<b>%{{text}}</b> on %{{y}}<br>start {scale.Hover("customdata[0]")}, lasted {scale.HoverLength("customdata[2]")}"
                                + "<br>%{customdata[3]}<extra></extra>",
                Marker = new Marker
                {
                    Color = Palette.Color(colour),
                    Line = new Line { Color = "#FFFFFF", Width = 1 },
                    Pattern = list.Any(s => s.InSyscall)
                        ? new Pattern
                        {
                            Shape = list.Select(s => s.InSyscall ? "/" : "").ToList(),
                            FillMode = "overlay", // stripes over the G's colour, so its label stays readable
                            FgColor = Palette.TextOn(colour),
                            FgOpacity = 0.4,
                        }
                        : null,
                },
                TextPosition = "inside",
                InsideTextAnchor = "middle",
                TextAngle = 0,
                InsideTextFont = new Font { Color = Palette.TextOn(colour) },
            });
        }
        return data;
    }

    // Rows top to bottom, time across, bars of a row drawn over each other (not side by side).
    private static Layout TimelineLayout(RunResult run, string title, string rowTitle, IReadOnlyList<string> rows, int goroutines, int bars, ChartScale scale)
    {
        var notes = NotesAbout(run);
        if (bars > MaxTimelineBars)
            notes.Add(PaperNote($"Only the first {MaxTimelineBars} of {bars} bars are drawn: chart a smaller run to see them all.", notes.Count == 0 ? 1.08 : 1.16));
        return new Layout
        {
            Title = title,
            XAxis = new Axis { Title = scale.AxisTitle, RangeMode = "tozero" },
            YAxis = new Axis
            {
                Title = rowTitle,
                Type = "category",
                CategoryOrder = "array",
                CategoryArray = rows,
                AutoRange = "reversed",
            },
            BarMode = "overlay",
            ShowLegend = goroutines is > 0 and <= MaxLegendGoroutines,
            Legend = new Legend { Title = "goroutine" },
            Height = Math.Max(300, 140 + 50 * rows.Count), // room for the legend even with one or two rows
            HoverMode = "closest",
            Annotations = notes,
        };
    }

    // When most bars took no time (a Lockstep run without Work or Sleep), the caption says how to see them.
    private static string StepsHint(IReadOnlyList<GSpan> spans, ChartClock clock) =>
        clock == ChartClock.Time && spans.Count > 0 && spans.Count(s => s.DurationNs == 0) * 2 > spans.Count
            ? " Most runs took no time on this clock: chart it with ChartClock.Steps to see them."
            : "";

    // "1 run", "3 runs".
    private static string Count(int n, string noun) => $"{n} {noun}{(n == 1 ? "" : "s")}";
}
