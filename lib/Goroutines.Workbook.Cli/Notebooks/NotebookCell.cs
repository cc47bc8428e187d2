namespace Goroutines.Workbook.Cli.Notebooks;

/// <summary>One cell of a notebook, as stored in the .ipynb file.</summary>
/// <param name="Number">The cell's 1-based position in the notebook, as VS Code shows it.</param>
/// <param name="Kind">The cell kind: code, markdown or raw.</param>
/// <param name="KernelName">The kernel that runs a code cell ("csharp" when the cell names none); null for other kinds.</param>
/// <param name="Source">The cell's text.</param>
public sealed record NotebookCell(int Number, CellKind Kind, string? KernelName, string Source)
{
    /// <summary>The first non-empty line of the source, shortened, to name the cell in reports.</summary>
    public string Summary
    {
        get
        {
            var line = Source.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? "(empty)";
            return line.Length <= 60 ? line : line[..57] + "...";
        }
    }
}
