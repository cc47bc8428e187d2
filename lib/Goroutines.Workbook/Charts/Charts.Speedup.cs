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
    /// How much faster the same program ran with more Ps, against the ideal (twice the Ps, twice as fast).
    /// Give it runs of one program with different MaxProcs; several runs with the same MaxProcs count by their median.
    /// </summary>
    public static GenericChart Speedup(IEnumerable<RunResult> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var byProcs = runs
            .GroupBy(r => r.Options.MaxProcs)
            .OrderBy(g => g.Key)
            .Select(g => (Procs: g.Key, Micros: Median(g.Select(DurationMicros))))
            .ToList();
        if (byProcs.Count == 0)
            throw new ArgumentException("Speedup needs at least one run, e.g. runs with MaxProcs = 1, 2 and 4.", nameof(runs));

        var (baseProcs, baseMicros) = byProcs[0];
        var procs = byProcs.Select(p => (double)p.Procs).ToList();
        var speedups = byProcs.Select(p => p.Micros > 0 ? baseMicros / p.Micros : 0).ToList();
        var ideal = CSharpChart.Line<double, double, string>(procs, procs.Select(p => p / baseProcs), Name: "ideal", UseDefaults: false,
            LineColor: Colour("#000000"), LineDash: StyleParam.DrawingStyle.Dash, LineWidth: 2);
        Set(TraceOf(ideal), ("hovertemplate", "ideal with %{x} Ps: %{y:.2f}×<extra></extra>"));
        var measured = CSharpChart.Line<double, double, string>(procs, speedups, Name: "measured", ShowMarkers: true, UseDefaults: false,
            MultiText: speedups.Select(s => $"{s:0.00}×").ToList(), LineColor: Colour(Palette.Color(4)), LineWidth: 3, MarkerColor: Colour(Palette.Color(4)));
        Set(TraceOf(measured),
            ("customdata", byProcs.Select(p => new object[] { p.Micros }).ToArray()),
            ("hovertemplate", "%{x} Ps: %{text} (main ran %{customdata[0]:.1f} µs)<extra></extra>"));
        var data = new List<GenericChart> { ideal, measured };
        var layout = LayoutOf("Speedup against GOMAXPROCS",
            Axis("GOMAXPROCS (number of Ps)", ("dtick", 1)),
            Axis($"speedup (× as fast as with {baseProcs} P{(baseProcs == 1 ? "" : "s")})", ("rangemode", "tozero")),
            height: 360, hoverMode: "closest", []);
        var caption = $"The dashed line is perfect scaling; the measured line falls below it when goroutines wait for each other "
                      + $"or there are fewer cores ({Environment.ProcessorCount} here) than Ps.";
        return Make(data, layout, caption);
    }

    // How long the program ran: from the first goroutine start to the end of the run, leaving out the
    // runtime's own start-up (threads, Ps); without events, the wall-clock time of the whole run.
    private static double DurationMicros(RunResult run)
    {
        var start = run.Events.FirstOrDefault(e => e.Kind == EventKind.GoStart);
        return start == null ? run.Elapsed.TotalMicroseconds : Micros(EndOf(run.Events) - start.TimeNs);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
