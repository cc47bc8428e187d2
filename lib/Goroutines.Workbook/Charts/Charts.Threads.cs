using System;
using System.Collections.Generic;
using System.Linq;
using Goroutines.Workbook.Plotting;

namespace Goroutines.Workbook;

public static partial class Charts
{
    /// <summary>
    /// The number of OS threads (Ms) over time, against GOMAXPROCS, with a marker at each new thread and the reason for it.
    /// </summary>
    public static Figure Threads(RunResult run, ChartClock clock = ChartClock.Time)
    {
        ArgumentNullException.ThrowIfNull(run);
        var scale = ChartScale.For(clock);
        var events = scale.Events(run);
        var threads = new StepSeries();
        foreach (var e in events)
            threads.Add(scale.X(e.TimeNs), e.Threads);
        var end = scale.X(EndOf(events));
        threads.End(end);

        var starts = events.Where(e => e.Kind == EventKind.ThreadStart).ToList();
        var procs = run.Options.MaxProcs;
        var data = new List<PlotTrace>
        {
            new Scatter
            {
                Name = "OS threads (Ms)",
                X = threads.X,
                Y = threads.Y,
                Line = new Line { Shape = "hv", Color = Palette.Color(4), Width = 3 },
                HoverTemplate = $"%{{y}} threads at {scale.Hover("x")}<extra></extra>",
            },
            new Scatter
            {
                Name = $"GOMAXPROCS = {procs}",
                X = [0, end],
                Y = [procs, procs],
                Line = new Line { Color = Palette.Color(5), Dash = "dash", Width = 2 },
                HoverTemplate = $"GOMAXPROCS = {procs}: at most {procs} thread{(procs == 1 ? "" : "s")} run Go code at once<extra></extra>",
            },
            new Scatter
            {
                Name = "new thread",
                Mode = "markers",
                X = starts.Select(e => scale.X(e.TimeNs)).ToList(),
                Y = starts.Select(e => (double)e.Threads).ToList(),
                Text = starts.Select(e => e.M < 0 ? "M?" : $"M{e.M}").ToList(),
                CustomData = starts.Select(e => (IReadOnlyList<object>)[e.Reason]).ToList(),
                Marker = new Marker { Color = Palette.Color(0), Line = new Line { Color = "#000000", Width = 1 } },
                HoverTemplate = $"<b>%{{text}}</b> started at {scale.Hover("x")}<br>%{{customdata[0]}}<extra></extra>",
            },
        };
        var layout = new Layout
        {
            Title = "OS threads (Ms) over time",
            XAxis = new Axis { Title = scale.AxisTitle, RangeMode = "tozero" },
            YAxis = new Axis { Title = "OS threads (count)", RangeMode = "tozero", DTick = Math.Max(threads.Max, procs) <= 10 ? 1 : null },
            ShowLegend = true,
            Height = 340,
            HoverMode = "closest",
            Annotations = NotesAbout(run),
        };
        var caption = $"Threads can outnumber GOMAXPROCS ({procs}): when a thread blocks in a syscall, sysmon hands its P "
                      + $"to a new or idle thread so goroutines keep running. This run peaked at {threads.Max} threads.";
        return Make(data, layout, caption);
    }
}
