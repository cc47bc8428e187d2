using System.Text.RegularExpressions;
using Notebooks.Tests.Support;

namespace Notebooks.Tests;

/// <summary>`workbook export`: a static site that works offline and draws its charts in a real browser.</summary>
[Collection(KernelCollection.Name)]
public sealed class SiteExportTests(ExportedSite site)
{
    private string FirstChartPage()
    {
        var page = Directory.GetFiles(site.Folder, "*.html")
            .Where(p => Path.GetFileName(p) != "index.html")
            .OrderBy(p => p, StringComparer.Ordinal)
            .FirstOrDefault(p => File.ReadAllText(p).Contains("data-plotly-figure"));
        Assert.True(page is not null, $"no exported lesson page has a chart\n{site.Run}");
        return page;
    }

    [Fact]
    public void Export_succeeds_and_writes_an_index_and_one_page_per_lesson()
    {
        Assert.True(site.Run.ExitCode == 0, site.Run.ToString());
        var index = site.Page("index.html");
        foreach (var lesson in Repo.Layout.Lessons)
        {
            var page = Path.GetFileNameWithoutExtension(lesson) + ".html";
            Assert.True(File.Exists(Path.Combine(site.Folder, page)), $"{page} was not written");
            Assert.Contains($"href=\"{page}\"", index);
        }
    }

    [Fact]
    public void The_index_lists_every_lesson_in_order_with_its_goal_and_each_page_links_the_next()
    {
        var index = site.Page("index.html");
        var lessons = Repo.Layout.Lessons.Select(l => Path.GetFileNameWithoutExtension(l)).ToList();
        var positions = lessons.Select(l => index.IndexOf($"href=\"{l}.html\"", StringComparison.Ordinal)).ToList();
        Assert.All(positions, p => Assert.True(p >= 0));
        Assert.Equal(positions.OrderBy(p => p), positions);
        foreach (var lesson in Repo.Layout.Lessons)
        {
            var goal = Goroutines.Workbook.Cli.Export.LessonDescription.Of(Goroutines.Workbook.Cli.Notebooks.NotebookParser.Load(lesson));
            Assert.False(string.IsNullOrWhiteSpace(goal), $"{Path.GetFileName(lesson)} states no **Goal.** in its first cell; the index shows it as the lesson's description");
            Assert.Contains(System.Net.WebUtility.HtmlEncode(goal), index);
        }
        for (var i = 0; i + 1 < lessons.Count; i++)
            Assert.Contains($"href=\"{lessons[i + 1]}.html\"", site.Page(lessons[i] + ".html"));
    }

    [Fact]
    public void Exported_pages_load_nothing_from_the_network()
    {
        foreach (var file in Directory.GetFiles(site.Folder, "*.html"))
        {
            var html = File.ReadAllText(file);
            Assert.DoesNotMatch(@"(?i)\bsrc\s*=\s*[""']?\s*(https?:)?//", html);
            Assert.DoesNotMatch(@"(?i)<link\b[^>]*\bhref\s*=\s*[""']?\s*(https?:)?//", html);
            Assert.DoesNotMatch(@"(?i)url\(\s*[""']?\s*(https?:)?//", html);
        }
    }

    [Fact]
    public void Plotly_js_is_inlined_exactly_once_in_the_head_of_a_page_with_charts()
    {
        var html = File.ReadAllText(FirstChartPage());
        var head = html[..html.IndexOf("</head>", StringComparison.Ordinal)];

        Assert.Single(Regex.Matches(html, "<script id=\"plotly-js\">"));
        Assert.Contains("<script id=\"plotly-js\">", head);
        Assert.Single(Regex.Matches(html, @"\* plotly\.js v\d+\.\d+\.\d+"));
    }

    [Fact]
    public void Markdown_is_rendered_and_code_is_highlighted()
    {
        var html = File.ReadAllText(FirstChartPage());

        Assert.Matches("<h1[^>]*>[^<]+</h1>", html);
        Assert.Contains("<pre class=\"code\"><code>", html);
        Assert.Contains("<span class=\"k\">", html);
    }

    [Fact]
    public async Task A_lesson_page_draws_its_chart_in_headless_chromium()
    {
        var page = FirstChartPage();
        var figures = Regex.Matches(File.ReadAllText(page), "data-plotly-figure").Count;

        var dom = await Chromium.DumpDomAsync(page);

        // plotly.js replaces each empty figure div with its SVG layers (class "main-svg"), one set per figure.
        var drawn = Regex.Matches(dom, "class=\"main-svg\"").Count;
        Assert.True(drawn >= figures, $"{figures} figures on {Path.GetFileName(page)}, but plotly drew {drawn} main-svg layers");
        // The figure's fallback text (shown when window.Plotly is missing) is in the page's scripts, never in its content.
        var content = Regex.Replace(dom, "<script\\b[\\s\\S]*?</script>", "");
        Assert.DoesNotContain("plotly.js not loaded", content);
    }

    [Fact]
    public async Task The_chart_is_visible_in_a_screenshot_and_blank_without_plotly()
    {
        var page = FirstChartPage();
        var html = File.ReadAllText(page);
        // The same page with plotly.js taken out of the head: the figures stay empty.
        var withoutPlotly = Path.Combine(Path.GetDirectoryName(page)!, "without-plotly-" + Path.GetFileName(page));
        File.WriteAllText(withoutPlotly, Regex.Replace(html, "<script id=\"plotly-js\">[\\s\\S]*?</script>", ""));

        var drawn = await Chromium.ScreenshotAsync(page, 1280, 6000);
        var blank = await Chromium.ScreenshotAsync(withoutPlotly, 1280, 6000);

        Assert.True(drawn.CountNonWhite() > 1000, $"the page rendered almost nothing: {drawn.CountNonWhite()} non-white pixels");
        var difference = drawn.CountDifferent(blank);
        Assert.True(difference > 5000, $"the chart changed only {difference} pixels of the page; plotly drew nothing visible");
        Assert.True(drawn.CountColoured() > blank.CountColoured() + 2000,
            $"coloured pixels with plotly {drawn.CountColoured()}, without {blank.CountColoured()}: the chart has no coloured marks");
    }

    [Fact]
    public async Task Long_lines_of_code_wrap_instead_of_being_clipped()
    {
        var page = FirstChartPage();
        // A narrow window, and a script that writes down how far the widest code block would scroll sideways.
        var measured = Path.Combine(Path.GetDirectoryName(page)!, "measured-" + Path.GetFileName(page));
        File.WriteAllText(measured, File.ReadAllText(page).Replace("</body>",
            "<script>var codes = Array.from(document.querySelectorAll('pre.code'));"
            + "document.body.setAttribute('data-code-blocks', String(codes.length));"
            + "document.body.setAttribute('data-code-overflow', String(Math.max(0, ...codes.map(c => c.scrollWidth - c.clientWidth))));</script></body>",
            StringComparison.Ordinal));
        Assert.Contains(File.ReadLines(page), line => line.Length > 120); // the lesson has long lines to wrap

        var dom = await Chromium.DumpDomAsync(measured);

        Assert.Matches("data-code-blocks=\"[1-9]", dom);
        Assert.Contains("data-code-overflow=\"0\"", dom);
    }
}
