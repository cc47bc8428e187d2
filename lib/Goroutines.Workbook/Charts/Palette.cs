namespace Goroutines.Workbook;

/// <summary>
/// The Okabe-Ito colours, which people with every common kind of colour blindness can tell apart.
/// Charts never rely on colour alone: bars also carry their G id, lines their dash style and name; timelines colour
/// bars by how they ended (SpanEnding), never one colour per goroutine, which would repeat past eight.
/// </summary>
public static class Palette
{
    // Orange, sky blue, bluish green, yellow, blue, vermillion, reddish purple, black.
    private static readonly string[] Fills = ["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000"];

    // Dash styles that tell lines apart without colour.
    private static readonly string[] Dashes = ["solid", "dash", "dot", "dashdot", "longdash"];

    /// <summary>How many colours there are before they repeat.</summary>
    public static int Count => Fills.Length;

    /// <summary>The i-th colour (repeating).</summary>
    public static string Color(int i) => Fills[Index(i, Fills.Length)];

    /// <summary>The i-th dash style (repeating).</summary>
    public static string Dash(int i) => Dashes[Index(i, Dashes.Length)];

    private static int Index(int i, int count) => (i % count + count) % count;
}
