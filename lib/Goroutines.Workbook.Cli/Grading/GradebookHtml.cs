using System.Net;
using System.Text;

namespace Goroutines.Workbook.Cli.Grading;

/// <summary>
/// gradebook.html, for the teacher: the table of every submission, then for each exercise a histogram of
/// the answers given, then the misconceptions the class showed most. One self-contained page: inline CSS,
/// no script, nothing loaded from the network.
/// </summary>
public static class GradebookHtml
{
    public static string Write(Gradebook book, Func<string, string> misconceptionName)
    {
        var html = new StringBuilder();
        html.Append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Gradebook</title>\n<style>")
            .Append(Style).Append("</style></head><body>\n<h1>Gradebook</h1>\n<p class=\"summary\">")
            .Append(E(book.Summary)).Append("</p>\n");
        Table(html, book);
        Answers(html, book);
        Misconceptions(html, book, misconceptionName);
        html.Append("</body></html>\n");
        return html.ToString();
    }

    private static void Table(StringBuilder html, Gradebook book)
    {
        html.Append("<h2>Submissions</h2>\n<table class=\"book\"><thead><tr><th>student</th><th>submission</th><th>status</th>");
        foreach (var column in book.Columns)
            html.Append($"<th title=\"{E(column.Title)} ({E(column.Kind)}, {column.Points} points)\">{E(column.Id)}</th>");
        html.Append("<th>total</th></tr></thead>\n<tbody>\n");
        foreach (var row in book.Rows)
        {
            var statusClass = row.IsFlagged ? "flagged" : row.RunStatus == "ok" ? "ok" : "problem";
            html.Append($"<tr><td>{E(row.Submission.Student)}</td><td>{E(row.Submission.Name)}</td><td class=\"{statusClass}\">{E(row.Status)}");
            if (row.Notes.Count > 0)
                html.Append($"<div class=\"notes\">{E(string.Join("; ", row.Notes))}</div>");
            html.Append("</td>");
            foreach (var column in book.Columns)
            {
                if (!row.Grades.TryGetValue(column.Id, out var grade))
                {
                    html.Append("<td class=\"na\"></td>");
                    continue;
                }
                var tip = grade.Answer is null ? grade.Verdict : $"{grade.Verdict}: {grade.Answer}";
                html.Append($"<td class=\"{E(grade.Verdict)}\" title=\"{E(tip)}\">{grade.Points}/{grade.MaxPoints}<div class=\"verdict\">{E(grade.Verdict)}</div></td>");
            }
            html.Append($"<td class=\"total\">{row.Total}/{row.Max}</td></tr>\n");
        }
        html.Append("</tbody></table>\n");
    }

    // Per exercise: how many gave each answer, coloured by the grader's verdict.
    private static void Answers(StringBuilder html, Gradebook book)
    {
        html.Append("<h2>Answers, exercise by exercise</h2>\n");
        foreach (var column in book.Columns)
        {
            var grades = book.Rows.Select(r => r.Grades.GetValueOrDefault(column.Id)).OfType<ExerciseGrade>().ToList();
            if (grades.Count == 0) continue;
            var buckets = grades.GroupBy(g => (Answer: Label(g), g.Verdict))
                .OrderByDescending(g => g.Count()).ThenBy(g => g.Key.Answer, StringComparer.Ordinal).ToList();
            var most = buckets.Max(b => b.Count());
            var correct = grades.Count(g => g.Verdict == ExerciseGrade.Correct);
            html.Append($"<section class=\"exercise\"><h3>{E(column.Id)} · {E(column.Title)}</h3>")
                .Append($"<p class=\"meta\">{E(column.Kind)} · {column.Points} point{(column.Points == 1 ? "" : "s")} · {correct} of {grades.Count} correct</p>\n<table class=\"histogram\">");
            foreach (var bucket in buckets)
            {
                var width = Math.Max(2, 100 * bucket.Count() / most);
                html.Append($"<tr><td class=\"answer\">{E(bucket.Key.Answer)}</td><td class=\"bar\"><div class=\"{E(bucket.Key.Verdict)}\" style=\"width:{width}%\"></div></td>")
                    .Append($"<td class=\"count\">{bucket.Count()}</td><td class=\"verdict\">{E(bucket.Key.Verdict)}</td></tr>\n");
            }
            html.Append("</table></section>\n");
        }
    }

    private static string Label(ExerciseGrade grade) => grade.Verdict switch
    {
        ExerciseGrade.Missing => "(no result: cell deleted or not run)",
        ExerciseGrade.Unanswered => "(not answered)",
        _ => grade.Answer ?? "(code)",
    };

    private static void Misconceptions(StringBuilder html, Gradebook book, Func<string, string> misconceptionName)
    {
        var shown = book.Rows.SelectMany(r => r.Grades.Values.Where(g => !string.IsNullOrEmpty(g.Misconception)).Select(g => (Row: r, Grade: g)))
            .GroupBy(x => x.Grade.Misconception!)
            .Select(g => (Id: g.Key, Students: g.Select(x => x.Row.Submission.Student).Distinct(StringComparer.OrdinalIgnoreCase).Count(),
                          Exercises: g.Select(x => x.Grade.Exercise).Distinct().Order(StringComparer.Ordinal).ToList()))
            .OrderByDescending(m => m.Students).ThenBy(m => m.Id, StringComparer.Ordinal).ToList();
        html.Append("<h2>Misconceptions the class showed</h2>\n");
        if (shown.Count == 0)
        {
            html.Append("<p>No answer matched a named misconception.</p>\n");
            return;
        }
        html.Append("<table class=\"misconceptions\"><thead><tr><th>misconception</th><th>students</th><th>in exercises</th></tr></thead><tbody>\n");
        foreach (var m in shown)
            html.Append($"<tr><td>{E(misconceptionName(m.Id))}</td><td class=\"count\">{m.Students}</td><td>{E(string.Join(", ", m.Exercises))}</td></tr>\n");
        html.Append("</tbody></table>\n");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private const string Style = """
        body{font-family:system-ui,sans-serif;margin:24px;color:#1d1d1f}
        h1{margin-bottom:4px} .summary{color:#555}
        table{border-collapse:collapse;margin:8px 0 20px}
        th,td{border:1px solid #ddd;padding:4px 8px;text-align:left;vertical-align:top;font-size:14px}
        th{background:#f4f4f6}
        td.correct,div.correct{background:#d7f5dd} td.incorrect,div.incorrect{background:#fde2e1}
        td.unanswered,div.unanswered,td.missing,div.missing{background:#f1f1f1} td.invalid,div.invalid{background:#fff1c2}
        td.flagged{background:#fff1c2} td.problem{background:#fde2e1}
        .verdict,.notes,.meta{font-size:12px;color:#555}
        td.total{font-weight:600}
        table.histogram td.bar{width:320px} table.histogram td.bar div{height:14px}
        td.answer{font-family:ui-monospace,monospace;max-width:420px;overflow-wrap:anywhere}
        td.count{text-align:right}
        """;
}
