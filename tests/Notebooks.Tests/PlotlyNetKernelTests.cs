using Goroutines.Workbook.Cli.Execution;
using Goroutines.Workbook.Cli.Export;
using Goroutines.Workbook.Cli.Kernel;
using Notebooks.Tests.Support;

namespace Notebooks.Tests;

/// <summary>
/// In the real kernel (whose FSharp.Core is older than Plotly.NET's), the workbook's charts are Plotly.NET charts
/// that a student can build on, and they stay offline even after a student loads Plotly.NET.Interactive.
/// </summary>
[Collection(KernelCollection.Name)]
public sealed class PlotlyNetKernelTests
{
    // The first code cell of lesson 00, as a student has it: the library, its usings, and the formatters.
    private static string LoadLibrary()
    {
        using var lesson = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(Repo.Layout.Notebooks, "00-start-here.ipynb")));
        var cell = lesson.RootElement.GetProperty("cells").EnumerateArray().First(c => c.GetProperty("cell_type").GetString() == "code");
        return string.Concat(cell.GetProperty("source").EnumerateArray().Select(line => line.GetString()));
    }

    private const string ARun = """
        var run = Runtime.Run(async () =>
        {
            var wg = new WaitGroup();
            for (var i = 0; i < 4; i++) { var n = i; wg.Add(1); Go(async () => { Println(n); wg.Done(); }); }
            await wg.Wait();
        }, new RunOptions { MaxProcs = 1, Lockstep = true, Seed = 1 });
        """;

    // A student's own chart: when each goroutine started, built with Plotly.NET.CSharp from run.Events.
    private const string OwnChart = """
        using Plotly.NET.CSharp;
        var starts = run.Events.Where(e => e.Kind == EventKind.GoStart).ToList();
        Chart.Point<double, double, string>(starts.Select(e => (double)e.Seq), starts.Select(e => (double)e.G), Name: "my GoStarts")
        """;

    [Fact]
    public async Task A_cell_can_build_its_own_Plotly_NET_chart_from_run_events_and_it_renders_offline()
    {
        await using var kernel = await StartAsync();
        await SubmitAsync(kernel, LoadLibrary());
        await SubmitAsync(kernel, ARun);

        var chart = ChartHtml(await SubmitAsync(kernel, OwnChart));

        Assert.Contains("\"name\":\"my GoStarts\"", chart);
        Assert.Contains("<script id=\"plotly-js\">", chart); // the first chart of the session carries plotly.js
        Assert.Empty(OfflineCheck.NetworkReferences(chart));
    }

    [Fact]
    public async Task With_Plotly_NET_Interactive_loaded_the_workbook_charts_still_render_offline()
    {
        await using var kernel = await StartAsync();
        // What a student would add at the top of a lesson; NuGet has it, and it registers a CDN formatter for GenericChart.
        await SubmitAsync(kernel, "#r \"nuget: Plotly.NET.Interactive, 6.0.0\"", TimeSpan.FromMinutes(4));
        await SubmitAsync(kernel, LoadLibrary());
        await SubmitAsync(kernel, ARun);

        var timeline = ChartHtml(await SubmitAsync(kernel, "Charts.Timeline(run)"));
        var own = ChartHtml(await SubmitAsync(kernel, OwnChart));

        foreach (var html in new[] { timeline, own })
        {
            Assert.Contains("data-plotly-figure", html);
            Assert.DoesNotContain("require.config", html);
            Assert.Empty(OfflineCheck.NetworkReferences(html));
        }
        Assert.Contains("<script id=\"plotly-js\">", timeline);
    }

    [Fact]
    public async Task The_READMEs_chart_examples_render_in_a_lesson()
    {
        var readme = File.ReadAllText(Path.Combine(Repo.Root, "README.md"));
        var section = readme[readme.IndexOf("### Charts", StringComparison.Ordinal)..];
        var examples = System.Text.RegularExpressions.Regex.Matches(section[..section.IndexOf("\n## ", StringComparison.Ordinal)], "```csharp\n([\\s\\S]*?)```")
            .Select(m => m.Groups[1].Value)
            .ToList();
        Assert.Equal(2, examples.Count); // restyle a chart; build one from run.Events
        await using var kernel = await StartAsync();
        await SubmitAsync(kernel, LoadLibrary());
        await SubmitAsync(kernel, ARun);

        var restyled = ChartHtml(await SubmitAsync(kernel, examples[0]));
        var own = ChartHtml(await SubmitAsync(kernel, examples[1]));

        Assert.Contains("\"width\":700", restyled);
        Assert.Contains("Which goroutine ran on each P", restyled);
        Assert.Contains("goroutines-caption", restyled); // the caption survives restyling
        Assert.Contains("\"name\":\"GoStart\"", own);
    }

    [Fact]
    public async Task Every_example_in_docs_charts_renders_in_a_lesson()
    {
        var page = File.ReadAllText(Path.Combine(Repo.Root, "docs", "charts.md"));
        var examples = System.Text.RegularExpressions.Regex.Matches(page, "```csharp\n([\\s\\S]*?)```").Select(m => m.Groups[1].Value).ToList();
        Assert.True(examples.Count >= 3, $"{examples.Count} C# examples in docs/charts.md");
        await using var kernel = await StartAsync();
        await SubmitAsync(kernel, LoadLibrary());
        await SubmitAsync(kernel, ARun);
        await SubmitAsync(kernel, "using Plotly.NET.CSharp;");

        foreach (var example in examples)
            Assert.Contains("data-plotly-figure", ChartHtml(await SubmitAsync(kernel, example)));
    }

    private static async Task<KernelProcess> StartAsync()
    {
        LibraryStager.Stage(Repo.Layout);
        var launch = await KernelLocator.LocateAsync(Repo.Layout.Notebooks, Repo.Root);
        return await KernelProcess.StartAsync(launch, Repo.Layout.Notebooks, TimeSpan.FromMinutes(2));
    }

    private static async Task<SubmissionResult> SubmitAsync(KernelProcess kernel, string code, TimeSpan? limit = null)
    {
        var result = await kernel.SubmitAsync(code, "csharp", limit ?? TimeSpan.FromMinutes(1));
        Assert.True(result.Status == SubmissionStatus.Succeeded, $"{code}\n→ {result.Status}: {result.Message}");
        return result;
    }

    // The text/html of the cell's chart output.
    private static string ChartHtml(SubmissionResult result)
    {
        var charts = NotebookRunner.CollectOutputs(result.Events).Where(o => o.IsPlotlyChart).ToList();
        Assert.True(charts.Count == 1, $"expected one chart, got {charts.Count}: {string.Join(" | ", NotebookRunner.CollectOutputs(result.Events).Select(o => o.Text[..Math.Min(200, o.Text.Length)]))}");
        return charts[0].Data[CellOutput.Html];
    }
}
