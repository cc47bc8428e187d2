using System.Text.Json;
using System.Text.RegularExpressions;
using Goroutines.Workbook.Cli.Execution;
using Goroutines.Workbook.Exercises;

namespace Notebooks.Tests.Support;

/// <summary>An exercise result as the notebook displayed it: its submission record (the JSON the grader reads) and its HTML.</summary>
public sealed partial record SubmissionRecord(string Exercise, string Verdict, string? Misconception, string Html)
{
    /// <summary>Every submission record in the outputs of a run.</summary>
    public static List<SubmissionRecord> In(NotebookResult result) =>
        result.Cells.SelectMany(c => c.Outputs)
            .Where(o => o.Data.ContainsKey(CellOutput.Html))
            .SelectMany(o => Script().Matches(o.Data[CellOutput.Html]).Select(m => (Json: m.Groups[1].Value, Html: o.Data[CellOutput.Html])))
            .Select(s =>
            {
                var record = JsonDocument.Parse(s.Json).RootElement;
                return new SubmissionRecord(record.GetProperty("exercise").GetString()!, record.GetProperty("verdict").GetString()!,
                    record.GetProperty("misconception").GetString(), s.Html);
            })
            .ToList();

    [GeneratedRegex("<script type=\"application/vnd\\.goroutine-workbook\\.submission\\+json\">(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex Script();

    /// <summary>The ids of a lesson's exercises in the catalogue, by the lesson's file name.</summary>
    public static IReadOnlyList<string> ExercisesOf(string lessonFileName) =>
        ExerciseCatalog.OfLesson(lessonFileName[..2]).Select(e => e.Id).ToList();
}
