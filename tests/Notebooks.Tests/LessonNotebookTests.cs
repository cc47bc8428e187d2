using Goroutines.Workbook.Cli.Execution;
using Notebooks.Tests.Support;

namespace Notebooks.Tests;

/// <summary>Every lesson in notebooks/ runs in the real kernel, as shipped, with no failed cell and no error output.</summary>
[Collection(KernelCollection.Name)]
public sealed class LessonNotebookTests(LessonRuns runs)
{
    public static TheoryData<string> Lessons => Repo.LessonNames();

    [Fact]
    public void There_is_at_least_one_lesson()
    {
        Assert.NotEmpty(Repo.Layout.Lessons);
    }

    [Theory]
    [MemberData(nameof(Lessons))]
    public async Task Lesson_runs_in_the_real_kernel_without_errors(string lesson)
    {
        var result = await runs.Get(lesson);

        Assert.Null(result.KernelError);
        var failures = result.Cells.Where(c => !c.IsOk).Select(c => $"cell {c.Cell.Number} {c.Status}: {c.Error}").ToList();
        Assert.True(failures.Count == 0, $"{lesson}:\n{string.Join("\n", failures)}");
        Assert.DoesNotContain(result.Cells.SelectMany(c => c.Outputs), o => o.Kind is OutputKind.Error or OutputKind.StandardError);
    }

    [Theory]
    [MemberData(nameof(Lessons))]
    public async Task Lesson_shows_a_chart_or_diagram(string lesson)
    {
        var result = await runs.Get(lesson);
        var outputs = result.Cells.SelectMany(c => c.Outputs).ToList();

        // DESIGN §5: a chart or diagram in every lesson.
        Assert.Contains(outputs, o => o.IsPlotlyChart || o.Data.ContainsKey(CellOutput.Svg) ||
                                      (o.Data.TryGetValue(CellOutput.Html, out var html) && html.Contains("<svg", StringComparison.Ordinal)));
    }

    [Theory]
    [MemberData(nameof(Lessons))]
    public async Task Lesson_charts_need_no_network(string lesson)
    {
        var result = await runs.Get(lesson);
        var charts = result.Cells.SelectMany(c => c.Outputs).Where(o => o.IsPlotlyChart).Select(o => o.Data[CellOutput.Html]).ToList();
        if (charts.Count == 0)
            return; // nothing to load

        foreach (var html in charts)
        {
            Assert.DoesNotMatch(@"(?i)\bsrc\s*=\s*[""']?\s*(https?:)?//", html);
            Assert.DoesNotContain("require.config", html);
        }
        // The first chart of a kernel session carries plotly.js itself, so the notebook works offline in VS Code.
        Assert.Contains("<script id=\"plotly-js\">", charts[0]);
        Assert.Matches(@"\* plotly\.js v\d+\.\d+\.\d+", charts[0]);
    }
}
