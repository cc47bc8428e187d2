using Goroutines.Workbook.Cli.Export;

namespace Notebooks.Tests;

public sealed class ExportHtmlTests
{
    [Theory]
    [InlineData("<script src=\"https://cdn.example/plotly.js\"></script>")]
    [InlineData("<script src='//cdn.example/require.js'></script>")]
    [InlineData("<img alt=x src=http://example/x.png>")]
    [InlineData("<link rel=\"stylesheet\" href=\"https://fonts.example/css\">")]
    [InlineData("<style>body { background: url(https://example/bg.png) }</style>")]
    public void Remote_resources_are_network_references(string html)
    {
        Assert.NotEmpty(OfflineCheck.NetworkReferences(html));
    }

    [Theory]
    [InlineData("<a href=\"https://go.dev/src/runtime/proc.go\">proc.go</a>")]
    [InlineData("<img src=\"images/gmp.svg\">")]
    [InlineData("<p>see https://go.dev</p>")]
    public void Links_and_local_files_are_not_network_references(string html)
    {
        Assert.Empty(OfflineCheck.NetworkReferences(html));
    }

    [Fact]
    public void The_inlined_plotly_library_tag_is_stripped_and_the_figure_kept()
    {
        var output = "<script id=\"plotly-js\">/* plotly */ var a = 1 < 2;</script>\n<div id=\"f\" data-plotly-figure></div><script>if (window.Plotly) Plotly.newPlot('f', [])</script>";

        var stripped = PlotlyInliner.StripLibrary(output);

        Assert.DoesNotContain("plotly-js", stripped);
        Assert.Contains("data-plotly-figure", stripped);
        Assert.Contains("Plotly.newPlot('f', [])", stripped);
        Assert.True(PlotlyInliner.NeedsPlotly(stripped));
    }

    [Fact]
    public void Highlighted_code_is_escaped_and_keeps_every_character()
    {
        const string code = "#r \"../artifacts/lib/Goroutines.dll\"\nvar s = \"<b>\"; // 1 < 2\nawait Sleep(TimeSpan.FromMilliseconds(5));";

        var html = CodeHighlighter.ToHtml(code);

        Assert.DoesNotContain("<b>", html);
        Assert.Contains("<span class=\"d\">#r &quot;../artifacts/lib/Goroutines.dll&quot;</span>", html);
        Assert.Contains("<span class=\"k\">await</span>", html);
        Assert.Contains("<span class=\"c\">// 1 &lt; 2</span>", html);
        Assert.Equal(code, System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Replace(html, "<[^>]+>", "")));
    }

    [Theory]
    [InlineData("<a href=\"01-runnext.ipynb\">next</a>", "<a href=\"01-runnext.html\">next</a>")]
    [InlineData("<a href=\"./01-runnext.ipynb#exercises\">next</a>", "<a href=\"01-runnext.html#exercises\">next</a>")]
    [InlineData("<img src=\"../images/gmp.svg\">", "<img src=\"images/gmp.svg\">")]
    [InlineData("<a href=\"https://go.dev/src/runtime/proc.go\">proc.go</a>", "<a href=\"https://go.dev/src/runtime/proc.go\">proc.go</a>")]
    public void Lesson_links_and_images_point_into_the_site(string html, string expected)
    {
        Assert.Equal(expected, SiteExporter.LocalLinks(html));
    }
}
