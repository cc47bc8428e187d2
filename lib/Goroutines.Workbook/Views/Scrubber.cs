using System;
using System.Collections.Generic;
using Goroutines.Workbook.Formatting;

namespace Goroutines.Workbook;

/// <summary>
/// Every step of a Lockstep run, recorded as G-M-P pictures, in one output with a slider and a play button.
/// It needs no kernel to move: the frames travel inside the HTML, and a small inline script swaps them.
/// At most MaxFrames steps are kept (each frame is a few kB of SVG); Truncated says when the run went on.
/// </summary>
public sealed class Scrubber
{
    /// <summary>The default and largest number of frames a scrubber keeps.</summary>
    public const int MaxFrames = 2000;

    internal Scrubber(IReadOnlyList<GmpDiagram> frames, bool truncated, string caption)
    {
        Frames = frames;
        Truncated = truncated;
        Caption = caption;
        WorkbookFormatters.EnsureRegistered();
    }

    /// <summary>The pictures, one per step; frame 0 is the state before the first recorded step.</summary>
    public IReadOnlyList<GmpDiagram> Frames { get; }

    /// <summary>The run had more steps than the scrubber keeps.</summary>
    public bool Truncated { get; }

    /// <summary>The one-line caption under the slider.</summary>
    public string Caption { get; }

    /// <summary>The self-contained HTML: slider, play button, frames and script.</summary>
    public string ToHtml() => ScrubberHtml.Render(this);

    public override string ToString() => $"Scrubber: {Frames.Count} frames{(Truncated ? $" (cut at {Frames.Count})" : "")}. {Caption}";
}
