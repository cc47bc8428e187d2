using System.Linq;
using System.Text.Json;
using Goroutines.Workbook.Plotting;

namespace Goroutines.Workbook.Tests;

/// <summary>Reads a figure back from the JSON plotly.js would get, so tests check what is really sent.</summary>
internal static class Json
{
    public static JsonElement Of(Figure figure) => JsonDocument.Parse(figure.ToJson()).RootElement;

    public static JsonElement Trace(Figure figure, string name) =>
        Of(figure).GetProperty("data").EnumerateArray().Single(t => t.GetProperty("name").GetString() == name);

    public static double[] Numbers(JsonElement array) => array.EnumerateArray().Select(e => e.GetDouble()).ToArray();

    public static string[] Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToArray();
}
