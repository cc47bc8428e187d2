namespace Goroutines.Workbook;

/// <summary>What the x axis of a chart over time counts.</summary>
public enum ChartClock
{
    /// <summary>The run's clock in microseconds: wall-clock time, or virtual time in a Lockstep run.</summary>
    Time,

    /// <summary>Scheduler steps (event numbers), one per event: shows what happened in a Lockstep run where it took no virtual time.</summary>
    Steps,
}
