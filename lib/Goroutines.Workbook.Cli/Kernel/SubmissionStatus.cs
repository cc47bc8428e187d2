namespace Goroutines.Workbook.Cli.Kernel;

/// <summary>How one submitted cell ended in the kernel.</summary>
public enum SubmissionStatus
{
    /// <summary>CommandSucceeded.</summary>
    Succeeded,
    /// <summary>CommandFailed: a compile error or an exception.</summary>
    Failed,
    /// <summary>The cell did not finish within its time limit; the kernel was killed.</summary>
    TimedOut,
    /// <summary>The kernel process ended while the cell ran.</summary>
    KernelExited,
}
