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
    /// How many runnable goroutines wait in the global run queue and in each P's local queue, over time (as steps).
    /// </summary>
    public static GenericChart RunQueues(RunResult run, ChartClock clock = ChartClock.Time)
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

        var data = new List<GenericChart> { QueueLine("global queue", global, "#000000", "solid", 3) };
        for (var p = 0; p < procs; p++)
            data.Add(QueueLine($"P{p} local queue", locals[p], Palette.Color(p), Palette.Dash(p + 1), 2));
        var highest = Math.Max(global.Max, locals.Select(l => l.Max).DefaultIfEmpty(0).Max());

        var layout = LayoutOf("Run queues: goroutines waiting for a P",
            Axis(scale.AxisTitle, ("rangemode", "tozero")),
            Axis("runnable goroutines waiting (count)", ("rangemode", "tozero"), ("dtick", highest <= 10 ? 1 : null)),
            height: 360, hoverMode: "x unified", NotesAbout(run));
        const string caption = "A rising line is goroutines piling up in a queue; local queues drain as their P runs them, "
                               + "the global queue as any P takes from it (and when another P steals, one queue drops as the thief's rises).";
        return Make(data, layout, caption);
    }

    // One queue's length as a step line.
    private static GenericChart QueueLine(string name, StepSeries series, string colour, string dash, double width)
    {
        var chart = CSharpChart.Line<double, double, string>(series.X, series.Y, Name: name, UseDefaults: false,
            Line: StepLine(colour, width, dash));
        Set(TraceOf(chart), ("hovertemplate", "%{y}"));
        return chart;
    }

    // A line drawn as steps ("hv": across, then up or down), as a count changes at an instant.
    private static Line StepLine(string colour, double width, string dash = "solid") =>
        Set(new Line(), ("shape", "hv"), ("color", colour), ("width", width), ("dash", dash));
}
