using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Goroutines.Workbook.Plotting;

/// <summary>One data series of a figure (plotly calls it a trace): what every kind of trace has.</summary>
[JsonDerivedType(typeof(Scatter))]
[JsonDerivedType(typeof(Bar))]
public abstract class PlotTrace
{
    /// <summary>plotly's trace type: "scatter", "bar".</summary>
    [JsonPropertyOrder(-1)]
    public abstract string Type { get; }

    /// <summary>The name in the legend and in hover labels.</summary>
    public string? Name { get; init; }

    /// <summary>A label per point; shown on bars, and in hover as %{text}.</summary>
    public IReadOnlyList<string>? Text { get; init; }

    /// <summary>Extra values per point for the hover label, read as %{customdata[0]}, %{customdata[1]}, ….</summary>
    public IReadOnlyList<IReadOnlyList<object>>? CustomData { get; init; }

    /// <summary>The hover label, e.g. "G%{text}&lt;br&gt;start %{customdata[0]:.1f} µs&lt;extra&gt;&lt;/extra&gt;".</summary>
    public string? HoverTemplate { get; init; }

    /// <summary>Whether the trace appears in the legend.</summary>
    public bool? ShowLegend { get; init; }
}
