using System.Globalization;
using System.Text;

namespace Goroutines.Workbook;

/// <summary>A small SVG writer: elements with invariant-culture numbers and escaped text, so the same input gives the same bytes.</summary>
internal sealed class Svg
{
    private readonly StringBuilder text = new();

    /// <summary>A number as SVG wants it: invariant culture, at most one decimal.</summary>
    public static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>Text escaped for an element or an attribute (only the five XML specials; other characters stay as they are).</summary>
    public static string Esc(string value) =>
        value.Replace("&", "&amp;", System.StringComparison.Ordinal).Replace("<", "&lt;", System.StringComparison.Ordinal)
            .Replace(">", "&gt;", System.StringComparison.Ordinal).Replace("\"", "&quot;", System.StringComparison.Ordinal)
            .Replace("'", "&#39;", System.StringComparison.Ordinal);

    /// <summary>Appends raw markup.</summary>
    public Svg Raw(string markup)
    {
        text.Append(markup);
        return this;
    }

    /// <summary>A rectangle with a class and optional extra attributes.</summary>
    public Svg Rect(double x, double y, double w, double h, string cls, string extra = "") =>
        Raw($"<rect class=\"{cls}\" x=\"{N(x)}\" y=\"{N(y)}\" width=\"{N(w)}\" height=\"{N(h)}\"{(extra.Length > 0 ? " " + extra : "")}/>");

    /// <summary>A line of text at (x, y); anchor is start, middle or end.</summary>
    public Svg Text(double x, double y, string value, string cls, string anchor = "start") =>
        Raw($"<text{(cls.Length > 0 ? $" class=\"{cls}\"" : "")} x=\"{N(x)}\" y=\"{N(y)}\"{(anchor == "start" ? "" : $" text-anchor=\"{anchor}\"")}>{Esc(value)}</text>");

    /// <summary>A straight line.</summary>
    public Svg Line(double x1, double y1, double x2, double y2, string cls) =>
        Raw($"<line class=\"{cls}\" x1=\"{N(x1)}\" y1=\"{N(y1)}\" x2=\"{N(x2)}\" y2=\"{N(y2)}\"/>");

    public override string ToString() => text.ToString();
}
