using System;
using System.Globalization;
using System.Linq;

namespace Goroutines.Workbook.Exercises;

/// <summary>Small text helpers the answer shapes share.</summary>
internal static class AnswerText
{
    private static readonly char[] Separators = [' ', '\t', '\r', '\n', ',', ';', '[', ']', '(', ')', '{', '}'];

    /// <summary>Splits "9, 0 1;2" into its tokens.</summary>
    public static string[] Tokens(string text) => text.Split(Separators, StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Reads "9", "G9", "g9", "P1", "M2" as an integer (the letter of a G, P or M is allowed).</summary>
    public static bool TryInteger(string token, out long value)
    {
        var t = token.Trim().TrimEnd('.');
        if (t.Length > 1 && "GgPpMm".Contains(t[0]))
            t = t[1..];
        return long.TryParse(t, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Reads "2.5", "G7", "3" as a number (the letter of a G, P or M is allowed, and a final "µs" is ignored).</summary>
    public static bool TryNumber(string token, out decimal value)
    {
        var t = WithoutUnit(token);
        if (t.Length > 1 && "GgPpMm".Contains(t[0]))
            t = t[1..];
        return decimal.TryParse(t, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>"400 µs" → "400": a final "µs" (the unit the lessons measure in) and a full stop are dropped.</summary>
    public static string WithoutUnit(string text)
    {
        var t = text.Trim().TrimEnd('.');
        foreach (var unit in new[] { "µs", "us" })
            if (t.EndsWith(unit, StringComparison.OrdinalIgnoreCase))
                return t[..^unit.Length].Trim();
        return t;
    }

    /// <summary>A number in its one normal form: 3, 2.5, -1 (no trailing zeros, invariant culture).</summary>
    public static string Format(decimal value) => (value / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);

    /// <summary>Lower case, single spaces, no surrounding quotes or final full stop: "  The Global  queue. " → "the global queue".</summary>
    public static string Words(string text) =>
        string.Join(' ', text.Trim().Trim('"', '\'', '`').TrimEnd('.', '!').ToLowerInvariant()
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
