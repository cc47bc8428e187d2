using System.Collections.Generic;

namespace Goroutines.Workbook.Plotting;

/// <summary>A hatch pattern on bars, so they can be told apart without colour ("/" diagonal lines, "" none).</summary>
public sealed class Pattern
{
    /// <summary>One shape per bar: "", "/", "\\", "x", "-", "|", "+" or ".".</summary>
    public IReadOnlyList<string>? Shape { get; init; }

    /// <summary>"overlay" draws the pattern over the bar's colour; "replace" (plotly's default) draws it instead of it.</summary>
    public string? FillMode { get; init; }

    /// <summary>The colour of the pattern's lines.</summary>
    public string? FgColor { get; init; }

    /// <summary>The opacity of the pattern's lines, 0 to 1.</summary>
    public double? FgOpacity { get; init; }
}
