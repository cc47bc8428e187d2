using System.Collections.Generic;
using System.Linq;

namespace Goroutines.Workbook;

/// <summary>Turns event times into x values, axis titles and hover text for a ChartClock.</summary>
internal sealed class ChartScale
{
    private readonly ChartClock clock;

    private ChartScale(ChartClock clock) => this.clock = clock;

    public static ChartScale For(ChartClock clock) => new(clock);

    /// <summary>"time (µs)" or "scheduler step (event number)".</summary>
    public string AxisTitle => clock == ChartClock.Time ? Charts.TimeAxisTitle : "scheduler step (event number)";

    /// <summary>How hover text shows an x value: a plotly template with its unit.</summary>
    public string Hover(string value) => clock == ChartClock.Time ? $"%{{{value}:.2f}} µs" : $"step %{{{value}}}";

    /// <summary>How hover text shows a length of time.</summary>
    public string HoverLength(string value) => clock == ChartClock.Time ? $"%{{{value}:.2f}} µs" : $"%{{{value}}} steps";

    /// <summary>The x value of an event time: microseconds, or the step number itself.</summary>
    public double X(long time) => clock == ChartClock.Time ? time / 1000.0 : time;

    /// <summary>The run's events, with TimeNs replaced by the event's step number when counting steps.</summary>
    public IReadOnlyList<TraceEvent> Events(RunResult run) =>
        clock == ChartClock.Time ? run.Events : run.Events.Select((e, i) => e with { TimeNs = i }).ToList();
}
