using System;

namespace Goroutines.Workbook;

/// <summary>
/// How a bar of a timeline ended, which is what its colour shows (the goroutine itself is in its label and hover text).
/// Colours are Okabe-Ito, which people with every common kind of colour blindness can tell apart.
/// </summary>
internal sealed record SpanEnding(string Name, string Colour, string TextColour)
{
    public static readonly SpanEnding Blocked = new("blocked", "#D55E00", "#FFFFFF");
    public static readonly SpanEnding Yielded = new("yielded or preempted", "#56B4E9", "#000000");
    public static readonly SpanEnding EnteredSyscall = new("entered a syscall", "#E69F00", "#000000");
    public static readonly SpanEnding Exited = new("exited", "#009E73", "#FFFFFF");
    public static readonly SpanEnding StillRunning = new("still running at the end", "#CC79A7", "#000000");
    public static readonly SpanEnding InSyscall = new("in a syscall (hatched)", "#F0E442", "#000000");

    /// <summary>Legend order: the usual endings first.</summary>
    public static readonly SpanEnding[] All = [Blocked, Yielded, EnteredSyscall, Exited, StillRunning, InSyscall];

    /// <summary>The ending of a span, from the event that closed it (GSpan.Ended is "Kind: reason").</summary>
    public static SpanEnding Of(GSpan span)
    {
        if (span.InSyscall)
            return InSyscall;
        var kind = span.Ended.Split(':')[0];
        return kind switch
        {
            nameof(EventKind.GoBlock) => Blocked,
            nameof(EventKind.GoStop) => Yielded,
            nameof(EventKind.GoSyscallBegin) => EnteredSyscall,
            nameof(EventKind.GoDestroy) => Exited,
            _ => StillRunning,
        };
    }

    /// <summary>Its place in the legend.</summary>
    public int Order => Array.IndexOf(All, this);
}
