using System.Text.Json;
using System.Text.RegularExpressions;
using Goroutines.Workbook.Cli.Execution;

namespace Goroutines.Workbook.Cli.Grading;

/// <summary>
/// Gathers the exercises' submission elements from HTML: from what the kernel emitted while the grader
/// ran the notebook, or (to compare) from the outputs stored in the notebook file. Exercises are found
/// by id wherever they are; when one is checked more than once, the last check in notebook order counts.
/// </summary>
public static partial class SubmissionCollector
{
    [GeneratedRegex("""<script\b[^>]*\btype\s*=\s*["']application/vnd\.goroutine-workbook\.submission\+json["'][^>]*>(.*?)</script\s*>""", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Element();

    /// <summary>Every element in <paramref name="html"/>, in order.</summary>
    public static IEnumerable<SubmissionRecord> InHtml(string html, int cell) =>
        Element().Matches(html)
            .Select(m => SubmissionRecord.TryParse(m.Groups[1].Value.Trim(), cell))
            .OfType<SubmissionRecord>();

    /// <summary>Every element the run emitted, cell by cell, output by output.</summary>
    public static IReadOnlyList<SubmissionRecord> FromRun(IEnumerable<CellResult> cells) =>
        cells.SelectMany(c => c.Outputs.SelectMany(o => HtmlOf(o).SelectMany(html => InHtml(html, c.Cell.Number)))).ToList();

    /// <summary>The last record of each exercise, by exercise id.</summary>
    public static IReadOnlyDictionary<string, SubmissionRecord> LastByExercise(IEnumerable<SubmissionRecord> records)
    {
        var last = new Dictionary<string, SubmissionRecord>(StringComparer.Ordinal);
        foreach (var record in records)
            last[record.Exercise] = record;
        return last;
    }

    /// <summary>Every element in the outputs stored in the notebook file (what the student's own run, or an editor, left there).</summary>
    public static IReadOnlyList<SubmissionRecord> FromStoredOutputs(string notebookJson)
    {
        var records = new List<SubmissionRecord>();
        try
        {
            using var doc = JsonDocument.Parse(notebookJson, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            if (!doc.RootElement.TryGetProperty("cells", out var cells) || cells.ValueKind != JsonValueKind.Array)
                return records;
            var number = 0;
            foreach (var cell in cells.EnumerateArray())
            {
                number++;
                if (cell.ValueKind != JsonValueKind.Object || !cell.TryGetProperty("outputs", out var outputs) || outputs.ValueKind != JsonValueKind.Array)
                    continue;
                foreach (var output in outputs.EnumerateArray())
                {
                    if (output.ValueKind == JsonValueKind.Object && output.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object)
                    {
                        foreach (var value in data.EnumerateObject())
                            records.AddRange(InHtml(Joined(value.Value), number));
                    }
                    if (output.ValueKind == JsonValueKind.Object && output.TryGetProperty("text", out var text))
                        records.AddRange(InHtml(Joined(text), number));
                }
            }
        }
        catch (JsonException)
        {
            // not a notebook: the run says so
        }
        return records;
    }

    private static IEnumerable<string> HtmlOf(CellOutput output) =>
        output.Data.TryGetValue(CellOutput.Html, out var html) ? [html] : [];

    // nbformat stores text as a string or a list of lines.
    private static string Joined(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() ?? "",
        JsonValueKind.Array => string.Concat(value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString())),
        _ => "",
    };
}
