using System;
using System.Text.RegularExpressions;
using Goroutines.Workbook.Plotting;

namespace Goroutines.Workbook.Tests;

public class PlotlyJsTests
{
    [Fact]
    public void Source_is_the_minified_plotly_js_of_the_package()
    {
        Assert.True(PlotlyJs.Source.Length > 1_000_000, $"plotly.js is only {PlotlyJs.Source.Length} characters");
        Assert.Contains("plotly", PlotlyJs.Source);
        Assert.Contains("newPlot", PlotlyJs.Source);
    }

    [Fact]
    public void Version_is_the_one_the_source_declares()
    {
        Assert.Matches(new Regex(@"^\d+\.\d+\.\d+$"), PlotlyJs.Version);
        Assert.Contains($"version=\"{PlotlyJs.Version}\"", PlotlyJs.Source);
    }

    [Fact]
    public void Source_can_sit_inside_a_script_tag()
    {
        Assert.DoesNotContain("</script", PlotlyJs.Source, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("<script id=\"plotly-js\">", PlotlyJs.ScriptTag());
        Assert.EndsWith("</script>", PlotlyJs.ScriptTag());
    }

    [Fact]
    public void The_script_tag_hides_an_AMD_define_so_plotly_sets_window_Plotly()
    {
        var tag = PlotlyJs.ScriptTag();

        Assert.Contains("var define = undefined;", tag);
        Assert.True(tag.IndexOf("var define = undefined;", StringComparison.Ordinal) < tag.IndexOf(PlotlyJs.Source[..200], StringComparison.Ordinal));
    }
}
