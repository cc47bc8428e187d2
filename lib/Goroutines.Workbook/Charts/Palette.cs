namespace Goroutines.Workbook;

/// <summary>
/// The Okabe-Ito colours, which people with every common kind of colour blindness can tell apart.
/// Charts never rely on colour alone: bars also carry their G id, lines their dash style and name.
/// </summary>
public static class Palette
{
    // Orange, sky blue, bluish green, yellow, blue, vermillion, reddish purple, black.
    private static readonly string[] Fills = ["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000"];

    // A readable text colour on each fill.
    private static readonly string[] Texts = ["#000000", "#000000", "#000000", "#000000", "#FFFFFF", "#FFFFFF", "#000000", "#FFFFFF"];

    // Dash styles that tell lines apart without colour.
    private static readonly string[] Dashes = ["solid", "dash", "dot", "dashdot", "longdash"];

    /// <summary>How many colours there are before they repeat.</summary>
    public static int Count => Fills.Length;

    /// <summary>The i-th colour (repeating).</summary>
    public static string Color(int i) => Fills[Index(i, Fills.Length)];

    /// <summary>A readable text colour on the i-th colour.</summary>
    public static string TextOn(int i) => Texts[Index(i, Texts.Length)];

    /// <summary>The i-th dash style (repeating).</summary>
    public static string Dash(int i) => Dashes[Index(i, Dashes.Length)];

    /// <summary>The colour index of goroutine G (G1, main, gets the first colour).</summary>
    public static int ForG(long g) => (int)((g - 1) % Fills.Length + Fills.Length) % Fills.Length;

    private static int Index(int i, int count) => (i % count + count) % count;
}
