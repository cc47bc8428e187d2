using System.Text.Json;
using System.Text.Json.Nodes;

namespace Notebooks.Tests.Support;

/// <summary>Writes small .ipynb files in the lessons' format: code cells with their source and, when given, stored outputs.</summary>
public static class NotebookFile
{
    /// <summary>A code cell, optionally with one stored text/html output (what a saved notebook carries).</summary>
    public sealed record Cell(string Source, string? StoredHtml = null);

    // nbformat's source: a list of lines, each but the last ending in a newline.
    private static JsonArray Lines(string source)
    {
        var lines = source.Split('\n');
        return new JsonArray(lines.Select((line, i) => (JsonNode)JsonValue.Create(i < lines.Length - 1 ? line + "\n" : line)!).ToArray());
    }

    public static string Write(string path, params Cell[] cells)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var list = new JsonArray();
        foreach (var cell in cells)
        {
            var outputs = new JsonArray();
            if (cell.StoredHtml is not null)
                outputs.Add(new JsonObject
                {
                    ["output_type"] = "display_data",
                    ["metadata"] = new JsonObject(),
                    ["data"] = new JsonObject { ["text/html"] = new JsonArray(cell.StoredHtml) },
                });
            list.Add(new JsonObject
            {
                ["cell_type"] = "code",
                ["execution_count"] = null,
                ["metadata"] = new JsonObject { ["polyglot_notebook"] = new JsonObject { ["kernelName"] = "csharp" } },
                ["outputs"] = outputs,
                ["source"] = Lines(cell.Source),
            });
        }
        var notebook = new JsonObject
        {
            ["cells"] = list,
            ["metadata"] = new JsonObject
            {
                ["kernelspec"] = new JsonObject { ["display_name"] = ".NET (C#)", ["language"] = "C#", ["name"] = ".net-csharp" },
                ["polyglot_notebook"] = new JsonObject { ["kernelInfo"] = new JsonObject { ["defaultKernelName"] = "csharp" } },
            },
            ["nbformat"] = 4,
            ["nbformat_minor"] = 5,
        };
        File.WriteAllText(path, notebook.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        return path;
    }
}
