using Goroutines.Workbook.Cli.Execution;
using Goroutines.Workbook.Cli.Notebooks;

namespace Goroutines.Workbook.Cli.Reporting;

/// <summary>Progress as plain lines, for logs and CI (stdout redirected, or CI set).</summary>
public sealed class PlainProgress(TextWriter output, string root) : IRunProgress
{
    private readonly object _gate = new();

    public void NotebookStarting(NotebookDocument notebook) =>
        Write($"{Names.Relative(root, notebook.Path)}: starting the kernel ({notebook.CodeCells.Count()} code cells)");

    public void KernelStarted(NotebookDocument notebook, TimeSpan elapsed) =>
        Write($"{Names.Relative(root, notebook.Path)}: kernel ready in {elapsed.TotalSeconds:0.0} s");

    public void CellStarting(NotebookDocument notebook, NotebookCell cell) { }

    public void CellFinished(NotebookDocument notebook, CellResult result) =>
        Write($"{Names.Relative(root, notebook.Path)}: cell {result.Cell.Number} {Names.Status(result.Status)} in {result.Elapsed.TotalSeconds:0.0} s" +
              (result.Error is null ? "" : ": " + Names.FirstLine(result.Error)));

    public void NotebookFinished(NotebookResult result) =>
        Write($"{Names.Relative(root, result.Notebook.Path)}: " + (result.KernelError ?? (result.Succeeded ? "all cells ok" : "has failures")) +
              $" ({result.Elapsed.TotalSeconds:0.0} s)");

    public void Info(string message) => Write(message);

    private void Write(string line)
    {
        lock (_gate)
        {
            output.WriteLine(line);
            output.Flush();
        }
    }
}
