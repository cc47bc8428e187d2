using Goroutines.Workbook.Cli.Execution;
using Goroutines.Workbook.Cli.Notebooks;

namespace Goroutines.Workbook.Cli.Grading;

/// <summary>Passes a sandboxed run's progress on under the submission's own path, so the terminal names the student's file, not the temporary copy.</summary>
public sealed class SubmissionProgress(IRunProgress inner, Submission submission) : IRunProgress
{
    private NotebookDocument Named(NotebookDocument notebook) => notebook with { Path = submission.Path };

    public void NotebookStarting(NotebookDocument notebook) => inner.NotebookStarting(Named(notebook));
    public void KernelStarted(NotebookDocument notebook, TimeSpan elapsed) => inner.KernelStarted(Named(notebook), elapsed);
    public void CellStarting(NotebookDocument notebook, NotebookCell cell) => inner.CellStarting(Named(notebook), cell);
    public void CellFinished(NotebookDocument notebook, CellResult result) => inner.CellFinished(Named(notebook), result);
    public void NotebookFinished(NotebookResult result) => inner.NotebookFinished(result with { Notebook = Named(result.Notebook) });
    public void Info(string message) => inner.Info(message);
}
