using System.Linq;
using System.Threading.Tasks;
using Goroutines.Workbook.Formatting;
using Goroutines.Workbook.Plotting;
using Goroutines.Workbook.Testing;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;

namespace Goroutines.Workbook.Tests;

public class FormatterTests
{
    private static Figure Sample() => new() { Data = [new Scatter { Name = "line", X = [0, 1], Y = [1, 2] }], Caption = "a caption" };

    private static int FigureHtmlFormatters() =>
        Formatter.RegisteredFormatters(false).Count(f => f.Type == typeof(Figure) && f.MimeType == "text/html");

    [Fact]
    public void A_figure_formats_as_its_chart_html_without_any_set_up()
    {
        var figure = Sample();

        var html = Formatter.ToDisplayString(figure, "text/html");

        Assert.Contains("data-plotly-figure", html);
        Assert.Contains(figure.ToJson(), html);
        Assert.Contains("a caption", html);
    }

    [Fact]
    public void Registering_again_does_not_add_a_second_formatter()
    {
        WorkbookFormatters.Register();
        WorkbookFormatters.Register();

        Assert.Equal(1, FigureHtmlFormatters());
    }

    [Fact]
    public void Making_a_chart_registers_the_formatter_again_after_a_reset()
    {
        Formatter.ResetToDefault();
        Assert.Equal(0, FigureHtmlFormatters());

        var figure = Charts.Threads(RunResultFactory.Create([], maxProcs: 1));

        Assert.Equal(1, FigureHtmlFormatters());
        Assert.Contains("data-plotly-figure", Formatter.ToDisplayString(figure, "text/html"));
    }

    [Fact]
    public async Task A_CSharp_kernel_displays_a_figure_returned_by_a_cell_as_a_chart()
    {
        using var kernel = new CSharpKernel();
        var dll = typeof(Figure).Assembly.Location;

        var result = await kernel.SubmitCodeAsync($"#r \"{dll}\"\nnew Goroutines.Workbook.Plotting.Figure {{ Caption = \"from the kernel\" }}");

        Assert.DoesNotContain(result.Events, e => e is CommandFailed);
        var value = result.Events.OfType<ReturnValueProduced>().Single();
        var html = value.FormattedValues.Single(v => v.MimeType == "text/html").Value;
        Assert.Contains("data-plotly-figure", html);
        Assert.Contains("from the kernel", html);
    }
}
