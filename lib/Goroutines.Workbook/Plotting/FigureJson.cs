using System.Text.Json;
using System.Text.Json.Serialization;

namespace Goroutines.Workbook.Plotting;

/// <summary>Turns a Figure into the JSON plotly.js reads.</summary>
internal static class FigureJson
{
    // Lower-case names, no nulls; the default encoder escapes &lt; and &gt;, so the JSON is safe inside a script tag.
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = new LowerCaseNamingPolicy(),
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>{"data": [...], "layout": {...}}.</summary>
    public static string Serialize(Figure figure) => JsonSerializer.Serialize(figure, Options);
}
