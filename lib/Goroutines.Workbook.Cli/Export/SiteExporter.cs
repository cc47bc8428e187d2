using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Goroutines.Workbook.Cli.Execution;
using Goroutines.Workbook.Cli.Notebooks;
using Markdig;

namespace Goroutines.Workbook.Cli.Export;

/// <summary>
/// Writes executed lessons as a static site: index.html and one page per lesson, with the prose
/// rendered from markdown, the code highlighted, and every output. Pages need nothing from the
/// network: styles are inlined, and plotly.js is inlined once in the head of each page with a chart.
/// </summary>
public sealed partial class SiteExporter(RepoLayout layout)
{
    private static readonly MarkdownPipeline Markdown = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    [GeneratedRegex("""(src|href)\s*=\s*(["'])\.\./images/""", RegexOptions.IgnoreCase)]
    private static partial Regex ImagesLink();

    [GeneratedRegex("""href\s*=\s*(["'])(?:\./)?([\w.-]+)\.ipynb(#[^"']*)?\1""", RegexOptions.IgnoreCase)]
    private static partial Regex LessonLink();

    public IReadOnlyList<ExportedPage> Export(IReadOnlyList<NotebookResult> results, string outFolder)
    {
        Directory.CreateDirectory(outFolder);
        var images = Path.Combine(layout.Root, "images");
        if (Directory.Exists(images))
            CopyFolder(images, Path.Combine(outFolder, "images"));

        var pages = new List<ExportedPage>();
        for (var i = 0; i < results.Count; i++)
        {
            var result = results[i];
            var file = Slug(result.Notebook.Path) + ".html";
            var previous = i > 0 ? (Slug(results[i - 1].Notebook.Path) + ".html", results[i - 1].Notebook.Title) : default((string, string)?);
            var next = i + 1 < results.Count ? (Slug(results[i + 1].Notebook.Path) + ".html", results[i + 1].Notebook.Title) : default((string, string)?);
            var (html, charts) = LessonPage(result, previous, next);
            var network = OfflineCheck.NetworkReferences(html);
            if (network.Count > 0)
                throw new InvalidOperationException(
                    $"{file} would load from the network ({string.Join("; ", network)}). The exported workbook must work offline: " +
                    "find the output or markdown that links a remote script, image or stylesheet and make it local.");
            File.WriteAllText(Path.Combine(outFolder, file), html, new UTF8Encoding(false));
            pages.Add(new ExportedPage(file, result.Notebook.Title, charts, result.Succeeded));
        }
        File.WriteAllText(Path.Combine(outFolder, "index.html"), IndexPage(results, pages), new UTF8Encoding(false));
        return pages;
    }

    public static string Slug(string notebookPath) => Path.GetFileNameWithoutExtension(notebookPath);

    private (string Html, int Charts) LessonPage(NotebookResult result, (string File, string Title)? previous, (string File, string Title)? next)
    {
        var body = new StringBuilder();
        var charts = 0;
        var executed = result.Cells.ToDictionary(c => c.Cell.Number);
        if (result.KernelError is not null)
            body.Append("<pre class=\"error\">").Append(WebUtility.HtmlEncode(result.KernelError)).Append("</pre>\n");
        foreach (var cell in result.Notebook.Cells)
        {
            switch (cell.Kind)
            {
                case CellKind.Markdown:
                    body.Append("<section class=\"md\">").Append(LocalLinks(Markdig.Markdown.ToHtml(cell.Source, Markdown))).Append("</section>\n");
                    break;
                case CellKind.Code:
                    executed.TryGetValue(cell.Number, out var run);
                    body.Append(CodeCell(cell, run, ref charts));
                    break;
            }
        }

        var head = new StringBuilder();
        head.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(WebUtility.HtmlEncode(result.Notebook.Title)).Append(" · Goroutine Workbook</title>\n")
            .Append("<style>").Append(SiteStyle.Css).Append("</style>\n");
        if (charts > 0)
            head.Append(PlotlyInliner.HeadScript()).Append('\n');
        head.Append("</head>\n<body>\n<header class=\"site\"><a href=\"index.html\">Goroutine Workbook</a><span class=\"nav\">");
        if (previous is { } p) head.Append("<a href=\"").Append(p.File).Append("\">← ").Append(WebUtility.HtmlEncode(p.Title)).Append("</a>");
        if (next is { } n) head.Append("<a href=\"").Append(n.File).Append("\">").Append(WebUtility.HtmlEncode(n.Title)).Append(" →</a>");
        head.Append("</span></header>\n<main>\n");
        head.Append(body);
        head.Append("<footer>Executed by <code>workbook export</code> in the dotnet-interactive kernel on ")
            .Append(DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm 'UTC'")).Append(".</footer>\n</main>\n</body>\n</html>\n");
        return (head.ToString(), charts);
    }

    private static string CodeCell(NotebookCell cell, CellResult? run, ref int charts)
    {
        var html = new StringBuilder();
        html.Append("<section class=\"cell\" id=\"cell-").Append(cell.Number).Append("\">\n<div class=\"cell-head\">[").Append(cell.Number).Append("] ");
        if (run is null) html.Append("not executed");
        else if (run.IsOk) html.Append($"{run.Elapsed.TotalSeconds:0.0} s");
        else html.Append("<span class=\"bad\">").Append(WebUtility.HtmlEncode(Reporting.Names.Status(run.Status))).Append("</span>");
        html.Append("</div>\n<pre class=\"code\"><code>").Append(CodeHighlighter.ToHtml(cell.Source.TrimEnd())).Append("</code></pre>\n");
        var outputs = run?.Outputs ?? [];
        if (outputs.Count > 0 || run?.Error is not null)
        {
            html.Append("<div class=\"outputs\">\n");
            foreach (var output in outputs)
                html.Append("<div class=\"output\">").Append(Output(output, ref charts)).Append("</div>\n");
            if (run is { Error: not null } && !outputs.Any(o => o.Kind == OutputKind.Error))
                html.Append("<div class=\"output\"><pre class=\"error\">").Append(WebUtility.HtmlEncode(run.Error)).Append("</pre></div>\n");
            html.Append("</div>\n");
        }
        html.Append("</section>\n");
        return html.ToString();
    }

    private static string Output(CellOutput output, ref int charts)
    {
        static string Pre(string cls, string text) => $"<pre class=\"{cls}\">{WebUtility.HtmlEncode(text)}</pre>";
        switch (output.Kind)
        {
            case OutputKind.StandardOutput: return Pre("stdout", output.Text);
            case OutputKind.StandardError: return Pre("stderr", output.Text);
            case OutputKind.Error: return Pre("error", output.Text);
            case OutputKind.Diagnostics: return Pre("diagnostics", output.Text);
        }
        var data = output.Data;
        if (data.TryGetValue(CellOutput.Html, out var html))
        {
            var stripped = PlotlyInliner.StripLibrary(html);
            if (PlotlyInliner.NeedsPlotly(stripped)) charts++;
            return stripped;
        }
        if (data.TryGetValue(CellOutput.Svg, out var svg)) return svg;
        if (data.TryGetValue(CellOutput.Png, out var png)) return $"<img alt=\"output\" src=\"data:image/png;base64,{png.Trim()}\">";
        if (data.TryGetValue("text/markdown", out var md)) return Markdig.Markdown.ToHtml(md, Markdown);
        return Pre("text", output.Text);
    }

    /// <summary>Links of the lessons' markdown, made to work in the site: ../images/ to images/, another lesson's .ipynb to its page.</summary>
    public static string LocalLinks(string html) =>
        LessonLink().Replace(ImagesLink().Replace(html, "$1=$2images/"), "href=$1$2.html$3$1");

    private static string IndexPage(IReadOnlyList<NotebookResult> results, IReadOnlyList<ExportedPage> pages)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>Goroutine Workbook</title>\n<style>").Append(SiteStyle.Css).Append("</style>\n</head>\n<body>\n")
            .Append("<header class=\"site\"><a href=\"index.html\">Goroutine Workbook</a></header>\n<main>\n")
            .Append("<h1>Goroutine Workbook</h1>\n<p>What really happens when a Go program says <code>go func()</code>: a real G-M-P scheduler, ")
            .Append("step by step, in executed C# lessons.</p>\n<ul class=\"lessons\">\n");
        for (var i = 0; i < pages.Count; i++)
        {
            var result = results[i];
            var page = pages[i];
            var cells = result.Cells.Count;
            var ok = result.Cells.Count(c => c.IsOk);
            html.Append("<li><a href=\"").Append(page.File).Append("\">").Append(WebUtility.HtmlEncode(page.Title)).Append("</a> ")
                .Append("<span class=\"file\">").Append(WebUtility.HtmlEncode(Path.GetFileName(result.Notebook.Path))).Append("</span><br>")
                .Append(LessonDescription.Of(result.Notebook) is { Length: > 0 } goal ? $"<span class=\"goal\">{WebUtility.HtmlEncode(goal)}</span><br>" : "")
                .Append(result.Succeeded
                    ? $"<span class=\"status-ok\">{cells} code cells, all ran</span>"
                    : $"<span class=\"status-bad\">{ok} of {cells} code cells ran</span>")
                .Append(page.Charts > 0 ? $" · {page.Charts} chart{(page.Charts == 1 ? "" : "s")}" : "")
                .Append("</li>\n");
        }
        html.Append("</ul>\n<footer>Generated by <code>workbook export</code>. Works offline.</footer>\n</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)), overwrite: true);
        foreach (var dir in Directory.GetDirectories(from))
            CopyFolder(dir, Path.Combine(to, Path.GetFileName(dir)));
    }
}
