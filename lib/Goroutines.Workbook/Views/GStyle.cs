namespace Goroutines.Workbook;

/// <summary>
/// How a goroutine of one status is drawn: an Okabe-Ito fill (colour-blind safe), a shape that differs per status
/// (so colour is never the only cue) and the name the legend and tooltips use.
/// </summary>
internal sealed record GStyle(string Name, string Fill, string Text, GShape Shape)
{
    public static readonly GStyle Running = new("running", "#009E73", "#000000", GShape.Bold);
    public static readonly GStyle Runnable = new("runnable", "#56B4E9", "#000000", GShape.Pill);
    public static readonly GStyle Waiting = new("waiting", "#E69F00", "#000000", GShape.Dashed);
    public static readonly GStyle Syscall = new("in syscall", "#CC79A7", "#000000", GShape.Notched);
    public static readonly GStyle Other = new("idle or dead", "#BBBBBB", "#000000", GShape.Pill);

    /// <summary>Every style, in legend order.</summary>
    public static readonly GStyle[] All = [Running, Runnable, Waiting, Syscall];

    /// <summary>The style of a goroutine status.</summary>
    public static GStyle For(GStatus status) => status switch
    {
        GStatus.Running => Running,
        GStatus.Runnable => Runnable,
        GStatus.Waiting => Waiting,
        GStatus.Syscall => Syscall,
        _ => Other,
    };
}
