using Goroutines.Workbook.Cli.Execution;
using Spectre.Console;

namespace Goroutines.Workbook.Cli.Reporting;

/// <summary>The table printed when a run ends: one row per code cell, then the total.</summary>
public static class ResultReport
{
    /// <summary>The closing total, e.g. "2 notebooks, 14 cells: 13 ok, 1 failed, 0 timed out, 0 not run (21.4 s)".</summary>
    public static string Total(IReadOnlyList<NotebookResult> results, TimeSpan elapsed)
    {
        var cells = results.SelectMany(r => r.Cells).ToList();
        var failed = cells.Count(c => c.Status is CellStatus.Failed or CellStatus.KernelCrashed);
        return $"{results.Count} notebook{(results.Count == 1 ? "" : "s")}, {cells.Count} cells: " +
               $"{cells.Count(c => c.IsOk)} ok, {failed} failed, {cells.Count(c => c.Status == CellStatus.TimedOut)} timed out, " +
               $"{cells.Count(c => c.Status == CellStatus.NotRun)} not run ({elapsed.TotalSeconds:0.0} s)";
    }

    public static void WritePlain(TextWriter output, string root, IReadOnlyList<NotebookResult> results, TimeSpan elapsed)
    {
        output.WriteLine();
        foreach (var result in results)
        {
            var name = Names.Relative(root, result.Notebook.Path);
            if (result.KernelError is not null)
                output.WriteLine($"{name}: KERNEL ERROR: {result.KernelError}");
            foreach (var cell in result.Cells)
            {
                var detail = cell.Error is null ? cell.Cell.Summary : Names.FirstLine(cell.Error);
                output.WriteLine($"{Names.Status(cell.Status),-9} {name} cell {cell.Cell.Number,3} {cell.Elapsed.TotalSeconds,6:0.0} s  {detail}");
            }
        }
        output.WriteLine(Total(results, elapsed));
        output.Flush();
    }

    public static void WriteTable(string root, IReadOnlyList<NotebookResult> results, TimeSpan elapsed)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("notebook").AddColumn(new TableColumn("cell").RightAligned()).AddColumn("status")
            .AddColumn(new TableColumn("time").RightAligned()).AddColumn("code / error");
        foreach (var result in results)
        {
            var name = Markup.Escape(Names.Relative(root, result.Notebook.Path));
            if (result.KernelError is not null)
                table.AddRow(name, "", "[red]KERNEL ERROR[/]", "", Markup.Escape(result.KernelError));
            foreach (var cell in result.Cells)
            {
                var colour = cell.IsOk ? "green" : cell.Status == CellStatus.NotRun ? "grey" : "red";
                var detail = cell.Error is null ? Markup.Escape(cell.Cell.Summary) : $"[red]{Markup.Escape(Names.FirstLine(cell.Error))}[/]";
                table.AddRow(name, cell.Cell.Number.ToString(), $"[{colour}]{Markup.Escape(Names.Status(cell.Status))}[/]",
                    $"{cell.Elapsed.TotalSeconds:0.0} s", detail);
            }
        }
        AnsiConsole.Write(table);
        var ok = results.All(r => r.Succeeded);
        AnsiConsole.MarkupLine($"[{(ok ? "green" : "red")}]{Markup.Escape(Total(results, elapsed))}[/]");
    }
}
