namespace Goroutines.Workbook.Plotting;

/// <summary>The fill of bars or points, and their outline.</summary>
public sealed class Marker
{
    /// <summary>A CSS colour, e.g. "#E69F00".</summary>
    public string? Color { get; init; }

    /// <summary>The outline of each bar or point.</summary>
    public Line? Line { get; init; }

    /// <summary>A hatch pattern per bar.</summary>
    public Pattern? Pattern { get; init; }
}
