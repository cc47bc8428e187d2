using System;
using System.Collections.Generic;
using System.Linq;
using Plotly.NET;
using static Goroutines.Workbook.PlotlyParts;

namespace Goroutines.Workbook;

public static partial class Charts
{
    // The vertical extent of the two panels on the page: run A on top, run B below, one x axis shared.
    private static readonly double[] TopPanel = [0.56, 1.0];
    private static readonly double[] BottomPanel = [0.0, 0.44];

    /// <summary>
    /// Twin runs' per-P timelines, run A above run B on the same x axis, bars coloured as in Timeline; a dashed line in
    /// each panel marks the first scheduler decision where they differ.
    /// </summary>
    internal static GenericChart TwinTimeline(Twin twin)
    {
        ArgumentNullException.ThrowIfNull(twin);
        var scale = ChartScale.For(twin.Clock);
        var spansA = GSpan.FromEvents(scale.Events(twin.A)).Where(s => !s.InSyscall).ToList();
        var spansB = GSpan.FromEvents(scale.Events(twin.B)).Where(s => !s.InSyscall).ToList();
        var rowsA = Rows(twin.A, spansA);
        var rowsB = Rows(twin.B, spansB);

        // Run A's bars on the top axis (y), run B's on the bottom one (y2); each way a bar ended is in the legend once,
        // from whichever run has it, and clicking it shows or hides those bars in both panels.
        var data = new List<GenericChart>();
        var inLegend = new HashSet<string>();
        foreach (var (spans, axis) in new[] { (spansA, "y"), (spansB, "y2") })
            foreach (var bars in SpanBars(spans.Take(MaxTimelineBars / 2).ToList(), s => $"P{s.P}", scale))
            {
                var trace = TraceOf(bars);
                var name = (string)trace.GetPropertyValue("name");
                Set(trace, ("yaxis", axis), ("legendgroup", name), ("showlegend", inLegend.Add(name)));
                data.Add(bars);
            }

        var notes = new List<object>
        {
            PanelTitle($"top: {twin.LabelA} ({twin.A.Outcome})", TopPanel[1]),
            PanelTitle($"below: {twin.LabelB} ({twin.B.Outcome})", BottomPanel[1]),
        };
        var shapes = new List<object>();
        if (twin.FirstDifference is { } d)
        {
            var x = MarkX(twin.A, d, scale);
            var xb = MarkX(twin.B, d, scale);
            shapes.Add(Mark(x, TopPanel));
            shapes.Add(Mark(xb, BottomPanel));
            notes.Add(MarkNote($"first difference (step {d.Step})", x, TopPanel[1]));
            notes.Add(MarkNote($"step {d.Step}", xb, BottomPanel[1]));
        }
        if (spansA.Count + spansB.Count > MaxTimelineBars)
            notes.Add(PaperNote($"Only the first {MaxTimelineBars / 2} bars of each run are drawn.", -0.12));

        var layout = LayoutOf("Twin runs: which goroutine ran on each P, one knob changed",
            Axis(scale.AxisTitle, ("rangemode", "tozero"), ("anchor", "y2")),
            PanelAxis(rowsA, TopPanel),
            height: Math.Max(460, 260 + 50 * (rowsA.Count + rowsB.Count)),
            hoverMode: "closest", notes, showLegend: spansA.Count + spansB.Count > 0);
        layout = Set(layout,
            ("yaxis2", PanelAxis(rowsB, BottomPanel)),
            ("shapes", shapes.Count == 0 ? null : shapes.ToArray()),
            ("barmode", "overlay"),
            ("uniformtext", Part(("mode", "hide"), ("minsize", 10))),
            ("margin", Part(("t", 90), ("b", 120))),
            ("legend", Part(
                ("title", Part(("text", "how it ended:"))),
                ("orientation", "h"), ("x", 0), ("xanchor", "left"), ("y", -0.2), ("yanchor", "top"))));

        var caption = "Top: " + twin.LabelA + "; below: " + twin.LabelB + ", same seed, same x axis"
                      + (twin.Differs ? "; the dashed line marks the first scheduler decision where they differ." : "; they made the same decisions, so nothing is marked.")
                      + StepsHint(spansA.Concat(spansB).ToList(), twin.Clock);
        return Make(data, layout, caption);
    }

    // P0 … P(n-1): every P of the run, even one that never ran a goroutine.
    private static List<string> Rows(RunResult run, IReadOnlyList<GSpan> spans)
    {
        var count = Math.Max(run.Options.MaxProcs, spans.Count == 0 ? 0 : spans.Max(s => s.P) + 1);
        return Enumerable.Range(0, count).Select(p => $"P{p}").ToList();
    }

    // A y axis for one panel: its Ps top to bottom, in its part of the page.
    private static object PanelAxis(IReadOnlyList<string> rows, double[] domain) =>
        Axis("P", ("type", "category"), ("categoryorder", "array"), ("categoryarray", rows.ToArray()),
            ("autorange", "reversed"), ("domain", domain), ("anchor", "x"));

    // Where the mark goes: the time (or step) of the differing event in this run, or of its last event if it had ended.
    private static double MarkX(RunResult run, TwinDifference d, ChartScale scale)
    {
        var events = scale.Events(run);
        return events.Count == 0 ? 0 : scale.X(events[Math.Min(d.Step, events.Count - 1)].TimeNs);
    }

    private static object Mark(double x, double[] panel) =>
        Part(("type", "line"), ("xref", "x"), ("yref", "paper"), ("x0", x), ("x1", x), ("y0", panel[0]), ("y1", panel[1]),
            ("line", Part(("color", "#000000"), ("width", 2), ("dash", "dash"))));

    private static object MarkNote(string text, double x, double top) =>
        Part(("text", text), ("x", x), ("y", top), ("xref", "x"), ("yref", "paper"), ("yanchor", "bottom"), ("showarrow", false),
            ("font", Part(("size", 12))), ("bgcolor", "#FFE9A8"));

    private static object PanelTitle(string text, double top) =>
        Part(("text", text), ("x", 0), ("y", top), ("xref", "paper"), ("yref", "paper"), ("xanchor", "left"), ("yanchor", "bottom"),
            ("yshift", 18), ("showarrow", false), ("font", Part(("size", 13))));
}
