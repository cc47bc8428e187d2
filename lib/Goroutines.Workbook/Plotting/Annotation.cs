namespace Goroutines.Workbook.Plotting;

/// <summary>A note written on the chart, at data coordinates or (with "paper" refs) at a fraction of the plot.</summary>
public sealed class Annotation
{
    /// <summary>The note.</summary>
    public string Text { get; init; } = "";

    /// <summary>x position: a data value, or a fraction if XRef is "paper".</summary>
    public double X { get; init; }

    /// <summary>y position: a data value, or a fraction if YRef is "paper".</summary>
    public double Y { get; init; }

    /// <summary>"x" (data, default) or "paper" (0–1 across the plot).</summary>
    public string? XRef { get; init; }

    /// <summary>"y" (data, default) or "paper" (0–1 up the plot).</summary>
    public string? YRef { get; init; }

    /// <summary>Whether an arrow points at (X, Y).</summary>
    public bool ShowArrow { get; init; }
}
