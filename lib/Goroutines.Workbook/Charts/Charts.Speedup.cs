using System;
using System.Collections.Generic;
using System.Linq;
using Goroutines.Workbook.Plotting;

namespace Goroutines.Workbook;

public static partial class Charts
{
    /// <summary>
    /// How much faster the same program ran with more Ps, against the ideal (twice the Ps, twice as fast).
    /// Give it runs of one program with different MaxProcs; several runs with the same MaxProcs count by their median.
    /// </summary>
    public static Figure Speedup(IEnumerable<RunResult> runs)
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
        var data = new List<PlotTrace>
        {
            new Scatter
            {
                Name = "ideal",
                X = procs,
                Y = procs.Select(p => p / baseProcs).ToList(),
                Line = new Line { Color = "#000000", Dash = "dash", Width = 2 },
                HoverTemplate = "ideal with %{x} Ps: %{y:.2f}×<extra></extra>",
            },
            new Scatter
            {
                Name = "measured",
                Mode = "lines+markers",
                X = procs,
                Y = speedups,
                Text = speedups.Select(s => $"{s:0.00}×").ToList(),
                CustomData = byProcs.Select(p => (IReadOnlyList<object>)[p.Micros]).ToList(),
                Line = new Line { Color = Palette.Color(4), Width = 3 },
                Marker = new Marker { Color = Palette.Color(4) },
                HoverTemplate = "%{x} Ps: %{text} (main ran %{customdata[0]:.1f} µs)<extra></extra>",
            },
        };
        var layout = new Layout
        {
            Title = "Speedup against GOMAXPROCS",
            XAxis = new Axis { Title = "GOMAXPROCS (number of Ps)", DTick = 1 },
            YAxis = new Axis { Title = $"speedup (× as fast as with {baseProcs} P{(baseProcs == 1 ? "" : "s")})", RangeMode = "tozero" },
            ShowLegend = true,
            Height = 360,
            HoverMode = "closest",
        };
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
