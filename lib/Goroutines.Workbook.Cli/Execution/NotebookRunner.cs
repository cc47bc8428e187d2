using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Goroutines.Workbook.Cli.Kernel;
using Goroutines.Workbook.Cli.Notebooks;

namespace Goroutines.Workbook.Cli.Execution;

/// <summary>
/// Runs notebooks in the real kernel, cell by cell: one kernel process per notebook, started in the
/// notebook's folder (as VS Code does), stopped afterwards. A cell that fails is reported and the
/// next cells still run, as in "Run All"; a cell that hangs or kills the kernel stops the notebook.
/// </summary>
public sealed class NotebookRunner(RepoLayout layout, RunnerOptions options, IRunProgress progress)
{
    public async Task<NotebookResult> RunAsync(NotebookDocument notebook, CancellationToken cancel = default)
    {
        var watch = Stopwatch.StartNew();
        progress.NotebookStarting(notebook);
        var folder = Path.GetDirectoryName(Path.GetFullPath(notebook.Path))!;
        var results = new List<CellResult>();
        KernelProcess kernel;
        try
        {
            var launch = await KernelLocator.LocateAsync(folder, layout.Root, cancel);
            kernel = await KernelProcess.StartAsync(launch, folder, Shorter(options.StartTimeout, Remaining(watch)), cancel, options.Environment);
        }
        catch (KernelException e)
        {
            var failed = new NotebookResult(notebook,
                notebook.CodeCells.Select(c => new CellResult(c, CellStatus.NotRun, null, TimeSpan.Zero, [])).ToList(),
                watch.Elapsed, e.Message);
            progress.NotebookFinished(failed);
            return failed;
        }
        progress.KernelStarted(notebook, watch.Elapsed);

        await using (kernel)
        {
            string? stopped = null;
            foreach (var cell in notebook.CodeCells)
            {
                if (stopped is not null)
                {
                    results.Add(new CellResult(cell, CellStatus.NotRun, stopped, TimeSpan.Zero, []));
                    continue;
                }
                progress.CellStarting(notebook, cell);
                var result = await RunCellAsync(kernel, cell, Remaining(watch), cancel);
                results.Add(result);
                progress.CellFinished(notebook, result);
                if (result.Status is CellStatus.TimedOut or CellStatus.KernelCrashed)
                    stopped = $"not run: cell {cell.Number} stopped the kernel";
            }
        }

        var done = new NotebookResult(notebook, results, watch.Elapsed);
        progress.NotebookFinished(done);
        return done;
    }

    // What is left of the notebook's time limit (the cell limit when there is none).
    private TimeSpan Remaining(Stopwatch watch) =>
        options.NotebookTimeout is { } whole ? Max(whole - watch.Elapsed, TimeSpan.FromMilliseconds(1)) : options.CellTimeout;

    private static TimeSpan Shorter(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private async Task<CellResult> RunCellAsync(KernelProcess kernel, NotebookCell cell, TimeSpan notebookLeft, CancellationToken cancel)
    {
        if (string.IsNullOrWhiteSpace(cell.Source))
            return new CellResult(cell, CellStatus.Ok, null, TimeSpan.Zero, []);
        var byNotebook = notebookLeft < options.CellTimeout;
        var submission = await kernel.SubmitAsync(cell.Source, cell.KernelName ?? NotebookParser.DefaultKernel, Shorter(options.CellTimeout, notebookLeft), cancel);
        if (submission.Status == SubmissionStatus.TimedOut && byNotebook)
            submission = submission with
            {
                Message = $"the notebook did not finish within its limit of {options.NotebookTimeout!.Value.TotalSeconds:0.#} s; the kernel (pid {kernel.ProcessId}) was stopped",
            };
        var outputs = CollectOutputs(submission.Events);
        var errorOutput = outputs.FirstOrDefault(o => o.Kind == OutputKind.Error);
        var (status, error) = submission.Status switch
        {
            SubmissionStatus.Succeeded when errorOutput is not null => (CellStatus.Failed, errorOutput.Text),
            SubmissionStatus.Succeeded => (CellStatus.Ok, (string?)null),
            SubmissionStatus.Failed => (CellStatus.Failed, submission.Message),
            SubmissionStatus.TimedOut => (CellStatus.TimedOut, submission.Message),
            _ => (CellStatus.KernelCrashed, submission.Message),
        };
        if (submission.Status == SubmissionStatus.Failed && errorOutput is null && submission.Message is not null)
            outputs.Add(new CellOutput(OutputKind.Error, new Dictionary<string, string> { [CellOutput.PlainText] = submission.Message }));
        return new CellResult(cell, status, error, submission.Elapsed, outputs);
    }

    /// <summary>Turns the kernel's events into the outputs VS Code would show under the cell.</summary>
    public static List<CellOutput> CollectOutputs(IEnumerable<KernelEvent> events)
    {
        var outputs = new List<CellOutput>();
        // Consecutive text of one kind (a print loop's lines) is gathered in one builder: appending to
        // the last output's string instead copied it once per event, quadratic in the output's size.
        StringBuilder? text = null;
        var textKind = OutputKind.StandardOutput;
        void FlushText()
        {
            if (text is null) return;
            outputs.Add(new CellOutput(textKind, new Dictionary<string, string> { [CellOutput.PlainText] = text.ToString() }));
            text = null;
        }
        void AppendText(OutputKind kind, IReadOnlyDictionary<string, string> values)
        {
            if (text is not null && textKind != kind) FlushText();
            textKind = kind;
            (text ??= new StringBuilder()).Append(values.TryGetValue(CellOutput.PlainText, out var t) ? t : string.Concat(values.Values));
        }
        void Add(CellOutput output)
        {
            FlushText();
            outputs.Add(output);
        }

        foreach (var e in events)
        {
            switch (e.EventType)
            {
                case "StandardOutputValueProduced":
                    AppendText(OutputKind.StandardOutput, FormattedValues(e));
                    break;
                case "StandardErrorValueProduced":
                    AppendText(OutputKind.StandardError, FormattedValues(e));
                    break;
                case "DisplayedValueProduced":
                    Add(new CellOutput(OutputKind.Display, FormattedValues(e), e.GetString("valueId")));
                    break;
                case "DisplayedValueUpdated":
                    FlushText();
                    var id = e.GetString("valueId");
                    var index = outputs.FindIndex(o => o.ValueId is not null && o.ValueId == id);
                    if (index >= 0) outputs[index] = outputs[index] with { Data = FormattedValues(e) };
                    else outputs.Add(new CellOutput(OutputKind.Display, FormattedValues(e), id));
                    break;
                case "ReturnValueProduced":
                    Add(new CellOutput(OutputKind.ReturnValue, FormattedValues(e), e.GetString("valueId")));
                    break;
                case "ErrorProduced":
                    var message = e.GetString("message") ?? "";
                    var values = FormattedValues(e);
                    Add(new CellOutput(OutputKind.Error, values.Count > 0 ? values : new Dictionary<string, string> { [CellOutput.PlainText] = message }));
                    break;
                case "DiagnosticsProduced":
                    var diagnostics = Diagnostics(e);
                    if (diagnostics.Length > 0)
                        Add(new CellOutput(OutputKind.Diagnostics, new Dictionary<string, string> { [CellOutput.PlainText] = diagnostics }));
                    break;
            }
        }
        FlushText();
        return outputs;
    }

    private static IReadOnlyDictionary<string, string> FormattedValues(KernelEvent e)
    {
        var values = new Dictionary<string, string>();
        if (e.Body.ValueKind == JsonValueKind.Object && e.Body.TryGetProperty("formattedValues", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in list.EnumerateArray())
            {
                var mime = item.TryGetProperty("mimeType", out var m) ? m.GetString() : null;
                var value = item.TryGetProperty("value", out var v) ? v.GetString() : null;
                if (mime is not null && value is not null)
                    values[mime] = value;
            }
        }
        return values;
    }

    private static string Diagnostics(KernelEvent e)
    {
        if (e.Body.ValueKind != JsonValueKind.Object || !e.Body.TryGetProperty("formattedDiagnostics", out var list) || list.ValueKind != JsonValueKind.Array)
            return "";
        return string.Join("\n", list.EnumerateArray()
            .Select(d => d.TryGetProperty("value", out var v) ? v.GetString() : null)
            .Where(s => !string.IsNullOrEmpty(s)));
    }
}
