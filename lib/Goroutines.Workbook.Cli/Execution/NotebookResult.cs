using Goroutines.Workbook.Cli.Notebooks;

namespace Goroutines.Workbook.Cli.Execution;

/// <summary>What running a whole notebook gave: one result per code cell, or the reason the kernel could not run it.</summary>
public sealed record NotebookResult(NotebookDocument Notebook, IReadOnlyList<CellResult> Cells, TimeSpan Elapsed, string? KernelError = null)
{
    /// <summary>True when the kernel started and every code cell ran without error.</summary>
    public bool Succeeded => KernelError is null && Cells.All(c => c.IsOk);

    /// <summary>The result of the code cell at notebook position <paramref name="number"/>, if it is a code cell.</summary>
    public CellResult? this[int number] => Cells.FirstOrDefault(c => c.Cell.Number == number);

    public int Count(CellStatus status) => Cells.Count(c => c.Status == status);
}
