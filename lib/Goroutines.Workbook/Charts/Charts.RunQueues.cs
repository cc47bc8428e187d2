using System;
using System.Collections.Generic;
using System.Linq;
using Goroutines.Workbook.Plotting;

namespace Goroutines.Workbook;

public static partial class Charts
{
    /// <summary>
    /// How many runnable goroutines wait in the global run queue and in each P's local queue, over time (as steps).
    /// </summary>
    public static Figure RunQueues(RunResult run, ChartClock clock = ChartClock.Time)
    {
        ArgumentNullException.ThrowIfNull(run);
        var scale = ChartScale.For(clock);
        var events = scale.Events(run);
        var procs = Math.Max(run.Options.MaxProcs, events.Count == 0 ? 0 : events.Max(e => e.LocalQueues.Length));
        var global = new StepSeries();
        var locals = Enumerable.Range(0, procs).Select(_ => new StepSeries()).ToList();
        foreach (var e in events)
        {
            var t = scale.X(e.TimeNs);
            global.Add(t, e.GlobalQueue);
            for (var p = 0; p < procs; p++)
                locals[p].Add(t, p < e.LocalQueues.Length ? e.LocalQueues[p] : 0);
        }
        var end = scale.X(EndOf(events));
        global.End(end);
        locals.ForEach(series => series.End(end));

        var data = new List<PlotTrace> { QueueLine("global queue", global, "#000000", "solid", 3) };
        for (var p = 0; p < procs; p++)
            data.Add(QueueLine($"P{p} local queue", locals[p], Palette.Color(p), Palette.Dash(p + 1), 2));

        var layout = new Layout
        {
            Title = "Run queues: goroutines waiting for a P",
            XAxis = new Axis { Title = scale.AxisTitle, RangeMode = "tozero" },
            YAxis = new Axis { Title = "runnable goroutines waiting (count)", RangeMode = "tozero", DTick = MaxOf(data) <= 10 ? 1 : null },
            ShowLegend = true,
            Height = 360,
            HoverMode = "x unified",
            Annotations = NotesAbout(run),
        };
        const string caption = "A rising line is goroutines piling up in a queue; local queues drain as their P runs them, "
                               + "the global queue as any P takes from it (and when another P steals, one queue drops as the thief's rises).";
        return Make(data, layout, caption);
    }

    // One queue's length as a step line.
    private static Scatter QueueLine(string name, StepSeries series, string colour, string dash, double width) => new()
    {
        Name = name,
        X = series.X,
        Y = series.Y,
        Mode = "lines",
        Line = new Line { Shape = "hv", Color = colour, Dash = dash, Width = width },
        HoverTemplate = "%{y}",
    };

    // The largest y value of the traces (for choosing whole-number ticks).
    private static double MaxOf(IEnumerable<PlotTrace> data) =>
        data.OfType<Scatter>().Select(s => s.Y.Count == 0 ? 0 : s.Y.Max()).DefaultIfEmpty(0).Max();
}
