using System;
using System.IO;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text;
using System.Text.RegularExpressions;

namespace Goroutines.Workbook.Plotting;

/// <summary>
/// plotly.js itself, read from the Plotly.NET package at run time without loading Plotly.NET:
/// its DLL is embedded in ours as plain bytes, and its resource "Plotly.NET.plotly-X.Y.Z.min.js" is read with a PE reader.
/// </summary>
public static class PlotlyJs
{
    // The name under which PlotlyJs.targets embeds Plotly.NET.dll in this assembly.
    private const string EmbeddedDllName = "Plotly.NET.dll.bytes";

    // Plotly.NET's resource names look like "Plotly.NET.plotly-2.28.0.min.js".
    private static readonly Regex ScriptResourceName = new(@"^Plotly\.NET\.plotly-(?<version>\d+\.\d+\.\d+)\.min\.js$");

    private static readonly Lazy<(string Source, string Version)> Script = new(ReadScript);

    /// <summary>The minified plotly.js source (about 3.5 MB).</summary>
    public static string Source => Script.Value.Source;

    /// <summary>The plotly.js version, e.g. "2.28.0".</summary>
    public static string Version => Script.Value.Version;

    /// <summary>The id of the inline script tag; the exporter finds plotly.js by it.</summary>
    public const string ScriptId = "plotly-js";

    /// <summary>plotly.js as an inline script tag: &lt;script id="plotly-js"&gt;…&lt;/script&gt;.</summary>
    public static string ScriptTag() => $"<script id=\"{ScriptId}\">{Source}</script>";

    // Finds the plotly.js resource in the embedded Plotly.NET.dll and decodes it.
    private static (string, string) ReadScript()
    {
        using var dll = typeof(PlotlyJs).Assembly.GetManifestResourceStream(EmbeddedDllName)
            ?? throw new InvalidOperationException(
                $"{EmbeddedDllName} is missing from {typeof(PlotlyJs).Assembly.GetName().Name}.dll; rebuild the workbook (dotnet build).");
        using var pe = new PEReader(dll);
        var metadata = pe.GetMetadataReader();
        foreach (var handle in metadata.ManifestResources)
        {
            var resource = metadata.GetManifestResource(handle);
            var match = ScriptResourceName.Match(metadata.GetString(resource.Name));
            if (match.Success)
                return (Encoding.UTF8.GetString(ReadResource(pe, resource)), match.Groups["version"].Value);
        }
        throw new InvalidOperationException("Plotly.NET.dll has no plotly-X.Y.Z.min.js resource; was the Plotly.NET package version changed?");
    }

    // A managed resource is stored in the PE's resources directory as a 4-byte length followed by its bytes.
    private static byte[] ReadResource(PEReader pe, ManifestResource resource)
    {
        var directory = pe.PEHeaders.CorHeader!.ResourcesDirectory;
        var reader = pe.GetSectionData(directory.RelativeVirtualAddress).GetReader();
        reader.Offset = checked((int)resource.Offset);
        var length = reader.ReadInt32();
        return reader.ReadBytes(length);
    }
}
