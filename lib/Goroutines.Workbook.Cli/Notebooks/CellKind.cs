namespace Goroutines.Workbook.Cli.Notebooks;

/// <summary>The kinds of cell in an .ipynb notebook.</summary>
public enum CellKind
{
    Code,
    Markdown,
    Raw,
}
