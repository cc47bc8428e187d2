namespace Goroutines.Workbook.Plotting;

/// <summary>Where the legend sits: Orientation "h" lays it out in a row.</summary>
public sealed class Legend
{
    /// <summary>A heading above the legend entries.</summary>
    public Title? Title { get; init; }

    /// <summary>"v" (a column, default) or "h" (a row).</summary>
    public string? Orientation { get; init; }

    /// <summary>Position as a fraction of the plot width (0 = left, 1 = right).</summary>
    public double? X { get; init; }

    /// <summary>Position as a fraction of the plot height (0 = bottom, 1 = top).</summary>
    public double? Y { get; init; }

    /// <summary>"normal" or "reversed".</summary>
    public string? TraceOrder { get; init; }
}
