using System.Text.Json;

namespace Goroutines.Workbook.Cli.Kernel;

/// <summary>One event line from <c>dotnet interactive stdio</c>: its type, the token of the command it answers, and its body.</summary>
public sealed record KernelEvent(string EventType, string? Token, JsonElement Body)
{
    /// <summary>Parses an event envelope; null for lines that are not one (the tool's first-run banner).</summary>
    public static KernelEvent? TryParse(string line)
    {
        var trimmed = line.TrimStart();
        if (!trimmed.StartsWith('{'))
            return null;
        try
        {
            using var doc = JsonDocument.Parse(trimmed);
            var root = doc.RootElement;
            if (!root.TryGetProperty("eventType", out var type) || type.ValueKind != JsonValueKind.String)
                return null;
            string? token = null;
            if (root.TryGetProperty("command", out var command) && command.ValueKind == JsonValueKind.Object &&
                command.TryGetProperty("token", out var t) && t.ValueKind == JsonValueKind.String)
                token = t.GetString();
            var body = root.TryGetProperty("event", out var e) ? e.Clone() : default;
            return new KernelEvent(type.GetString()!, token, body);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A string property of the event body, or null.</summary>
    public string? GetString(string name) =>
        Body.ValueKind == JsonValueKind.Object && Body.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
            ? v.GetString()
            : null;
}
