namespace Goroutines.Workbook.Cli.Execution;

/// <summary>Limits of a notebook run.</summary>
public sealed record RunnerOptions
{
    public static readonly TimeSpan DefaultCellTimeout = TimeSpan.FromSeconds(120);

    /// <summary>The longest one cell may run before the kernel is stopped.</summary>
    public TimeSpan CellTimeout { get; init; } = DefaultCellTimeout;

    /// <summary>The longest the kernel may take to start.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(120);
}
