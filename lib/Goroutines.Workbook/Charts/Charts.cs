using System.Collections.Generic;
using Goroutines.Workbook.Formatting;
using Plotly.NET;
using static Goroutines.Workbook.PlotlyParts;

namespace Goroutines.Workbook;

/// <summary>
/// Interactive charts of a run, built from its events: which G ran on which P or M, run-queue lengths,
/// thread count, goroutine states, speedup. Each is a Plotly.NET GenericChart with a title, axis titles with units
/// and a caption (its description) that says what to see; restyle or combine it with Plotly.NET's API.
/// Charts over time take a ChartClock: Time (µs, the default) or Steps (one per scheduler event).
/// </summary>
public static partial class Charts
{
    /// <summary>The x axis title of every chart over time.</summary>
    public const string TimeAxisTitle = "time (µs)";

    // Events carry nanoseconds; charts show microseconds.
    private static double Micros(long ns) => ns / 1000.0;

    // The time the run ended: its RunEnd event, or its last event.
    private static long EndOf(IReadOnlyList<TraceEvent> events)
    {
        for (var i = events.Count - 1; i >= 0; i--)
            if (events[i].Kind == EventKind.RunEnd)
                return events[i].TimeNs;
        return events.Count == 0 ? 0 : events[^1].TimeNs;
    }

    // The notes a chart needs when the run's events are missing or cut short.
    private static List<object> NotesAbout(RunResult run)
    {
        var notes = new List<object>();
        if (run.Events.Count == 0)
            notes.Add(PaperNote("No events were recorded: run with RecordEvents = true to see this chart.", 0.5));
        else if (run.DroppedEvents > 0)
            notes.Add(PaperNote($"Only the first {run.Events.Count} events are shown: {run.DroppedEvents} more were dropped (raise MaxEvents).", 1.08));
        return notes;
    }

    // A note placed relative to the plot area, not the data.
    private static object PaperNote(string text, double y) =>
        Part(("text", text), ("x", 0.5), ("y", y), ("xref", "paper"), ("yref", "paper"), ("showarrow", false));

    // An axis with its title (with units); more plotly.js axis attributes may follow.
    private static object Axis(string title, params (string Name, object? Value)[] more) =>
        Set(Part(("title", Part(("text", title)))), more);

    // The layout every chart shares: title, axes, size, hover mode and notes.
    private static Layout LayoutOf(string title, object xAxis, object yAxis, int height, string hoverMode, List<object> notes, bool showLegend = true) =>
        Set(new Layout(),
            ("title", Part(("text", title))),
            ("showlegend", showLegend),
            ("xaxis", xAxis),
            ("yaxis", yAxis),
            ("height", height),
            ("hovermode", hoverMode),
            ("annotations", notes.Count == 0 ? null : notes.ToArray()));

    // Every chart is made here, so the notebook formatter is registered even after a formatter reset.
    private static GenericChart Make(IReadOnlyList<GenericChart> parts, Layout layout, string caption)
    {
        WorkbookFormatters.EnsureRegistered();
        return Finish(parts, layout, caption);
    }
}
