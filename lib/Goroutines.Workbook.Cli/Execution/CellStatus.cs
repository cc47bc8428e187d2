namespace Goroutines.Workbook.Cli.Execution;

/// <summary>How a cell ended.</summary>
public enum CellStatus
{
    /// <summary>Ran to the end with no error.</summary>
    Ok,
    /// <summary>A compile error, an exception, or an error output.</summary>
    Failed,
    /// <summary>Did not finish within the per-cell time limit; the kernel was stopped.</summary>
    TimedOut,
    /// <summary>The kernel process died while the cell ran, or could not be started.</summary>
    KernelCrashed,
    /// <summary>Not run because an earlier cell stopped the kernel.</summary>
    NotRun,
}
