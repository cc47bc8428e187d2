using System.Linq;
using System.Text.Json;
using Plotly.NET;

namespace Goroutines.Workbook.Tests;

/// <summary>Reads a chart back from the JSON plotly.js would get (GenericChart.toFigureJson), so tests check what is really sent.</summary>
internal static class Json
{
    public static JsonElement Of(GenericChart chart) => JsonDocument.Parse(GenericChart.toFigureJson(chart)).RootElement;

    public static JsonElement Layout(GenericChart chart) => Of(chart).GetProperty("layout");

    public static JsonElement[] Traces(GenericChart chart) => Of(chart).GetProperty("data").EnumerateArray().ToArray();

    public static JsonElement Trace(GenericChart chart, string name) =>
        Traces(chart).Single(t => t.GetProperty("name").GetString() == name);

    public static string[] Names(GenericChart chart) => Traces(chart).Select(t => t.GetProperty("name").GetString()!).ToArray();

    public static string Title(GenericChart chart) => Layout(chart).GetProperty("title").GetProperty("text").GetString()!;

    public static string XTitle(GenericChart chart) => Layout(chart).GetProperty("xaxis").GetProperty("title").GetProperty("text").GetString()!;

    public static string YTitle(GenericChart chart) => Layout(chart).GetProperty("yaxis").GetProperty("title").GetProperty("text").GetString()!;

    public static string[] Notes(GenericChart chart) =>
        Layout(chart).TryGetProperty("annotations", out var notes) ? notes.EnumerateArray().Select(n => n.GetProperty("text").GetString()!).ToArray() : [];

    /// <summary>Every bar of a timeline, whatever trace it is in: its label (the G), row, start, length, trace and hover data.</summary>
    public static Bar[] Bars(GenericChart chart) =>
        Traces(chart).SelectMany(t =>
        {
            var labels = Strings(t.GetProperty("text"));
            var rows = Strings(t.GetProperty("y"));
            var starts = Numbers(t.GetProperty("base"));
            var lengths = Numbers(t.GetProperty("x"));
            var custom = t.GetProperty("customdata").EnumerateArray().ToArray();
            return labels.Select((label, i) => new Bar(label, rows[i], starts[i], lengths[i], t.GetProperty("name").GetString()!, custom[i]));
        }).OrderBy(b => b.Start).ToArray();

    public sealed record Bar(string G, string Row, double Start, double Length, string Trace, JsonElement CustomData);

    public static double[] Numbers(JsonElement array) => array.EnumerateArray().Select(e => e.GetDouble()).ToArray();

    public static string[] Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToArray();
}
