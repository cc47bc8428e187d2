using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Goroutines.Workbook.Plotting;

/// <summary>
/// A plotly.js chart: the data (traces), the layout, and a one-line caption that says what to see.
/// In a notebook, a Figure displays itself as an interactive chart.
/// </summary>
public sealed class Figure
{
    /// <summary>The data series.</summary>
    public IReadOnlyList<PlotTrace> Data { get; init; } = [];

    /// <summary>Title, axes, legend, size.</summary>
    public Layout Layout { get; init; } = new();

    /// <summary>One line under the chart that says what to see (not part of the plotly JSON).</summary>
    [JsonIgnore]
    public string Caption { get; init; } = "";

    /// <summary>The figure as plotly.js JSON: {"data": [...], "layout": {...}}.</summary>
    public string ToJson() => FigureJson.Serialize(this);

    /// <summary>The figure as HTML: a div, its caption and the script that draws it.</summary>
    public string ToHtml() => FigureHtml.Shared.Render(this);

    public override string ToString() =>
        $"Figure \"{Layout.Title?.Text}\" with {Data.Count} trace(s)" + (Caption.Length > 0 ? $": {Caption}" : "");
}
