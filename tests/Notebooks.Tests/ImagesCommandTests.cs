using System.Xml.Linq;
using Notebooks.Tests.Support;

namespace Notebooks.Tests;

/// <summary>`workbook images`: the README's pictures, regenerated from the library.</summary>
[Collection(KernelCollection.Name)]
public sealed class ImagesCommandTests
{
    [Fact]
    public async Task Images_writes_a_gmp_diagram_svg_and_a_timeline_png_that_is_not_blank()
    {
        var folder = Repo.FreshTempFolder("workbook-images");

        var run = await WorkbookCli.RunAsync(TimeSpan.FromMinutes(3), "images", "--out", folder);

        Assert.True(run.ExitCode == 0, run.ToString());
        var svg = XElement.Load(Path.Combine(folder, "gmp-diagram.svg"));
        Assert.Equal("svg", svg.Name.LocalName);
        Assert.Contains("entering a syscall", (string?)svg.Attribute("aria-label"));
        var png = PngImage.Load(Path.Combine(folder, "timeline.png"));
        Assert.True(png.CountColoured() > 2000, $"the timeline has {png.CountColoured()} coloured pixels: plotly drew no bars");
    }

    [Fact]
    public async Task An_unknown_argument_is_a_usage_error()
    {
        var run = await WorkbookCli.RunAsync(TimeSpan.FromMinutes(1), "images", "--bogus");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("usage: workbook images", run.Stderr);
    }
}
