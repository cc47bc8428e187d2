using System;
using System.Collections.Generic;
using System.Linq;
using Plotly.NET;
using static Goroutines.Workbook.PlotlyParts;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace Goroutines.Workbook;

public static partial class Charts
{
    /// <summary>
    /// A few measured figures side by side, one horizontal bar each, with the figure written on its bar — e.g. what one
    /// goroutine and one OS thread cost to make: <c>Charts.Compare("Cost of one", "µs to make and finish one",
    /// "…", ("goroutine", 1.2), ("thread", 60))</c>. The caption says what was measured and how.
    /// </summary>
    public static GenericChart Compare(string title, string valueTitle, string caption, params (string Label, double Value)[] bars)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentException.ThrowIfNullOrWhiteSpace(valueTitle);
        ArgumentNullException.ThrowIfNull(caption);
        ArgumentNullException.ThrowIfNull(bars);
        if (bars.Length == 0)
            throw new ArgumentException("Compare needs at least one bar, e.g. (\"goroutine\", 1.2), (\"thread\", 60).", nameof(bars));
        if (bars.Any(b => double.IsNaN(b.Value) || double.IsInfinity(b.Value) || b.Value < 0))
            throw new ArgumentException("Compare draws figures of zero or more; one of them is negative or not a number.", nameof(bars));

        var labels = bars.Select(b => b.Label).Reverse().ToList();   // plotly draws the first category at the bottom
        var values = bars.Select(b => b.Value).Reverse().ToList();
        var chart = CSharpChart.Bar<double, string, string>(
            values,
            Keys: labels,
            Name: valueTitle,
            MultiText: values.Select(Figure).ToList(),
            MarkerColor: Colour(Palette.Color(4)),
            TextPosition: StyleParam.TextPosition.Auto,
            UseDefaults: false);
        Set(TraceOf(chart), ("hovertemplate", "%{y}: %{text}<extra></extra>"));
        var layout = LayoutOf(title, Axis(valueTitle, ("rangemode", "tozero")), Axis(""),
            height: 120 + 50 * bars.Length, hoverMode: "closest", [], showLegend: false);
        return Make([chart], layout, caption);
    }

    // 1234.5 → "1,235"; 12.345 → "12.3"; 0.1234 → "0.123".
    private static string Figure(double value) =>
        value >= 100 ? value.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)
        : value >= 10 ? value.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)
        : value.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);
}
