using System.Collections.Generic;

namespace Goroutines.Workbook.Plotting;

/// <summary>Everything about a figure that is not data: title, axes, legend, size, notes.</summary>
public sealed class Layout
{
    /// <summary>The chart title.</summary>
    public Title? Title { get; init; }

    /// <summary>The horizontal axis.</summary>
    public Axis? XAxis { get; init; }

    /// <summary>The vertical axis.</summary>
    public Axis? YAxis { get; init; }

    /// <summary>How bars of several traces share a category: "group", "stack" or "overlay".</summary>
    public string? BarMode { get; init; }

    /// <summary>Whether the legend is shown.</summary>
    public bool? ShowLegend { get; init; }

    /// <summary>Where the legend sits.</summary>
    public Legend? Legend { get; init; }

    /// <summary>Height in pixels (the width follows the page).</summary>
    public int? Height { get; init; }

    /// <summary>Space around the plot.</summary>
    public Margin? Margin { get; init; }

    /// <summary>"closest" shows the point under the mouse; "x unified" shows every trace at that x.</summary>
    public string? HoverMode { get; init; }

    /// <summary>Notes written on the chart.</summary>
    public IReadOnlyList<Annotation>? Annotations { get; init; }
}
