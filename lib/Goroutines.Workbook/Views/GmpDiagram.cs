using Goroutines.Workbook.Formatting;

namespace Goroutines.Workbook;

/// <summary>
/// The G-M-P picture of one Snapshot, with a title and the reason for the last step as its caption.
/// A notebook displays it as SVG; Svg gives the markup (the same snapshot always gives the same SVG).
/// </summary>
public sealed class GmpDiagram
{
    private string? svg;

    internal GmpDiagram(Snapshot snapshot, string title)
    {
        Snapshot = snapshot;
        Title = title;
        WorkbookFormatters.EnsureRegistered();
    }

    /// <summary>The scheduler state the picture shows.</summary>
    public Snapshot Snapshot { get; }

    /// <summary>The picture's title.</summary>
    public string Title { get; }

    /// <summary>The rule that fired last, shown as the caption.</summary>
    public string Reason => Snapshot.Reason;

    /// <summary>The picture as an SVG element (with its own style).</summary>
    public string Svg => svg ??= GmpSvg.Render(Snapshot, Title);

    /// <summary>The picture for a notebook: the SVG in a div.</summary>
    public string ToHtml() => $"<div class=\"goroutines-diagram\" style=\"overflow-x:auto;max-width:100%\">{Svg}</div>";

    /// <summary>The title, the one-line summary, and the last step's reason.</summary>
    public override string ToString() => $"{Title}\n{GmpSvg.Summary(Snapshot)}\nLast step: {Reason}";
}
