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
    /// The number of OS threads (Ms) over time, against GOMAXPROCS, with a marker at each new thread and the reason for it.
    /// </summary>
    public static GenericChart Threads(RunResult run, ChartClock clock = ChartClock.Time)
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
        var threadLine = CSharpChart.Line<double, double, string>(threads.X, threads.Y, Name: "OS threads (Ms)", UseDefaults: false,
            Line: StepLine(Palette.Color(4), 3));
        Set(TraceOf(threadLine), ("hovertemplate", $"%{{y}} threads at {scale.Hover("x")}<extra></extra>"));
        var procsLine = CSharpChart.Line<double, double, string>([0, end], [procs, procs], Name: $"GOMAXPROCS = {procs}", UseDefaults: false,
            LineColor: Colour(Palette.Color(5)), LineDash: StyleParam.DrawingStyle.Dash, LineWidth: 2);
        Set(TraceOf(procsLine), ("hovertemplate", $"GOMAXPROCS = {procs}: at most {procs} thread{(procs == 1 ? "" : "s")} run Go code at once<extra></extra>"));
        var newThreads = CSharpChart.Point<double, double, string>(
            starts.Select(e => scale.X(e.TimeNs)), starts.Select(e => (double)e.Threads), Name: "new thread", UseDefaults: false,
            MultiText: starts.Select(e => e.M < 0 ? "M?" : $"M{e.M}").ToList(), MarkerColor: Colour(Palette.Color(0)),
            MarkerOutline: Set(new Line(), ("color", "#000000"), ("width", 1)));
        Set(TraceOf(newThreads),
            ("customdata", starts.Select(e => new object[] { e.Reason }).ToArray()),
            ("hovertemplate", $"<b>%{{text}}</b> started at {scale.Hover("x")}<br>%{{customdata[0]}}<extra></extra>"));
        var data = new List<GenericChart> { threadLine, procsLine, newThreads };
        var layout = LayoutOf("OS threads (Ms) over time",
            Axis(scale.AxisTitle, ("rangemode", "tozero")),
            Axis("OS threads (count)", ("rangemode", "tozero"), ("dtick", Math.Max(threads.Max, procs) <= 10 ? 1 : null)),
            height: 340, hoverMode: "closest", NotesAbout(run));
        var caption = $"Threads can outnumber GOMAXPROCS ({procs}): when a thread blocks in a syscall, sysmon hands its P "
                      + $"to a new or idle thread so goroutines keep running. This run peaked at {threads.Max} threads.";
        return Make(data, layout, caption);
    }
}
