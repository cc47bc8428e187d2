using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text.RegularExpressions;
using DynamicObj;
using Giraffe.ViewEngine;
using Microsoft.FSharp.Collections;
using Plotly.NET;

namespace Goroutines.Workbook;

/// <summary>
/// The few things Plotly.NET.CSharp has no argument for, set by their plotly.js names: Plotly.NET's traces and
/// layouts are DynamicObjs, so any plotly.js attribute can be set on them (a student can do the same).
/// </summary>
internal static class PlotlyParts
{
    /// <summary>Sets plotly.js attributes on a trace, layout or part of one; null values are left out.</summary>
    public static T Set<T>(T target, params (string Name, object? Value)[] attributes) where T : DynamicObj.DynamicObj
    {
        foreach (var (name, value) in attributes)
            if (value != null)
                target.SetProperty(name, value);
        return target;
    }

    /// <summary>A part of a trace or layout (a title, an axis, a font, …) with these attributes.</summary>
    public static DynamicObj.DynamicObj Part(params (string Name, object? Value)[] attributes) => Set(new DynamicObj.DynamicObj(), attributes);

    /// <summary>The only trace of a chart made by one Plotly.NET.CSharp call, to set what that call has no argument for.</summary>
    public static Trace TraceOf(GenericChart chart) => GenericChart.getTraces(chart).Single();

    /// <summary>The charts as one (no traces for none), with this layout and a caption under it.</summary>
    public static GenericChart Finish(IReadOnlyList<GenericChart> parts, Layout layout, string caption)
    {
        var chart = parts.Count == 0
            ? GenericChart.ofTraceObjects(false, FSharpList<Trace>.Empty)
            : Plotly.NET.CSharp.Chart.Combine(parts);
        chart = GenericChart.setLayout(layout, chart);
        return Plotly.NET.Chart.withDescription(ListModule.OfSeq([HtmlElements.encodedText(caption)]), chart);
    }

    /// <summary>A chart's caption (its Plotly.NET description) as plain text; "" when it has none.</summary>
    public static string CaptionOf(GenericChart chart)
    {
        var nodes = DisplayOptions.tryGetChartDescription(GenericChart.getDisplayOptions(chart));
        if (nodes == null)
            return "";
        var html = RenderView.AsString.htmlNodes(nodes.Value);
        return WebUtility.HtmlDecode(Regex.Replace(html, "<[^>]*>", "")).Trim();
    }

    /// <summary>A chart's title, "" when it has none.</summary>
    public static string TitleOf(GenericChart chart)
    {
        var layout = GenericChart.getLayout(chart);
        return layout.TryGetPropertyValue("title") is { } title && title.Value is DynamicObj.DynamicObj t
               && t.TryGetPropertyValue("text") is { } text ? text.Value?.ToString() ?? "" : "";
    }

    /// <summary>Colours as Plotly.NET wants them.</summary>
    public static Color Colour(string hex) => Color.fromHex(hex);

    /// <summary>A list plotly.js reads as one value per point.</summary>
    public static object[] PerPoint<T>(IEnumerable<T> values) => values.Select(v => (object)v!).ToArray();
}
