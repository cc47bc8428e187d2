using System.Diagnostics;
using Goroutines.Workbook.Cli.Execution;
using Goroutines.Workbook.Cli.Notebooks;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Goroutines.Workbook.Cli.Reporting;

/// <summary>A live terminal display: the finished cells, and each running cell with its elapsed time (one per notebook running now).</summary>
public sealed class LiveProgress(string root) : IRunProgress
{
    private readonly object _gate = new();
    private readonly List<string> _done = [];
    // What each notebook running now is doing (several at once when grading with --jobs).
    private readonly Dictionary<string, Running> _running = [];
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
        _running[notebook.Path] = new Running(Names.Relative(root, notebook.Path), "starting the kernel", Stopwatch.StartNew()));

    public void KernelStarted(NotebookDocument notebook, TimeSpan elapsed) => Update(() =>
        _done.Add($"[grey]{Markup.Escape(Name(notebook))}: kernel ready in {elapsed.TotalSeconds:0.0} s[/]"));

    public void CellStarting(NotebookDocument notebook, NotebookCell cell) => Update(() =>
        _running[notebook.Path] = new Running(Name(notebook), $"cell {cell.Number}: {cell.Summary}", Stopwatch.StartNew()));

    public void CellFinished(NotebookDocument notebook, CellResult result) => Update(() =>
    {
        var colour = result.IsOk ? "green" : "red";
        var error = result.Error is null ? "" : " " + Markup.Escape(Names.FirstLine(result.Error, 120));
        _done.Add($"[{colour}]{Markup.Escape(Names.Status(result.Status)),-9}[/] {Markup.Escape(Name(notebook))} cell {result.Cell.Number} " +
                  $"[grey]{result.Elapsed.TotalSeconds:0.0} s[/]{error}");
        if (_running.TryGetValue(notebook.Path, out var running))
            _running[notebook.Path] = running with { What = "" };
    });

    public void NotebookFinished(NotebookResult result) => Update(() =>
    {
        if (result.KernelError is not null)
            _done.Add($"[red]{Markup.Escape(Name(result.Notebook))}: {Markup.Escape(Names.FirstLine(result.KernelError, 200))}[/]");
        _running.Remove(result.Notebook.Path);
    });

    private string Name(NotebookDocument notebook) => Names.Relative(root, notebook.Path);

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
        foreach (var running in _running.Values.Where(r => r.What.Length > 0))
            rows.Add(new Markup($"[yellow]running[/]   {Markup.Escape(running.Notebook)} {Markup.Escape(running.What)} [grey]{running.Watch.Elapsed.TotalSeconds:0.0} s[/]"));
        return new Rows(rows);
    }

    private sealed record Running(string Notebook, string What, Stopwatch Watch);
}
