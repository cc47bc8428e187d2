namespace Goroutines.Workbook.Cli.Execution;

/// <summary>Limits of a notebook run.</summary>
public sealed record RunnerOptions
{
    public static readonly TimeSpan DefaultCellTimeout = TimeSpan.FromSeconds(120);

    /// <summary>The longest one cell may run before the kernel is stopped.</summary>
    public TimeSpan CellTimeout { get; init; } = DefaultCellTimeout;

    /// <summary>The longest the kernel may take to start.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>The longest a whole notebook may run, kernel start included (null: no limit but the cells').</summary>
    public TimeSpan? NotebookTimeout { get; init; }

    /// <summary>Environment variables set for the kernel process, on top of this process's own.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();
}
