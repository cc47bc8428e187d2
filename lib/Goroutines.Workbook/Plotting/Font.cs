namespace Goroutines.Workbook.Plotting;

/// <summary>Text colour and size, e.g. of the labels inside bars.</summary>
public sealed class Font
{
    /// <summary>A CSS colour, e.g. "#000000".</summary>
    public string? Color { get; init; }

    /// <summary>Size in pixels.</summary>
    public double? Size { get; init; }
}
