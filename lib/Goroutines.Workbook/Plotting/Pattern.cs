using System.Collections.Generic;

namespace Goroutines.Workbook.Plotting;

/// <summary>A hatch pattern on bars, so they can be told apart without colour ("/" diagonal lines, "" none).</summary>
public sealed class Pattern
{
    /// <summary>One shape per bar: "", "/", "\\", "x", "-", "|", "+" or ".".</summary>
    public IReadOnlyList<string>? Shape { get; init; }
}
