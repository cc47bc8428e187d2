using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Plotly.NET;

namespace Goroutines.Workbook.Plotting;

/// <summary>
/// plotly.js itself, as Plotly.NET carries it: the resource "Plotly.NET.plotly-X.Y.Z.min.js" of Plotly.NET.dll.
/// Charts write it into the page once, so they draw offline.
/// </summary>
public static class PlotlyJs
{
    // Plotly.NET's resource names look like "Plotly.NET.plotly-2.28.0.min.js".
    private static readonly Regex ScriptResourceName = new(@"^Plotly\.NET\.plotly-(?<version>\d+\.\d+\.\d+)\.min\.js$");

    private static readonly Lazy<(string Source, string Version)> Script = new(ReadScript);

    /// <summary>The minified plotly.js source (about 3.5 MB).</summary>
    public static string Source => Script.Value.Source;

    /// <summary>The plotly.js version, e.g. "2.28.0".</summary>
    public static string Version => Script.Value.Version;

    /// <summary>The id of the inline script tag; the exporter finds plotly.js by it.</summary>
    public const string ScriptId = "plotly-js";

    /// <summary>
    /// plotly.js as an inline script tag that sets window.Plotly even where an AMD loader (require.js, as in Jupyter)
    /// is on the page: there plotly.js would register itself with the loader instead, so "define" is hidden while it runs.
    /// </summary>
    public static string ScriptTag() =>
        $"<script id=\"{ScriptId}\">\n"
        + "(function () {\nvar define = undefined; var module = undefined; var exports = undefined;\n"
        + Source.Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase)
        + "\n}).call(window);\n</script>";

    private static (string, string) ReadScript()
    {
        var assembly = typeof(GenericChart).Assembly;
        var name = assembly.GetManifestResourceNames().FirstOrDefault(n => ScriptResourceName.IsMatch(n))
            ?? throw new InvalidOperationException("Plotly.NET.dll has no plotly-X.Y.Z.min.js resource; was the Plotly.NET package version changed?");
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return (reader.ReadToEnd(), ScriptResourceName.Match(name).Groups["version"].Value);
    }
}
