using System.Text.RegularExpressions;
using Goroutines.Workbook.Cli.Execution;
using Goroutines.Workbook.Plotting;
using Notebooks.Tests.Support;

namespace Notebooks.Tests;

/// <summary>
/// Jupyter Notebook's page has require.js (an AMD loader) before any output. There plotly.js registers itself as an
/// AMD module instead of setting window.Plotly, so a chart output must hide "define" while plotly.js runs. These pages
/// put a tiny AMD loader (define/require, written here) before a lesson's real chart outputs and draw them in Chromium.
/// </summary>
[Collection(KernelCollection.Name)]
public sealed class RequireJsPageTests(LessonRuns runs)
{
    // The two functions of an AMD loader that plotly.js looks for: an anonymous define() is kept for the next require().
    private const string AmdLoader = """
        <script>
        (function () {
          var modules = {}, anonymous = [];
          window.define = function (name, deps, factory) {
            if (typeof name !== 'string') { factory = deps; deps = name; anonymous.push(factory); return; }
            modules[name] = factory;
          };
          window.define.amd = {};
          window.require = function (deps, callback) { callback(anonymous.length ? anonymous[0]() : undefined); };
          window.amdDefines = function () { return anonymous.length; };
        })();
        </script>
        """;

    private static string Page(string body) =>
        "<!doctype html><html><head><meta charset=\"utf-8\">" + AmdLoader + "</head><body style=\"width:1000px\">" + body
        + "<script>document.body.setAttribute('data-window-plotly', typeof window.Plotly); "
        + "document.body.setAttribute('data-amd-defines', String(window.amdDefines()));</script></body></html>";

    private static string Write(string name, string html)
    {
        var path = Path.Combine(Repo.FreshTempFolder("workbook-requirejs"), name);
        File.WriteAllText(path, html);
        return path;
    }

    [Fact]
    public async Task Without_hiding_define_plotly_js_registers_with_the_loader_and_sets_no_window_Plotly()
    {
        var page = Write("raw.html", Page("<script>" + PlotlyJs.Source + "</script>"));

        var dom = await Chromium.DumpDomAsync(page);

        Assert.Contains("data-window-plotly=\"undefined\"", dom);
        Assert.Contains("data-amd-defines=\"1\"", dom);
    }

    [Theory]
    [MemberData(nameof(Lessons))]
    public async Task With_an_AMD_loader_on_the_page_every_chart_of_the_lesson_is_drawn(string lesson)
    {
        var result = await runs.Get(lesson);
        var charts = result.Cells.SelectMany(c => c.Outputs).Where(o => o.IsPlotlyChart).Select(o => o.Data[CellOutput.Html]).ToList();
        Assert.NotEmpty(charts);
        var page = Write(Path.ChangeExtension(lesson, ".html"), Page(string.Join("\n", charts)));

        var dom = await Chromium.DumpDomAsync(page);

        Assert.Contains("data-window-plotly=\"object\"", dom);
        Assert.Contains("data-amd-defines=\"0\"", dom);
        var figures = Regex.Split(dom, "data-plotly-figure").Skip(1).ToList();
        Assert.Equal(charts.Count, figures.Count);
        Assert.All(figures, f => Assert.Contains("class=\"main-svg\"", f));
        Assert.DoesNotMatch("data-plotly-figure[^>]*>plotly\\.js not loaded", dom); // the note a chart shows without window.Plotly
    }

    public static TheoryData<string> Lessons => Repo.LessonNames();
}
