using Goroutines.Workbook.Cli.Notebooks;

namespace Goroutines.Workbook.Cli.Execution;

/// <summary>What running one code cell gave: its status, the error if any, how long it took, and its outputs.</summary>
public sealed record CellResult(NotebookCell Cell, CellStatus Status, string? Error, TimeSpan Elapsed, IReadOnlyList<CellOutput> Outputs)
{
    public bool IsOk => Status == CellStatus.Ok;
}
