using System.Text.Json;
using Goroutines.Workbook.Cli.Execution;
using Notebooks.Tests.Support;

namespace Notebooks.Tests;

/// <summary>
/// Every lesson runs in Jupyter too (Microsoft's suggested path off the deprecated Polyglot Notebooks extension):
/// nbclient, through Debian's jupyter nbconvert --execute, with the .NET Interactive kernel .net-csharp.
/// </summary>
[Collection(KernelCollection.Name)]
public sealed class JupyterLessonTests
{
    public static TheoryData<string> Lessons => Repo.LessonNames();

    [JupyterTheory]
    [MemberData(nameof(Lessons))]
    public async Task Lesson_executes_through_nbclient_with_no_error_output(string lesson)
    {
        Assert.True(Jupyter.Executable != null, "CI=true but jupyter is not on PATH: .ci/run installs jupyter-nbconvert.");
        LibraryStager.Stage(Repo.Layout);
        await Jupyter.EnsureKernelSpecAsync();

        var (run, executed) = await Jupyter.ExecuteAsync(lesson);

        Assert.True(run.ExitCode == 0, $"jupyter nbconvert --execute {lesson} failed:\n{run.Output}");
        using var notebook = JsonDocument.Parse(File.ReadAllText(executed));
        var outputs = notebook.RootElement.GetProperty("cells").EnumerateArray()
            .Where(c => c.GetProperty("cell_type").GetString() == "code")
            .SelectMany(c => c.GetProperty("outputs").EnumerateArray())
            .ToList();
        var errors = outputs
            .Where(o => o.GetProperty("output_type").GetString() == "error" ||
                        (o.GetProperty("output_type").GetString() == "stream" && o.GetProperty("name").GetString() == "stderr"))
            .Select(o => o.GetRawText())
            .ToList();
        Assert.True(errors.Count == 0, $"{lesson} in Jupyter:\n{string.Join("\n", errors)}");
        Assert.Contains(outputs, o => o.TryGetProperty("data", out var data) && data.TryGetProperty("text/html", out var html)
                                      && Text(html).Contains("data-plotly-figure", StringComparison.Ordinal));
    }

    // nbformat keeps multi-line text as a list of lines or as one string.
    private static string Text(JsonElement value) =>
        value.ValueKind == JsonValueKind.Array ? string.Concat(value.EnumerateArray().Select(l => l.GetString())) : value.GetString() ?? "";
}
