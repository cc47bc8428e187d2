namespace Goroutines.Workbook.Plotting;

/// <summary>Space around the plot area, in pixels.</summary>
public sealed class Margin
{
    public int? L { get; init; }
    public int? R { get; init; }
    public int? T { get; init; }
    public int? B { get; init; }
}
