using System.Collections.Generic;
using System.Linq;
using Goroutines.Workbook.Formatting;

namespace Goroutines.Workbook;

/// <summary>
/// The G-M-P picture of one Snapshot, with a title and the reason for the last step as its caption.
/// A notebook displays it as SVG; Svg gives the markup (the same snapshot always gives the same SVG).
/// </summary>
public sealed class GmpDiagram
{
    private string? svg;

    internal GmpDiagram(Snapshot snapshot, string title, IReadOnlyList<TraceEvent>? step = null)
        : this(snapshot, title, step is { Count: > 0 } ? step.Select(e => e.Reason).ToArray() : [snapshot.Reason])
    {
    }

    private GmpDiagram(Snapshot snapshot, string title, IReadOnlyList<string> reasons)
    {
        Snapshot = snapshot;
        Title = title;
        StepReasons = reasons;
        WorkbookFormatters.EnsureRegistered();
    }

    /// <summary>The scheduler state the picture shows.</summary>
    public Snapshot Snapshot { get; }

    /// <summary>The picture's title.</summary>
    public string Title { get; }

    /// <summary>The rule that fired last, shown as the caption.</summary>
    public string Reason => Snapshot.Reason;

    /// <summary>The rules that fired in the step that led here (one per event; usually one), shown as the caption.</summary>
    public IReadOnlyList<string> StepReasons { get; }

    /// <summary>The picture as an SVG element (with its own style).</summary>
    public string Svg => svg ??= GmpSvg.Render(Snapshot, Title, StepReasons);

    /// <summary>The same picture under another title.</summary>
    public GmpDiagram WithTitle(string title) => new(Snapshot, title, StepReasons);

    /// <summary>The picture for a notebook: the SVG in a div.</summary>
    public string ToHtml() => $"<div class=\"goroutines-diagram\" style=\"overflow-x:auto;max-width:100%\">{Svg}</div>";

    /// <summary>The title, the one-line summary, and the last step's reason.</summary>
    public override string ToString() => $"{Title}\n{GmpSvg.Summary(Snapshot)}\nLast step: {string.Join(" ", StepReasons)}";
}
