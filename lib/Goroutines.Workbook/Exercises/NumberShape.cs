using System;
using System.Collections;

namespace Goroutines.Workbook.Exercises;

/// <summary>One number, normalised to its invariant form ("3", "2.5"); "G7", "P1" and a final "µs" are allowed.</summary>
internal sealed class NumberShape : AnswerShape
{
    public override string Expected => "one number, like 3 or \"3\"";

    protected override ParsedAnswer ReadValue(object answer)
    {
        switch (answer)
        {
            case int or long or short or byte or uint or ulong:
                return ParsedAnswer.Of(Convert.ToDecimal(answer, System.Globalization.CultureInfo.InvariantCulture).ToString(System.Globalization.CultureInfo.InvariantCulture));
            case double d when double.IsFinite(d):
                return ParsedAnswer.Of(AnswerText.Format((decimal)d));
            case float f when float.IsFinite(f):
                return ParsedAnswer.Of(AnswerText.Format((decimal)f));
            case decimal m:
                return ParsedAnswer.Of(AnswerText.Format(m));
            case string s:
                var tokens = AnswerText.Tokens(AnswerText.WithoutUnit(s));
                if (tokens.Length == 1 && AnswerText.TryNumber(tokens[0], out var value))
                    return ParsedAnswer.Of(AnswerText.Format(value));
                return ParsedAnswer.WrongShape(tokens.Length > 1
                    ? $"This answer should be {Expected}; \"{s.Trim()}\" has {tokens.Length} parts. Write just the number."
                    : $"This answer should be {Expected}; \"{s.Trim()}\" is not a number.");
            case IEnumerable items:
                var only = Single(items);
                return only is null ? Refuse(answer) : ReadValue(only);
            default:
                return Refuse(answer);
        }
    }

    // The one item of a one-item collection (new[] { 3 }), or null.
    private static object? Single(IEnumerable items)
    {
        object? first = null;
        var count = 0;
        foreach (var item in items)
        {
            first = item;
            if (++count > 1)
                return null;
        }
        return first is IEnumerable and not string ? null : first;
    }
}
