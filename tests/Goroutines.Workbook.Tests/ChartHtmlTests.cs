using System;
using System.Linq;
using System.Text.RegularExpressions;
using Goroutines.Workbook.Plotting;
using Plotly.NET;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace Goroutines.Workbook.Tests;

public class ChartHtmlTests
{
    // A chart a student could make with Plotly.NET.CSharp, with a caption as its description.
    private static GenericChart Sample(string caption = "Watch the line go up.", string title = "Threads")
    {
        var chart = CSharpChart.Line<double, double, string>([0, 1, 2], [1, 2, 2], Name: "threads", UseDefaults: false);
        chart = Plotly.NET.Chart.withTitle(title, null).Invoke(chart);
        chart = Plotly.NET.CSharp.GenericChartExtensions.WithXAxisStyle<double, double, string>(chart, TitleText: "time (µs)");
        return caption.Length == 0
            ? chart
            : Plotly.NET.Chart.withDescription(Microsoft.FSharp.Collections.ListModule.OfSeq([Giraffe.ViewEngine.HtmlElements.encodedText(caption)]), chart);
    }

    // A renderer that has already inlined plotly.js, so its output is the figure alone.
    private static ChartHtml AfterFirstFigure()
    {
        var html = new ChartHtml();
        html.Render(Sample());
        return html;
    }

    [Fact]
    public void Html_is_a_plotly_div_with_its_caption_and_a_newPlot_call()
    {
        var html = AfterFirstFigure().Render(Sample());

        var id = Regex.Match(html, "<div id=\"(?<id>[^\"]+)\" data-plotly-figure").Groups["id"].Value;
        Assert.NotEmpty(id);
        Assert.Contains("<p class=\"goroutines-caption\"", html);
        Assert.Contains("Watch the line go up.", html);
        Assert.Contains($"var id = \"{id}\";", html);
        Assert.Contains("Plotly.newPlot(id, figure.data, figure.layout, {responsive: true, displaylogo: false})", html);
        Assert.Contains("\"xaxis\":{\"title\":{\"text\":\"time (µs)\"}}", html);
        Assert.Contains("\"type\":\"scatter\"", html);
    }

    [Fact]
    public void The_first_figure_carries_plotly_js_and_later_ones_do_not()
    {
        var renderer = new ChartHtml();
        Assert.False(renderer.PlotlyInlined);

        var first = renderer.Render(Sample());
        var second = renderer.Render(Sample());

        Assert.True(renderer.PlotlyInlined);
        Assert.StartsWith("<script id=\"plotly-js\">", first);
        Assert.Single(Regex.Matches(first, "<script id=\"plotly-js\">"));
        Assert.Contains(PlotlyJs.Source, first);
        Assert.True(first.IndexOf("id=\"plotly-js\"", StringComparison.Ordinal) < first.IndexOf("data-plotly-figure", StringComparison.Ordinal));
        Assert.DoesNotContain("plotly-js", second);
        Assert.True(second.Length < 100_000);
    }

    [Fact]
    public void A_figure_without_plotly_on_the_page_says_what_to_do()
    {
        var html = AfterFirstFigure().Render(Sample());

        Assert.Contains("if (typeof window.Plotly === \"undefined\")", html);
        Assert.Contains("plotly.js not loaded – re-run the first chart cell", html);
    }

    [Fact]
    public void Figure_html_has_no_network_references()
    {
        var html = AfterFirstFigure().Render(Sample());

        Assert.DoesNotContain("http", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" src=", html);
        Assert.DoesNotContain(" href=", html);
    }

    [Fact]
    public void Every_figure_gets_its_own_id()
    {
        var renderer = AfterFirstFigure();
        var ids = Enumerable.Range(0, 5)
            .Select(_ => Regex.Match(renderer.Render(Sample()), "<div id=\"(?<id>[^\"]+)\"").Groups["id"].Value)
            .ToList();

        Assert.Equal(5, ids.Distinct().Count());
    }

    [Fact]
    public void Text_cannot_break_out_of_the_html()
    {
        var figure = Sample(caption: "a < b & <i>c</i>", title: "</script><b>bold</b>");

        var html = AfterFirstFigure().Render(figure);

        Assert.DoesNotContain("</script><b>", html);
        Assert.Contains("a &lt; b &amp; &lt;i&gt;c&lt;/i&gt;", html);
        Assert.Single(Regex.Matches(html, "</script>"));
    }

    [Fact]
    public void A_figure_without_a_caption_has_no_caption_paragraph()
    {
        var html = AfterFirstFigure().Render(Sample(caption: ""));

        Assert.DoesNotContain("goroutines-caption", html);
    }
}
