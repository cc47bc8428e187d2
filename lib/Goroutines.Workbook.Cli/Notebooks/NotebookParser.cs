using System.Text.Json;

namespace Goroutines.Workbook.Cli.Notebooks;

/// <summary>
/// Reads .ipynb files (nbformat 4) as Polyglot Notebooks writes them. A code cell's kernel comes from
/// its polyglot_notebook (or older dotnet_interactive) metadata; cells that name none are C#, as VS Code
/// treats them in a notebook whose kernelspec is .net-csharp.
/// </summary>
public static class NotebookParser
{
    public const string DefaultKernel = "csharp";

    public static NotebookDocument Load(string path)
    {
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new NotebookFormatException(path, "the file cannot be read (" + e.Message + ")", e);
        }
        return Parse(path, json);
    }

    public static NotebookDocument Parse(string path, string json)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            throw new NotebookFormatException(path, $"the JSON is malformed at line {e.LineNumber + 1}, position {e.BytePositionInLine + 1}", e);
        }

        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw new NotebookFormatException(path, "the top level is not a JSON object");
            if (!root.TryGetProperty("cells", out var cells) || cells.ValueKind != JsonValueKind.Array)
                throw new NotebookFormatException(path, "it has no \"cells\" array");

            var defaultKernel = DefaultKernelOf(root);
            var list = new List<NotebookCell>();
            var number = 0;
            foreach (var cell in cells.EnumerateArray())
            {
                number++;
                if (cell.ValueKind != JsonValueKind.Object)
                    throw new NotebookFormatException(path, $"cell {number} is not a JSON object");
                var type = cell.TryGetProperty("cell_type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
                var kind = type switch
                {
                    "code" => CellKind.Code,
                    "markdown" => CellKind.Markdown,
                    "raw" => CellKind.Raw,
                    _ => throw new NotebookFormatException(path, $"cell {number} has cell_type \"{type}\"; expected code, markdown or raw"),
                };
                var source = SourceOf(path, number, cell);
                string? kernel = null;
                if (kind == CellKind.Code)
                {
                    kernel = CellKernelOf(cell) ?? defaultKernel;
                    if (kernel == "markdown")
                        kind = CellKind.Markdown;
                }
                list.Add(new NotebookCell(number, kind, kind == CellKind.Code ? kernel : null, source));
            }
            return new NotebookDocument(path, TitleOf(path, list), list);
        }
    }

    private static string SourceOf(string path, int number, JsonElement cell)
    {
        if (!cell.TryGetProperty("source", out var source))
            return "";
        return source.ValueKind switch
        {
            JsonValueKind.String => source.GetString()!,
            JsonValueKind.Array => string.Concat(source.EnumerateArray().Select(line =>
                line.ValueKind == JsonValueKind.String
                    ? line.GetString()
                    : throw new NotebookFormatException(path, $"cell {number} has a source line that is not a string"))),
            _ => throw new NotebookFormatException(path, $"cell {number} has a source that is neither a string nor a list of strings"),
        };
    }

    private static string DefaultKernelOf(JsonElement root)
    {
        if (root.TryGetProperty("metadata", out var meta) && meta.ValueKind == JsonValueKind.Object)
        {
            if (meta.TryGetProperty("polyglot_notebook", out var poly) && poly.ValueKind == JsonValueKind.Object &&
                poly.TryGetProperty("defaultKernelName", out var name) && name.ValueKind == JsonValueKind.String)
                return Normalize(name.GetString()!);
            if (meta.TryGetProperty("kernelspec", out var spec) && spec.ValueKind == JsonValueKind.Object &&
                spec.TryGetProperty("language", out var lang) && lang.ValueKind == JsonValueKind.String)
                return Normalize(lang.GetString()!);
        }
        return DefaultKernel;
    }

    private static string? CellKernelOf(JsonElement cell)
    {
        if (!cell.TryGetProperty("metadata", out var meta) || meta.ValueKind != JsonValueKind.Object)
            return null;
        if (meta.TryGetProperty("polyglot_notebook", out var poly) && poly.ValueKind == JsonValueKind.Object &&
            poly.TryGetProperty("kernelName", out var name) && name.ValueKind == JsonValueKind.String)
            return Normalize(name.GetString()!);
        if (meta.TryGetProperty("dotnet_interactive", out var dni) && dni.ValueKind == JsonValueKind.Object &&
            dni.TryGetProperty("language", out var lang) && lang.ValueKind == JsonValueKind.String)
            return Normalize(lang.GetString()!);
        return null;
    }

    private static string Normalize(string name) => name.Trim().ToLowerInvariant() switch
    {
        "c#" or "csharp" or ".net-csharp" => "csharp",
        "f#" or "fsharp" or ".net-fsharp" => "fsharp",
        "powershell" or "pwsh" or ".net-pwsh" => "pwsh",
        var other => other,
    };

    private static string TitleOf(string path, IEnumerable<NotebookCell> cells)
    {
        foreach (var cell in cells.Where(c => c.Kind == CellKind.Markdown))
        {
            foreach (var line in cell.Source.Split('\n'))
            {
                var trimmed = line.Trim();
                if (trimmed.StartsWith("# ", StringComparison.Ordinal))
                    return trimmed[2..].Replace("`", "", StringComparison.Ordinal).Trim();   // plain text: the title goes into <title>, links and the index
            }
        }
        return Path.GetFileNameWithoutExtension(path);
    }
}
