using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Goroutines.Workbook.Plotting;

/// <summary>
/// Bars: one per category. Horizontal bars with a Base are spans on a time line
/// (category = the row, Base = where the bar starts, Value = how long it is).
/// </summary>
public sealed class Bar : PlotTrace
{
    public override string Type => "bar";

    /// <summary>The category (row or column label) of each bar.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>The length of each bar.</summary>
    [JsonIgnore]
    public IReadOnlyList<double> Values { get; init; } = [];

    /// <summary>Where each bar starts (default 0); with Horizontal this makes a timeline.</summary>
    public IReadOnlyList<double>? Base { get; init; }

    /// <summary>Bars grow to the right from rows on the y axis, instead of up from the x axis.</summary>
    [JsonIgnore]
    public bool Horizontal { get; init; }

    /// <summary>The fill and outline of the bars.</summary>
    public Marker? Marker { get; init; }

    /// <summary>Where Text goes: "inside", "outside", "auto" or "none".</summary>
    public string? TextPosition { get; init; }

    /// <summary>Where inside the bar the text sits: "start", "middle" or "end".</summary>
    public string? InsideTextAnchor { get; init; }

    /// <summary>The angle of Text in degrees; 0 keeps labels horizontal even in narrow bars.</summary>
    public double? TextAngle { get; init; }

    /// <summary>The font of Text inside the bars.</summary>
    public Font? InsideTextFont { get; init; }

    // plotly wants x and y: categories on one axis, values on the other.
    [JsonInclude, JsonPropertyName("x")]
    private IReadOnlyList<object> X => Horizontal ? Boxed(Values) : Categories;

    [JsonInclude, JsonPropertyName("y")]
    private IReadOnlyList<object> Y => Horizontal ? Categories : Boxed(Values);

    [JsonInclude, JsonPropertyName("orientation")]
    private string Orientation => Horizontal ? "h" : "v";

    private static IReadOnlyList<object> Boxed(IReadOnlyList<double> values)
    {
        var boxed = new object[values.Count];
        for (var i = 0; i < boxed.Length; i++)
            boxed[i] = values[i];
        return boxed;
    }
}
