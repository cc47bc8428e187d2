namespace Goroutines.Workbook;

/// <summary>The outline of a goroutine token: the non-colour cue for its status.</summary>
internal enum GShape
{
    /// <summary>A rectangle with a thick black border (running).</summary>
    Bold,
    /// <summary>A rounded pill with a thin border (runnable).</summary>
    Pill,
    /// <summary>A rectangle with a dashed border (waiting).</summary>
    Dashed,
    /// <summary>A rectangle with cut corners (in a syscall).</summary>
    Notched,
}
