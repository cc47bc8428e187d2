namespace Goroutines.Workbook.Plotting;

/// <summary>A chart or axis title; a plain string converts to one.</summary>
public sealed class Title
{
    /// <summary>The title text.</summary>
    public string Text { get; init; } = "";

    public static implicit operator Title(string text) => new() { Text = text };
}
