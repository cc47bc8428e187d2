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
        return Speedup(runs.ToList()); // once: a lazy sequence of Runtime.Run calls would run again on every pass
    }

    private static GenericChart Speedup(List<RunResult> runs)
    {
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
            ("hovertemplate", $"%{{x}} Ps: %{{text}} (main ran %{{customdata[0]:.1f}} µs of {ClockOf(runs)})<extra></extra>"));
        var data = new List<GenericChart> { ideal, measured };
        var layout = LayoutOf("Speedup against GOMAXPROCS",
            Axis("GOMAXPROCS (number of Ps)", ("dtick", 1)),
            Axis($"speedup on {ClockOf(runs)} (× as fast as with {baseProcs} P{(baseProcs == 1 ? "" : "s")})", ("rangemode", "tozero")),
            height: 360, hoverMode: "closest", []);
        var caption = SpeedupCaption(runs, byProcs[^1].Procs);
        return Make(data, layout, caption);
    }

    // What limits the measured line, for the clock these runs were timed on: Lockstep runs advance every P on one
    // virtual clock, so the machine's cores do not limit them; Parallel runs are timed on the wall clock, where they do.
    private static string SpeedupCaption(IReadOnlyList<RunResult> runs, int mostProcs)
    {
        var lockstep = runs.Count(r => r.Options.Lockstep);
        var cores = Environment.ProcessorCount;
        const string ideal = "The dashed line is perfect scaling";
        if (lockstep == runs.Count)
            return $"{ideal}. These are Lockstep runs timed on virtual time, which this machine's cores do not limit: "
                   + "the measured line falls below the ideal only where goroutines wait for each other or for main.";
        var clock = lockstep == 0 ? "These are Parallel runs timed on the wall clock" : "Parallel runs are timed on the wall clock, Lockstep ones on virtual time";
        var coresNote = mostProcs > cores
            ? $", and above {cores} Ps because this machine has only {cores} cores"
            : $" (this machine has {cores} cores, enough for {mostProcs} Ps)";
        return $"{ideal}. {clock}: the measured line falls below the ideal where goroutines wait for each other or the runtime's own work shows{coresNote}.";
    }

    // How long the program ran: from the first goroutine start to the end of the run, leaving out the
    // runtime's own start-up (threads, Ps); without events, the wall-clock time of the whole run.
    private static double DurationMicros(RunResult run)
    {
        var start = run.Events.FirstOrDefault(e => e.Kind == EventKind.GoStart);
        return start == null ? run.Elapsed.TotalMicroseconds : Micros(EndOf(run.Events) - start.TimeNs);
    }

    // "virtual time" for Lockstep runs, "the wall clock" for Parallel ones.
    private static string ClockOf(IEnumerable<RunResult> runs)
    {
        var modes = runs.Select(r => r.Options.Lockstep).Distinct().ToList();
        return modes.Count > 1 ? "virtual time or the wall clock" : modes[0] ? "virtual time" : "the wall clock";
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
