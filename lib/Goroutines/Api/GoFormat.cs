using System;
using System.Globalization;
using System.Text;

namespace Goroutines;

/// <summary>Formats values the way Go's fmt.Println does: spaces between operands, true/false, &lt;nil&gt;, 1e+06.</summary>
public static class GoFormat
{
    public static string Println(object?[] values)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < values.Length; i++)
        {
            if (i > 0) sb.Append(' ');
            sb.Append(Value(values[i]));
        }
        return sb.ToString();
    }

    /// <summary>One operand, as Go's %v.</summary>
    public static string Value(object? v) => v switch
    {
        null => "<nil>",
        bool b => b ? "true" : "false",
        double d => Float(d),
        float f => Float(f),
        TimeSpan t => Duration(t),
        string s => s,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => v.ToString() ?? "<nil>",
    };

    private static string Float(double d)
    {
        if (double.IsPositiveInfinity(d)) return "+Inf";
        if (double.IsNegativeInfinity(d)) return "-Inf";
        if (double.IsNaN(d)) return "NaN";
        var abs = Math.Abs(d);
        var r = d.ToString("R", CultureInfo.InvariantCulture);
        var e = r.IndexOf('E');
        if (e < 0) return r;
        // Go writes exponents with a sign and at least two digits: 1e+21, 1.5e-05.
        var exp = int.Parse(r[(e + 1)..], CultureInfo.InvariantCulture);
        return $"{r[..e]}e{(exp < 0 ? "-" : "+")}{Math.Abs(exp):00}";
    }

    /// <summary>A duration as Go's time.Duration.String: "1.5s", "10ms", "2m3s", "150µs".</summary>
    public static string Duration(TimeSpan t)
    {
        var ns = t.Ticks * 100;
        if (ns == 0) return "0s";
        var sign = ns < 0 ? "-" : "";
        ns = Math.Abs(ns);
        if (ns < 1000) return $"{sign}{ns}ns";
        if (ns < 1_000_000) return sign + Trim(ns / 1e3) + "µs";
        if (ns < 1_000_000_000) return sign + Trim(ns / 1e6) + "ms";
        var h = ns / 3_600_000_000_000L;
        var m = ns / 60_000_000_000L % 60;
        var s = ns % 60_000_000_000L / 1e9;
        if (h > 0) return $"{sign}{h}h{m}m{Trim(s)}s";
        if (m > 0) return $"{sign}{m}m{Trim(s)}s";
        return sign + Trim(s) + "s";
    }

    private static string Trim(double v) => v.ToString("0.#########", CultureInfo.InvariantCulture);
}
