using Goroutines.Workbook.Cli.Notebooks;

namespace Goroutines.Workbook.Cli.Execution;

/// <summary>Receives progress while notebooks run (a live terminal display, plain lines, or nothing).</summary>
public interface IRunProgress
{
    void NotebookStarting(NotebookDocument notebook);
    void KernelStarted(NotebookDocument notebook, TimeSpan elapsed);
    void CellStarting(NotebookDocument notebook, NotebookCell cell);
    void CellFinished(NotebookDocument notebook, CellResult result);
    void NotebookFinished(NotebookResult result);
    void Info(string message);
}
