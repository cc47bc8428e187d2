using System.Collections.Generic;

namespace Goroutines.Workbook.Plotting;

/// <summary>An x or y axis: its title (with units), range and kind.</summary>
public sealed class Axis
{
    /// <summary>The axis title, with units, e.g. "time (µs)".</summary>
    public Title? Title { get; init; }

    /// <summary>[from, to]; null lets plotly fit the data.</summary>
    public IReadOnlyList<double>? Range { get; init; }

    /// <summary>"linear", "log" or "category"; null lets plotly guess.</summary>
    public string? Type { get; init; }

    /// <summary>"reversed" puts the first category at the top.</summary>
    public string? AutoRange { get; init; }

    /// <summary>"tozero" makes the axis include 0.</summary>
    public string? RangeMode { get; init; }

    /// <summary>"array" orders categories as in CategoryArray.</summary>
    public string? CategoryOrder { get; init; }

    /// <summary>The categories in the order to show them.</summary>
    public IReadOnlyList<string>? CategoryArray { get; init; }

    /// <summary>Tick spacing, e.g. 1 for whole numbers only.</summary>
    public double? DTick { get; init; }

    /// <summary>Whether a zero line is drawn.</summary>
    public bool? ZeroLine { get; init; }
}
