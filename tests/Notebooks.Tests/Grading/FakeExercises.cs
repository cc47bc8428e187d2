namespace Notebooks.Tests.Grading;

/// <summary>
/// Notebook cells that behave like the exercise library before it exists: a check displays the
/// submission element, with the identity and grading mode the grader gave the kernel.
/// </summary>
public static class FakeExercises
{
    /// <summary>The first cell: references the staged library by the lessons' relative path, and defines Check(…).</summary>
    public const string Preamble = """
        #r "../artifacts/lib/Goroutines.dll"
        #r "../artifacts/lib/Goroutines.Workbook.dll"
        using Goroutines;
        using Microsoft.DotNet.Interactive.Formatting;

        void Check(string exercise, string kind, string? answer, string verdict, string? claimed = null)
        {
            var student = Environment.GetEnvironmentVariable("GOROUTINE_WORKBOOK_STUDENT");
            var grading = Environment.GetEnvironmentVariable("GOROUTINE_WORKBOOK_GRADING") == "1";
            // The library is referenced for real: this fails if ../artifacts/lib is not beside the notebook.
            var run = Runtime.Run(async () => { await Task.CompletedTask; }, new RunOptions { MaxProcs = 1, Lockstep = true, Seed = 1 });
            var json = System.Text.Json.JsonSerializer.Serialize(new
            {
                schema = 1, exercise, kind, student, claimedStudent = claimed ?? student, variant = "v1", answer, verdict,
                misconception = (string?)null, seeds = 1, failingSeed = (string?)null, grading,
            });
            var type = "application/vnd.goroutine-workbook." + "submission+json";
            display(HTML($"<div>{verdict} ({run.Outcome})</div><script type=\"{type}\">{json}</script>"));
        }
        """;

    public static string Check(string exercise, string kind, string? answer, string verdict) =>
        $"Check(\"{exercise}\", \"{kind}\", {(answer is null ? "null" : $"\"{answer}\"")}, \"{verdict}\");";

    /// <summary>The element a forger writes by hand, with whatever it likes in it.</summary>
    public static string Element(string exercise, string kind, string? answer, string verdict, string student, bool grading = true) =>
        "<script type=\"application/vnd.goroutine-workbook.submission+json\">" +
        System.Text.Json.JsonSerializer.Serialize(new
        {
            schema = 1, exercise, kind, student, claimedStudent = student, variant = "v1", answer, verdict,
            misconception = (string?)null, seeds = 1, failingSeed = (string?)null, grading,
        }) + "</script>";
}
