using System;
using System.Net;
using System.Text;
using System.Threading;
using Plotly.NET;

namespace Goroutines.Workbook.Plotting;

/// <summary>
/// Writes a Plotly.NET chart as HTML that works offline. The first chart of a process (a kernel session) carries
/// plotly.js inline, once; later charts use the window.Plotly it defined. The figure is GenericChart.toFigureJson.
/// </summary>
internal sealed class ChartHtml
{
    /// <summary>The renderer of this process, used by the notebook formatter.</summary>
    public static ChartHtml Shared { get; } = new();

    /// <summary>Shown instead of a chart when the page has no plotly.js (e.g. after a reload).</summary>
    public const string NotLoadedNote = "plotly.js not loaded – re-run the first chart cell";

    // 1 once a chart has carried plotly.js.
    private int inlined;

    /// <summary>Whether plotly.js has been written inline already.</summary>
    public bool PlotlyInlined => Volatile.Read(ref inlined) == 1;

    /// <summary>The chart's div with a fresh id, its caption, and the script that draws it.</summary>
    public string Render(GenericChart chart)
    {
        var id = "goroutines-figure-" + Guid.NewGuid().ToString("N");
        var html = new StringBuilder();
        if (Interlocked.Exchange(ref inlined, 1) == 0)
            html.Append(PlotlyJs.ScriptTag()).Append('\n');
        html.Append("<div class=\"goroutines-figure\">\n");
        html.Append($"<div id=\"{id}\" data-plotly-figure style=\"width:100%\"></div>\n");
        var caption = PlotlyParts.CaptionOf(chart);
        if (caption.Length > 0)
            html.Append($"<p class=\"goroutines-caption\" style=\"margin:4px 0 12px 0;font-style:italic\">{WebUtility.HtmlEncode(caption)}</p>\n");
        html.Append("<script>\n(function () {\n");
        html.Append($"  var id = \"{id}\";\n");
        html.Append("  if (typeof window.Plotly === \"undefined\") {\n");
        html.Append("    var note = document.getElementById(id);\n");
        html.Append($"    note.textContent = \"{NotLoadedNote}\";\n");
        html.Append("    note.style.cssText = \"padding:8px;border:1px dashed #888;color:#555\";\n");
        html.Append("    return;\n  }\n");
        html.Append($"  var figure = {SafeInScript(GenericChart.toFigureJson(chart))};\n");
        html.Append("  window.Plotly.newPlot(id, figure.data, figure.layout, {responsive: true, displaylogo: false});\n");
        html.Append("})();\n</script>\n</div>");
        return html.ToString();
    }

    // JSON that cannot end the script tag it sits in: "</" becomes "<\/", the same string to JSON and JavaScript.
    private static string SafeInScript(string json) => json.Replace("</", "<\\/", StringComparison.Ordinal).Replace("<!--", "<\\!--", StringComparison.Ordinal);
}
