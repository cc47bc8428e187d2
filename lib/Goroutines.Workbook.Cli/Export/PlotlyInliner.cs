using System.Text.RegularExpressions;

namespace Goroutines.Workbook.Cli.Export;

/// <summary>
/// plotly.js once per page: the library script tags that chart outputs carry (id="plotly-js", so a chart
/// also works alone in VS Code) are removed, and the page head gets one script with the library's source.
/// </summary>
public static partial class PlotlyInliner
{
    [GeneratedRegex("""<script\b[^>]*\bid\s*=\s*["']?plotly-js["']?[^>]*>[\s\S]*?</script\s*>""", RegexOptions.IgnoreCase)]
    private static partial Regex LibraryTag();

    /// <summary>The output HTML without inlined plotly.js library tags.</summary>
    public static string StripLibrary(string html) => LibraryTag().Replace(html, "");

    /// <summary>True when the HTML draws a plotly chart.</summary>
    public static bool NeedsPlotly(string html) =>
        html.Contains("data-plotly-figure", StringComparison.Ordinal) || html.Contains("Plotly.newPlot", StringComparison.Ordinal);

    /// <summary>The head script with plotly.js, as Plotly.NET carries it (the same tag a chart output starts with).</summary>
    public static string HeadScript() => Plotting.PlotlyJs.ScriptTag();
}
