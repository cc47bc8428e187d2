using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text;

namespace Goroutines.Workbook.Exercises;

/// <summary>Renders exercise results and views as small, self-contained HTML (inline styles, no scripts of its own).</summary>
internal static class ExerciseHtml
{
    private const string Box = "font-family:system-ui,sans-serif;border-left:4px solid {0};padding:6px 12px;margin:4px 0;background:{1}";

    /// <summary>Escapes text for HTML.</summary>
    public static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary>Text as a pre-formatted code block.</summary>
    public static string Code(string source) =>
        $"<pre style=\"background:#f6f8fa;padding:8px;border-radius:4px;overflow:auto\"><code>{E(source)}</code></pre>";

    /// <summary>"correct", "incorrect", "not answered yet", "wrong shape".</summary>
    public static string VerdictText(Verdict verdict) => verdict switch
    {
        Verdict.Correct => "correct",
        Verdict.Incorrect => "incorrect",
        Verdict.Unanswered => "not answered yet",
        _ => "cannot check this answer",
    };

    public static string Result(ExerciseResult r)
    {
        var (colour, background, mark) = r.Verdict switch
        {
            Verdict.Correct => ("#2e7d32", "#edf7ed", "✔"),
            Verdict.Incorrect => ("#c62828", "#fdecea", "✘"),
            Verdict.Unanswered => ("#757575", "#f5f5f5", "…"),
            _ => ("#ef6c00", "#fff4e5", "?"),
        };
        var html = new StringBuilder();
        html.Append($"<div class=\"exercise-result\" data-exercise=\"{E(r.Exercise)}\" data-verdict=\"{r.Verdict.ToString().ToLowerInvariant()}\" style=\"")
            .Append(string.Format(System.Globalization.CultureInfo.InvariantCulture, Box, colour, background)).Append("\">");
        html.Append($"<div><b style=\"color:{colour}\">{mark} {E(VerdictText(r.Verdict))}</b> · <code>{E(r.Exercise)}</code> {E(r.Title)}</div>");
        html.Append($"<div>{E(r.Message)}</div>");
        if (r.Hint is not null)
            html.Append($"<div><b>Hint:</b> {E(r.Hint)}</div>");
        if (r.Misconception is { } m)
            html.Append($"<div><b>This answer fits a common misconception:</b> “{E(m.Name)}”. {E(m.Correction)} <i>Re-read {E(m.Section.ToString())}.</i></div>");
        else if (r.Verdict == Verdict.Incorrect && r.Section is not null)
            html.Append($"<div><i>Re-read {E(r.Section.ToString())}.</i></div>");
        html.Append(r.DetailHtml);
        if (r.Student is not null)
            html.Append($"<div style=\"color:#757575;font-size:smaller\">Variant {r.Variant} for {E(r.Student)}{(r.Grading ? " · graded" : "")}</div>");
        html.Append(Submission.ToScript(r));
        html.Append("</div>");
        return html.ToString();
    }

    public static string View(ExerciseView v) =>
        "<div class=\"exercise-view\" style=\"font-family:system-ui,sans-serif;border-left:4px solid #1565c0;padding:6px 12px;margin:4px 0\">"
        + $"<div><b>{E(v.Title)}</b></div>{v.Html}</div>";

    /// <summary>A simple table: a header row and rows of already-escaped cells.</summary>
    public static string Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        var html = new StringBuilder("<table style=\"border-collapse:collapse\"><tr>");
        foreach (var h in header)
            html.Append($"<th style=\"text-align:left;padding:2px 8px;border-bottom:1px solid #ccc\">{E(h)}</th>");
        html.Append("</tr>");
        foreach (var row in rows)
            html.Append("<tr>").Append(string.Concat(row.Select(c => $"<td style=\"padding:2px 8px;vertical-align:top\">{c}</td>"))).Append("</tr>");
        return html.Append("</table>").ToString();
    }
}
