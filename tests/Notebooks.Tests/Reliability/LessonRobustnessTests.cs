using System.Text.RegularExpressions;
using Goroutines.Workbook.Cli.Execution;
using Goroutines.Workbook.Cli.Notebooks;
using Notebooks.Tests.Support;

namespace Notebooks.Tests.Reliability;

/// <summary>
/// Issue 7, notebooks: students run cells in any order and re-run them. In one real kernel per lesson,
/// (1) every code cell runs before its predecessors (the lesson backwards, from a fresh kernel): each
/// either works or fails with a compiler message naming what is missing — never a crash or a hang;
/// (2) then every cell runs twice in a row; (3) then the whole lesson again in the same kernel.
/// </summary>
[Collection(KernelCollection.Name)]
public sealed class LessonRobustnessTests
{
    public static TheoryData<string> Lessons => Repo.LessonNames();

    private sealed record Step(string Phase, NotebookCell Cell);

    [Theory]
    [MemberData(nameof(Lessons))]
    public async Task Lesson_survives_cells_run_out_of_order_twice_over_and_the_whole_lesson_again_in_the_same_kernel(string lesson)
    {
        LibraryStager.Stage(Repo.Layout);
        var notebook = NotebookParser.Load(Path.Combine(Repo.Layout.Notebooks, lesson));
        var code = notebook.CodeCells.ToList();
        var steps = new List<Step>();
        steps.AddRange(Enumerable.Reverse(code).Select(c => new Step("before its predecessors", c)));
        steps.AddRange(code.SelectMany(c => new[] { new Step("first of two", c), new Step("re-run", c) }));
        steps.AddRange(code.Select(c => new Step("lesson again", c)));

        // The runner runs a document's code cells in order in one kernel, in the lesson's folder.
        var session = notebook with { Cells = steps.Select(s => s.Cell).ToList() };
        var runner = new NotebookRunner(Repo.Layout, new RunnerOptions { CellTimeout = TimeSpan.FromSeconds(90) }, SilentProgress.Instance);
        var result = await runner.RunAsync(session);

        Assert.Null(result.KernelError);
        Assert.Equal(steps.Count, result.Cells.Count);
        var problems = new List<string>();
        for (var i = 0; i < steps.Count; i++)
        {
            var (phase, cell) = steps[i];
            var r = result.Cells[i];
            var what = $"cell {cell.Number} ({phase}): {r.Status} {r.Error}";
            if (r.Status is CellStatus.TimedOut or CellStatus.KernelCrashed or CellStatus.NotRun)
            {
                problems.Add(what);
                continue;
            }
            if (phase == "before its predecessors")
            {
                // Out of order, a cell may fail — but only with the compiler naming what an earlier cell defines.
                if (r.Status == CellStatus.Failed &&
                    !Regex.IsMatch(r.Error ?? "", @"error CS(0103|0246|0234|1061|0400)\b.*(does not exist in the current context|could not be found|does not contain a definition)"))
                    problems.Add("unclear failure, " + what);
                if (Regex.IsMatch(r.Error ?? "", @"\n\s+at \S+\("))
                    problems.Add("a stack trace, " + what);
                continue;
            }
            if (!r.IsOk || r.Outputs.Any(o => o.Kind is OutputKind.Error or OutputKind.StandardError))
                problems.Add(what + string.Concat(r.Outputs.Where(o => o.Kind is OutputKind.Error or OutputKind.StandardError).Select(o => "\n  " + o.Text)));
        }
        Assert.True(problems.Count == 0, $"{lesson}:\n{string.Join("\n", problems)}");

        // The backwards pass did meet cells that need earlier ones (else it tested nothing).
        Assert.Contains(result.Cells.Take(code.Count), c => c.Status == CellStatus.Failed);
        // The first code cell (the #r of the library) must be among the ones that work on their own.
        Assert.True(result.Cells[code.Count - 1].IsOk, $"the first code cell failed on a fresh kernel: {result.Cells[code.Count - 1].Error}");
        // Every out-of-order cell that failed passed once its predecessors had run.
        var rerunStart = code.Count;
        for (var i = 0; i < code.Count; i++)
            Assert.True(result.Cells[rerunStart + 2 * i].IsOk && result.Cells[rerunStart + 2 * i + 1].IsOk, $"cell {code[i].Number} in order");
    }
}
