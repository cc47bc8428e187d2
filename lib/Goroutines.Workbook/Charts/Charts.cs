using System.Collections.Generic;
using Goroutines.Workbook.Formatting;
using Goroutines.Workbook.Plotting;

namespace Goroutines.Workbook;

/// <summary>
/// Interactive charts of a run, built from its events: which G ran on which P or M, run-queue lengths,
/// thread count, goroutine states, speedup. Each has a title, axis titles with units and a caption that says what to see.
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
    private static List<Annotation> NotesAbout(RunResult run)
    {
        var notes = new List<Annotation>();
        if (run.Events.Count == 0)
            notes.Add(PaperNote("No events were recorded: run with RecordEvents = true to see this chart.", 0.5));
        else if (run.DroppedEvents > 0)
            notes.Add(PaperNote($"Only the first {run.Events.Count} events are shown: {run.DroppedEvents} more were dropped (raise MaxEvents).", 1.08));
        return notes;
    }

    // A note placed relative to the plot area, not the data.
    private static Annotation PaperNote(string text, double y) =>
        new() { Text = text, X = 0.5, Y = y, XRef = "paper", YRef = "paper", ShowArrow = false };

    // Every chart is made here, so the notebook formatter is registered even after a formatter reset.
    private static Figure Make(IReadOnlyList<PlotTrace> data, Layout layout, string caption)
    {
        WorkbookFormatters.EnsureRegistered();
        return new Figure { Data = data, Layout = layout, Caption = caption };
    }
}
