using System.Text.RegularExpressions;
using Goroutines.Workbook.Cli.Execution;
using Goroutines.Workbook.Cli.Notebooks;
using Notebooks.Tests.Support;

namespace Notebooks.Tests;

/// <summary>
/// Each stepper picture a lesson shows, executed in the real kernel, agrees with the lesson's prose: the cell stops
/// at the event kind its code asks for (not at the end of the run), and the P where that event happened is the one
/// the prose around the cell names.
/// </summary>
[Collection(KernelCollection.Name)]
public sealed partial class StepperProseTests(LessonRuns runs)
{
    public static TheoryData<string> Lessons => Repo.LessonNames();

    [GeneratedRegex(@"<title>(G-M-P after step [^<]*)</title>")]
    private static partial Regex StepperTitle();

    [GeneratedRegex(@"StepUntil\([^;]*?EventKind\.(\w+)")]
    private static partial Regex SoughtKind();

    [GeneratedRegex(@"stopped at (\w+) on (P\d+)")]
    private static partial Regex StoppedAt();

    [GeneratedRegex(@"\bP\d+\b")]
    private static partial Regex PName();

    [Theory]
    [MemberData(nameof(Lessons))]
    public async Task Every_stepper_cell_stops_at_the_event_its_code_asks_for_on_the_P_its_prose_names(string lesson)
    {
        var result = await runs.Get(lesson);
        var pictures = result.Cells
            .Select(c => (c.Cell, Title: c.Outputs.Select(o => o.Data.GetValueOrDefault(CellOutput.Html) ?? "")
                                                  .Select(html => StepperTitle().Match(html)).FirstOrDefault(m => m.Success)?.Groups[1].Value))
            .Where(p => p.Title != null)
            .ToList();
        if (pictures.Count == 0)
        {
            // Nothing to compare: then the lesson has no stepper (one whose cells failed would show no picture).
            Assert.DoesNotContain(result.Notebook.CodeCells, c => c.Source.Contains("Views.Stepper(", StringComparison.Ordinal));
            return;
        }

        var problems = new List<string>();
        foreach (var (cell, title) in pictures)
        {
            var where = $"{lesson} cell {cell.Number} ({cell.Summary}) shows \"{title}\"";
            if (title!.Contains("the run has ended", StringComparison.Ordinal) || title.Contains("the run ended", StringComparison.Ordinal))
            {
                problems.Add($"{where}: the run ended there, so the prose cannot be describing it");
                continue;
            }
            var sought = SoughtKind().Match(cell.Source);
            if (!sought.Success) continue;   // a plain Step(): one step, whatever it is
            var stopped = StoppedAt().Match(title);
            if (!stopped.Success || stopped.Groups[1].Value != sought.Groups[1].Value)
            {
                problems.Add($"{where}: it asks for {sought.Groups[1].Value} but did not stop at one");
                continue;
            }
            var prose = Prose(result.Notebook, cell.Number);
            var named = PName().Matches(prose).Select(m => m.Value).Distinct().ToList();
            if (!named.Contains(stopped.Groups[2].Value))
                problems.Add($"{where}: the event happened on {stopped.Groups[2].Value}, but the prose around it names {(named.Count == 0 ? "no P" : string.Join(", ", named))}");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>The markdown cells right before and right after a code cell: what the lesson says about it.</summary>
    private static string Prose(NotebookDocument notebook, int number)
    {
        var before = notebook.Cells.LastOrDefault(c => c.Number < number && c.Kind == CellKind.Markdown);
        var after = notebook.Cells.FirstOrDefault(c => c.Number > number);
        return (before?.Source ?? "") + "\n" + (after is { Kind: CellKind.Markdown } ? after.Source : "");
    }
}
