namespace Goroutines.Workbook.Plotting;

/// <summary>How a line is drawn: colour, width, shape ("linear", or "hv" for steps) and dash ("dash", "dot").</summary>
public sealed class Line
{
    /// <summary>A CSS colour, e.g. "#0072B2".</summary>
    public string? Color { get; init; }

    /// <summary>Width in pixels.</summary>
    public double? Width { get; init; }

    /// <summary>"linear" (default) or "hv": a step that holds each value until the next point.</summary>
    public string? Shape { get; init; }

    /// <summary>"solid" (default), "dash" or "dot".</summary>
    public string? Dash { get; init; }
}
