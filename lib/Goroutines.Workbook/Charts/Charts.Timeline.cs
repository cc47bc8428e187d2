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
    public static Figure Timeline(RunResult run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var spans = GSpan.FromEvents(run.Events);
        var rows = RowsOf(run, spans);

        // One trace per goroutine, so the legend names each G and all its bars share one colour.
        var data = new List<PlotTrace>();
        foreach (var byG in spans.GroupBy(s => s.G).OrderBy(group => group.Key))
        {
            var g = byG.Key;
            var colour = Palette.ForG(g);
            var list = byG.ToList();
            data.Add(new Bar
            {
                Name = $"G{g}",
                Horizontal = true,
                Categories = list.Select(s => $"P{s.P}").ToList(),
                Base = list.Select(s => Micros(s.StartNs)).ToList(),
                Values = list.Select(s => Micros(s.DurationNs)).ToList(),
                Text = list.Select(_ => $"G{g}").ToList(),
                CustomData = list.Select(s => (IReadOnlyList<object>)[Micros(s.StartNs), Micros(s.EndNs), Micros(s.DurationNs), s.Reason]).ToList(),
                HoverTemplate = "<b>%{text}</b> on %{y}<br>start %{customdata[0]:.2f} µs, ran %{customdata[2]:.2f} µs"
                                + "<br>%{customdata[3]}<extra></extra>",
                Marker = new Marker { Color = Palette.Color(colour), Line = new Line { Color = "#FFFFFF", Width = 1 } },
                TextPosition = "inside",
                InsideTextAnchor = "middle",
                InsideTextFont = new Font { Color = Palette.TextOn(colour) },
            });
        }

        var goroutines = data.Count;
        var layout = new Layout
        {
            Title = "Which goroutine ran on each P",
            XAxis = new Axis { Title = TimeAxisTitle, RangeMode = "tozero" },
            YAxis = new Axis
            {
                Title = "P (logical processor)",
                Type = "category",
                CategoryOrder = "array",
                CategoryArray = rows,
                AutoRange = "reversed",
            },
            BarMode = "overlay",
            ShowLegend = goroutines is > 0 and <= 20,
            Legend = new Legend { Title = "goroutine" },
            Height = Math.Max(300, 140 + 50 * rows.Count), // room for the legend even with one or two Ps
            HoverMode = "closest",
            Annotations = NotesAbout(run),
        };
        var caption = spans.Count == 0
            ? "No goroutine ran: there is nothing to draw."
            : $"Each bar is a goroutine (G) running on a P until it blocked, yielded, entered a syscall or exited; "
              + $"gaps are idle Ps. {spans.Count} run{(spans.Count == 1 ? "" : "s")} of {goroutines} goroutine{(goroutines == 1 ? "" : "s")} on {rows.Count} P{(rows.Count == 1 ? "" : "s")}.";
        return Make(data, layout, caption);
    }

    // "P0", "P1", … for every P of the run, and any other P a span ran on.
    private static List<string> RowsOf(RunResult run, IReadOnlyList<GSpan> spans)
    {
        var count = Math.Max(run.Options.MaxProcs, spans.Count == 0 ? 0 : spans.Max(s => s.P) + 1);
        return Enumerable.Range(0, count).Select(p => $"P{p}").ToList();
    }
}
