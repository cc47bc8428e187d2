using System.Linq;
using System.Threading.Tasks;
using Goroutines.Workbook.Formatting;
using Goroutines.Workbook.Plotting;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;
using Plotly.NET;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace Goroutines.Workbook.Tests;

public class FormatterTests
{
    // A chart of the workbook (it carries a caption).
    private static GenericChart Sample() => Charts.Threads(RunResultFactory.Create([], maxProcs: 1));

    private static int ChartHtmlFormatters() =>
        Formatter.RegisteredFormatters(false).Count(f => f.Type == typeof(GenericChart.Chart) && f.MimeType == "text/html");

    [Fact]
    public void A_chart_formats_as_its_chart_html_without_any_set_up()
    {
        var chart = Sample();

        var html = Formatter.ToDisplayString(chart, "text/html");

        Assert.Contains("data-plotly-figure", html);
        Assert.Contains("\"title\":{\"text\":\"OS threads (Ms) over time\"}", html);
        Assert.Contains(chart.Caption, html);
    }

    [Fact]
    public void A_students_own_Plotly_NET_chart_formats_as_an_offline_chart_too()
    {
        var chart = CSharpChart.Line<double, double, string>([0, 1], [1, 2], Name: "mine");

        var html = Formatter.ToDisplayString(chart, "text/html");

        Assert.Contains("data-plotly-figure", html);
        Assert.Contains("\"name\":\"mine\"", html);
        Assert.DoesNotContain("<script src", html);
    }

    [Fact]
    public void The_workbook_formatter_wins_over_one_registered_later_for_GenericChart()
    {
        WorkbookFormatters.Register();
        // What Plotly.NET.Interactive's kernel extension registers when a student adds it with #r "nuget: …".
        Formatter.Register<GenericChart>((_, writer) => writer.Write("<script src=\"https://cdn.plot.ly/plotly.min.js\"></script>"), "text/html");
        try
        {
            var html = Formatter.ToDisplayString(Sample(), "text/html");

            Assert.Contains("data-plotly-figure", html);
            Assert.DoesNotContain("cdn.plot.ly", html);
        }
        finally
        {
            Formatter.ResetToDefault();
            WorkbookFormatters.Register();
        }
    }

    [Fact]
    public void Registering_again_does_not_add_a_second_formatter()
    {
        WorkbookFormatters.Register();
        WorkbookFormatters.Register();

        Assert.Equal(1, ChartHtmlFormatters());
    }

    [Fact]
    public void Making_a_chart_registers_the_formatter_again_after_a_reset()
    {
        Formatter.ResetToDefault();
        Assert.Equal(0, ChartHtmlFormatters());

        var figure = Charts.Threads(RunResultFactory.Create([], maxProcs: 1));

        Assert.Equal(1, ChartHtmlFormatters());
        Assert.Contains("data-plotly-figure", Formatter.ToDisplayString(figure, "text/html"));
    }

    [Fact]
    public async Task A_CSharp_kernel_displays_a_chart_returned_by_a_cell_as_a_chart()
    {
        using var kernel = new CSharpKernel();
        var dll = typeof(Charts).Assembly.Location;
        var plotly = typeof(GenericChart).Assembly.Location;

        var result = await kernel.SubmitCodeAsync($"#r \"{plotly}\"\n#r \"{dll}\"\n"
            + "Goroutines.Workbook.Charts.Speedup(new[] { Goroutines.Runtime.Run(async () => { }, new Goroutines.RunOptions { MaxProcs = 1 }) })");

        Assert.DoesNotContain(result.Events, e => e is CommandFailed);
        var value = result.Events.OfType<ReturnValueProduced>().Single();
        var html = value.FormattedValues.Single(v => v.MimeType == "text/html").Value;
        Assert.Contains("data-plotly-figure", html);
        Assert.Contains("Speedup against GOMAXPROCS", html);
    }
}
