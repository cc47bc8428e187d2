using System;
using System.Globalization;

namespace Goroutines.Workbook.Exercises;

/// <summary>
/// One number compared to a fixed number of decimal places: read as NumberShape reads it, then rounded (half away from
/// zero), so "2.29", "2.3", "2.3×" and 2.2857 are the same answer at one decimal. For figures like a speedup, where a student's
/// arithmetic and the run's measured value differ in the last digits.
/// </summary>
internal sealed class RoundedNumberShape(int decimals) : AnswerShape
{
    private readonly NumberShape number = new();

    public override string Expected => $"one number, like 1.5 (compared to {decimals} decimal place{(decimals == 1 ? "" : "s")})";

    protected override ParsedAnswer ReadValue(object answer)
    {
        // A speedup is often written with its sign: "2.3x", "2.3×".
        if (answer is string s && s.TrimEnd().TrimEnd('x', 'X', '×') is var bare && bare.Length < s.TrimEnd().Length)
            answer = bare;
        var read = number.Read(answer);
        if (!read.IsReadable)
            return read.Verdict == Verdict.Invalid ? ParsedAnswer.WrongShape(read.Problem.Replace("one number, like 3 or \"3\"", Expected)) : read;
        var value = decimal.Parse(read.Text!, NumberStyles.Float, CultureInfo.InvariantCulture);
        return ParsedAnswer.Of(AnswerText.Format(Math.Round(value, decimals, MidpointRounding.AwayFromZero)));
    }
}
