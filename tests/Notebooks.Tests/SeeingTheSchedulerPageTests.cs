using System.Text.RegularExpressions;
using Notebooks.Tests.Support;

namespace Notebooks.Tests;

/// <summary>
/// Lesson 01's exported page in headless Chromium: the G-M-P diagrams, the scrubber and every chart type are drawn,
/// and moving the scrubber's slider (a script sets its value and dispatches 'input', as a drag does) changes the picture.
/// </summary>
[Collection(KernelCollection.Name)]
public sealed class SeeingTheSchedulerPageTests(ExportedSite site)
{
    private const string Lesson = "01-seeing-the-scheduler.html";

    private string PagePath
    {
        get
        {
            var path = Path.Combine(site.Folder, Lesson);
            Assert.True(File.Exists(path), $"{Lesson} was not exported\n{site.Run}");
            return path;
        }
    }

    // A copy of the page with a script at the end of its body (it runs after the scrubber's own script).
    private string PageWith(string name, string script)
    {
        var html = File.ReadAllText(PagePath);
        var copy = Path.Combine(site.Folder, name + "-" + Lesson);
        File.WriteAllText(copy, html.Replace("</body>", "<script>" + script + "</script></body>", StringComparison.Ordinal));
        return copy;
    }

    private int FrameCount()
    {
        var m = Regex.Match(File.ReadAllText(PagePath), "class=\"goroutines-scrubber\"[^>]*data-frames=\"(\\d+)\"");
        Assert.True(m.Success, "the page has no scrubber");
        return int.Parse(m.Groups[1].Value);
    }

    // Keeps only the scrubber on the page (so a screenshot shows it), then optionally moves its slider to a frame.
    private static string IsolateScrubber(int? frame) =>
        "var root = document.querySelector('.goroutines-scrubber'); document.body.replaceChildren(root); document.body.style.margin = '8px';" +
        (frame is { } k ? $"var s = root.querySelector('input.scrubber-slider'); s.value = '{k}'; s.dispatchEvent(new Event('input', {{ bubbles: true }}));" : "");

    // The SVG shown in the scrubber's frame area, from a DOM dump.
    private static string ShownFrame(string dom)
    {
        var m = Regex.Match(dom, "<div class=\"scrubber-frame\"[^>]*>(<svg[\\s\\S]*?</svg>)</div>");
        Assert.True(m.Success, "the scrubber shows no picture");
        return m.Groups[1].Value;
    }

    [Fact]
    public async Task The_diagrams_and_the_scrubber_are_drawn_as_svg()
    {
        var dom = await Chromium.DumpDomAsync(PagePath);

        var diagrams = Regex.Matches(dom, "<div class=\"goroutines-diagram\"[^>]*><svg [^>]*class=\"gmp\"").Count;
        Assert.True(diagrams >= 4, $"{diagrams} G-M-P diagrams drawn; the lesson shows four stepper pictures");
        Assert.Contains("<title>G-M-P at step 0 (start)</title>", ShownFrame(dom));
        Assert.Matches("<span class=\"scrubber-where\"[^>]*>step 0 of \\d+</span>", dom);
    }

    [Fact]
    public async Task Every_chart_type_is_drawn_with_a_title_and_marks()
    {
        var dom = await Chromium.DumpDomAsync(PagePath);

        // The lesson shows the six chart types: timeline per P and per M, run queues, threads, goroutine states, speedup.
        var figures = Regex.Split(dom, "data-plotly-figure").Skip(1).ToList();
        Assert.True(figures.Count >= 6, $"{figures.Count} figures on the page; the lesson shows six chart types");
        var titles = new List<string>();
        for (var i = 0; i < figures.Count; i++)
        {
            Assert.Contains("class=\"main-svg\"", figures[i]);
            var title = Regex.Match(figures[i], "<text class=\"gtitle\"[^>]*>([^<]+)</text>");
            Assert.True(title.Success, $"figure {i + 1} has no drawn title");
            titles.Add(title.Groups[1].Value);
            // Bars are drawn as points, lines as js-line paths: a figure with neither is blank.
            Assert.True(Regex.IsMatch(figures[i], "class=\"point\"|class=\"js-line\""), $"figure {i + 1} ({title.Groups[1].Value}) has no bars and no lines");
        }
        Assert.True(titles.Distinct().Count() >= 6, $"chart titles: {string.Join(" | ", titles)}");
    }

    [Fact]
    public async Task Moving_the_slider_shows_another_step_in_the_dom()
    {
        var k = FrameCount() / 2;
        Assert.True(k >= 2, "the scrubber has too few frames to move");

        var moved = await Chromium.DumpDomAsync(PageWith("slider-dom", IsolateScrubber(k)));

        var frame = ShownFrame(moved);
        Assert.Contains($"<title>G-M-P at step {k}", frame);
        Assert.Contains($"data-frame=\"{k}\"", moved);
        Assert.Contains($"step {k} of {FrameCount() - 1}", moved);
    }

    [Fact]
    public async Task Moving_the_slider_changes_the_picture_on_screen()
    {
        var k = FrameCount() / 2;

        var start = await Chromium.ScreenshotAsync(PageWith("scrubber-start", IsolateScrubber(null)), 1280, 1100);
        var moved = await Chromium.ScreenshotAsync(PageWith("scrubber-moved", IsolateScrubber(k)), 1280, 1100);

        Assert.True(start.CountNonWhite() > 5000, $"the scrubber's first picture is nearly blank: {start.CountNonWhite()} non-white pixels");
        Assert.True(start.CountColoured() > 500, $"the first picture has no coloured goroutines: {start.CountColoured()} coloured pixels");
        var difference = start.CountDifferent(moved);
        Assert.True(difference > 1000, $"moving the slider to step {k} changed only {difference} pixels");
    }

    [Fact]
    public async Task A_page_url_with_frame_N_opens_the_scrubber_at_step_N()
    {
        // A file: URL with a query cannot be given on Chromium's command line through a path, so a page redirects to it.
        var redirect = Path.Combine(site.Folder, "redirect-frame-" + Lesson);
        File.WriteAllText(redirect, $"<!doctype html><script>location.replace('{Lesson}?frame=3')</script>");

        var dom = await Chromium.DumpDomAsync(redirect);

        Assert.Contains("data-frame=\"3\"", dom);
        Assert.Contains("<title>G-M-P at step 3", ShownFrame(dom));
    }
}
