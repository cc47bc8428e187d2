using System.Globalization;
using System.Text;

namespace Goroutines.Workbook.Cli.Grading;

/// <summary>
/// gradebook.csv: one row per submission (submission, student, status, one column of points per exercise,
/// total, max, notes). An exercise of a lesson the submission is not about is left empty. Fields that a
/// spreadsheet would run as a formula (=, +, -, @) are prefixed with ' — file names come from students.
/// </summary>
public static class GradebookCsv
{
    public static string Write(Gradebook book)
    {
        var text = new StringBuilder();
        Line(text, ["submission", "student", "status", .. book.Columns.Select(c => c.Id), "total", "max", "notes"]);
        foreach (var row in book.Rows)
        {
            Line(text, [
                row.Submission.Name,
                row.Submission.Student,
                row.Status,
                .. book.Columns.Select(c => row.Grades.TryGetValue(c.Id, out var g) ? g.Points.ToString(CultureInfo.InvariantCulture) : ""),
                row.Total.ToString(CultureInfo.InvariantCulture),
                row.Max.ToString(CultureInfo.InvariantCulture),
                string.Join("; ", row.Notes),
            ]);
        }
        return text.ToString();
    }

    private static void Line(StringBuilder text, IEnumerable<string> fields) =>
        text.Append(string.Join(",", fields.Select(Field))).Append("\r\n");

    private static string Field(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' && !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            value = "'" + value;
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }
}
