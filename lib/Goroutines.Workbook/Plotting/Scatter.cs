using System.Collections.Generic;

namespace Goroutines.Workbook.Plotting;

/// <summary>Points joined by lines (or just markers): a value over time.</summary>
public sealed class Scatter : PlotTrace
{
    public override string Type => "scatter";

    /// <summary>The x value of each point.</summary>
    public IReadOnlyList<double> X { get; init; } = [];

    /// <summary>The y value of each point.</summary>
    public IReadOnlyList<double> Y { get; init; } = [];

    /// <summary>"lines", "markers" or "lines+markers".</summary>
    public string Mode { get; init; } = "lines";

    /// <summary>How the line is drawn.</summary>
    public Line? Line { get; init; }

    /// <summary>How the points are drawn.</summary>
    public Marker? Marker { get; init; }

    /// <summary>Traces with the same stack group are stacked on each other (an area chart).</summary>
    public string? StackGroup { get; init; }

    /// <summary>The colour of the area under the line (with StackGroup or Fill).</summary>
    public string? FillColor { get; init; }
}
