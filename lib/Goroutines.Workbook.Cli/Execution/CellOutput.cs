namespace Goroutines.Workbook.Cli.Execution;

/// <summary>One output of a cell: its kind and its formatted values by MIME type (text/plain, text/html, image/svg+xml, …).</summary>
public sealed record CellOutput(OutputKind Kind, IReadOnlyDictionary<string, string> Data, string? ValueId = null)
{
    public const string Html = "text/html";
    public const string PlainText = "text/plain";
    public const string Svg = "image/svg+xml";
    public const string Png = "image/png";

    /// <summary>The plain text of the output, or its first value when it has no text/plain.</summary>
    public string Text => Data.TryGetValue(PlainText, out var text) ? text : Data.Values.FirstOrDefault() ?? "";

    /// <summary>True when the output is a chart drawn with plotly.js (the workbook's charts carry data-plotly-figure).</summary>
    public bool IsPlotlyChart => Data.TryGetValue(Html, out var html) &&
        (html.Contains("data-plotly-figure", StringComparison.Ordinal) || html.Contains("Plotly.newPlot", StringComparison.Ordinal));
}
