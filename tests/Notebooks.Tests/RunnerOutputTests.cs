using Goroutines.Workbook.Cli.Execution;
using Goroutines.Workbook.Cli.Notebooks;
using Notebooks.Tests.Support;

namespace Notebooks.Tests;

/// <summary>The runner collects what the kernel produced, as VS Code would show it under each cell.</summary>
[Collection(KernelCollection.Name)]
public sealed class RunnerOutputTests
{
    [Fact]
    public async Task Console_output_return_values_and_displayed_html_are_collected_per_cell()
    {
        var notebook = NotebookParser.Load(Repo.TestData("passing.ipynb"));
        var runner = new NotebookRunner(Repo.Layout, new RunnerOptions(), SilentProgress.Instance);

        var result = await runner.RunAsync(notebook);

        Assert.True(result.Succeeded, string.Join("\n", result.Cells.Select(c => $"{c.Cell.Number} {c.Status} {c.Error}")));
        var stdout = Assert.Single(result[2]!.Outputs, o => o.Kind == OutputKind.StandardOutput);
        Assert.Equal("hello from the kernel", stdout.Text.Trim());
        var value = Assert.Single(result[3]!.Outputs, o => o.Kind == OutputKind.ReturnValue);
        Assert.Contains("<pre>30</pre>", value.Data[CellOutput.Html]); // 1 + 4 + 9 + 16, computed and formatted by the kernel
        var display = Assert.Single(result[4]!.Outputs, o => o.Kind == OutputKind.Display);
        Assert.Contains("<b id=\"marker\">bold</b>", display.Data[CellOutput.Html]);
    }
}
