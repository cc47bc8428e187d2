namespace Goroutines.Workbook.Cli.Notebooks;

/// <summary>A parsed notebook: where it is, its title and its cells.</summary>
public sealed record NotebookDocument(string Path, string Title, IReadOnlyList<NotebookCell> Cells)
{
    /// <summary>The code cells, in order.</summary>
    public IEnumerable<NotebookCell> CodeCells => Cells.Where(c => c.Kind == CellKind.Code);
}
