using System.Diagnostics;
using Goroutines.Workbook.Cli.Execution;
using Goroutines.Workbook.Cli.Notebooks;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Goroutines.Workbook.Cli.Reporting;

/// <summary>A live terminal display: the notebook being run, its finished cells, and the running cell with its elapsed time.</summary>
public sealed class LiveProgress(string root) : IRunProgress
{
    private readonly object _gate = new();
    private readonly List<string> _done = [];
    private readonly Stopwatch _cellWatch = new();
    private string _notebook = "";
    private string _current = "";
    private LiveDisplayContext? _context;

    /// <summary>Runs <paramref name="work"/> while the display is live.</summary>
    public async Task<T> RunAsync<T>(Func<Task<T>> work)
    {
        T result = default!;
        await AnsiConsole.Live(Render()).AutoClear(true).StartAsync(async ctx =>
        {
            _context = ctx;
            using var stop = new CancellationTokenSource();
            var ticker = Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    try { await Task.Delay(250, stop.Token); } catch (OperationCanceledException) { break; }
                    Refresh();
                }
            });
            try
            {
                result = await work();
            }
            finally
            {
                await stop.CancelAsync();
                await ticker;
                _context = null;
            }
        });
        return result;
    }

    public void NotebookStarting(NotebookDocument notebook) => Update(() =>
    {
        _notebook = Names.Relative(root, notebook.Path);
        _current = "starting the kernel";
        _cellWatch.Restart();
    });

    public void KernelStarted(NotebookDocument notebook, TimeSpan elapsed) => Update(() =>
        _done.Add($"[grey]{Markup.Escape(_notebook)}: kernel ready in {elapsed.TotalSeconds:0.0} s[/]"));

    public void CellStarting(NotebookDocument notebook, NotebookCell cell) => Update(() =>
    {
        _current = $"cell {cell.Number}: {cell.Summary}";
        _cellWatch.Restart();
    });

    public void CellFinished(NotebookDocument notebook, CellResult result) => Update(() =>
    {
        var colour = result.IsOk ? "green" : "red";
        var error = result.Error is null ? "" : " " + Markup.Escape(Names.FirstLine(result.Error, 120));
        _done.Add($"[{colour}]{Markup.Escape(Names.Status(result.Status)),-9}[/] {Markup.Escape(_notebook)} cell {result.Cell.Number} " +
                  $"[grey]{result.Elapsed.TotalSeconds:0.0} s[/]{error}");
        _current = "";
    });

    public void NotebookFinished(NotebookResult result) => Update(() =>
    {
        if (result.KernelError is not null)
            _done.Add($"[red]{Markup.Escape(_notebook)}: {Markup.Escape(Names.FirstLine(result.KernelError, 200))}[/]");
        _current = "";
    });

    public void Info(string message) => Update(() => _done.Add(Markup.Escape(message)));

    private void Update(Action change)
    {
        lock (_gate) change();
        Refresh();
    }

    private void Refresh()
    {
        var ctx = _context;
        if (ctx is null) return;
        lock (_gate) ctx.UpdateTarget(Render());
    }

    private IRenderable Render()
    {
        var rows = new List<IRenderable>();
        rows.AddRange(_done.TakeLast(12).Select(line => new Markup(line)));
        if (_current.Length > 0)
            rows.Add(new Markup($"[yellow]running[/]   {Markup.Escape(_notebook)} {Markup.Escape(_current)} [grey]{_cellWatch.Elapsed.TotalSeconds:0.0} s[/]"));
        return new Rows(rows);
    }
}
