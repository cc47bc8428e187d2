namespace Goroutines.Workbook.Cli.Grading;

/// <summary>What <c>workbook grade</c> was asked to do: where the submissions are, where the gradebook goes, and the limits of each run.</summary>
public sealed record GradeOptions
{
    public static readonly TimeSpan DefaultCellTimeout = TimeSpan.FromSeconds(60);
    public static readonly TimeSpan DefaultNotebookTimeout = TimeSpan.FromSeconds(300);
    public const int DefaultMemoryMegabytes = 1024;

    /// <summary>The folder of submitted notebooks.</summary>
    public required string Folder { get; init; }

    /// <summary>How many kernels run at once (default: the core count).</summary>
    public int Jobs { get; init; } = Environment.ProcessorCount;

    /// <summary>Where gradebook.csv and gradebook.html are written (default: the submissions folder).</summary>
    public string? OutFolder { get; init; }

    /// <summary>The longest one cell may run.</summary>
    public TimeSpan CellTimeout { get; init; } = DefaultCellTimeout;

    /// <summary>The longest one notebook may run, kernel start included.</summary>
    public TimeSpan NotebookTimeout { get; init; } = DefaultNotebookTimeout;

    /// <summary>The managed-heap limit of each kernel, in MB (DOTNET_GCHeapHardLimit).</summary>
    public int MemoryMegabytes { get; init; } = DefaultMemoryMegabytes;

    /// <summary>A file that maps submissions to students (see <see cref="SubmissionFinder"/>).</summary>
    public string? Roster { get; init; }

    /// <summary>Plain progress lines even on a terminal.</summary>
    public bool Plain { get; init; }
}
