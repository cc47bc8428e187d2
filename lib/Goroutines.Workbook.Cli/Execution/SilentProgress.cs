using Goroutines.Workbook.Cli.Notebooks;

namespace Goroutines.Workbook.Cli.Execution;

/// <summary>Progress that shows nothing (for tests and library use).</summary>
public sealed class SilentProgress : IRunProgress
{
    public static readonly SilentProgress Instance = new();

    public void NotebookStarting(NotebookDocument notebook) { }
    public void KernelStarted(NotebookDocument notebook, TimeSpan elapsed) { }
    public void CellStarting(NotebookDocument notebook, NotebookCell cell) { }
    public void CellFinished(NotebookDocument notebook, CellResult result) { }
    public void NotebookFinished(NotebookResult result) { }
    public void Info(string message) { }
}
