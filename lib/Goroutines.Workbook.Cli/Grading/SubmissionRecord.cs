using System.Text.Json;

namespace Goroutines.Workbook.Cli.Grading;

/// <summary>
/// What one checked exercise said about itself: the JSON of its
/// <c>&lt;script type="application/vnd.goroutine-workbook.submission+json"&gt;</c> element, and the cell it came from.
/// </summary>
public sealed record SubmissionRecord
{
    public const string ScriptType = "application/vnd.goroutine-workbook.submission+json";

    public int Schema { get; init; }
    public string Exercise { get; init; } = "";
    public string Kind { get; init; } = "";
    public string? Student { get; init; }
    public string? ClaimedStudent { get; init; }
    public string? Variant { get; init; }
    public string? Answer { get; init; }
    public string Verdict { get; init; } = "";
    public string? Misconception { get; init; }
    public int? Seeds { get; init; }
    public string? FailingSeed { get; init; }
    public bool Grading { get; init; }

    /// <summary>The notebook position of the cell whose output carried it.</summary>
    public int Cell { get; init; }

    /// <summary>Reads one element's JSON; null when it is not a JSON object with an exercise id.</summary>
    public static SubmissionRecord? TryParse(string json, int cell)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            var o = doc.RootElement;
            if (o.ValueKind != JsonValueKind.Object || Text(o, "exercise") is not { Length: > 0 } exercise)
                return null;
            return new SubmissionRecord
            {
                Schema = o.TryGetProperty("schema", out var s) && s.ValueKind == JsonValueKind.Number && s.TryGetInt32(out var n) ? n : 0,
                Exercise = exercise,
                Kind = Text(o, "kind") ?? "",
                Student = Text(o, "student"),
                ClaimedStudent = Text(o, "claimedStudent"),
                Variant = Text(o, "variant"),
                Answer = Text(o, "answer"),
                Verdict = Text(o, "verdict") ?? "",
                Misconception = Text(o, "misconception"),
                Seeds = o.TryGetProperty("seeds", out var seeds) && seeds.ValueKind == JsonValueKind.Number && seeds.TryGetInt32(out var count) ? count : null,
                FailingSeed = Text(o, "failingSeed"),
                Grading = o.TryGetProperty("grading", out var g) && g.ValueKind == JsonValueKind.True,
                Cell = cell,
            };
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // A string field as text; numbers and booleans as their JSON text; null and absent as null.
    private static string? Text(JsonElement o, string name)
    {
        if (!o.TryGetProperty(name, out var v)) return null;
        return v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            _ => v.GetRawText(),
        };
    }
}
