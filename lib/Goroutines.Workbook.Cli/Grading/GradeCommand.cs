using Goroutines.Workbook.Cli.Execution;
using Goroutines.Workbook.Cli.Reporting;

namespace Goroutines.Workbook.Cli.Grading;

/// <summary><c>workbook grade &lt;folder&gt;</c>: finds the submissions, grades them, writes gradebook.csv and gradebook.html, prints a summary.</summary>
public static class GradeCommand
{
    public const string CsvFile = "gradebook.csv";
    public const string HtmlFile = "gradebook.html";

    /// <summary>0 when the gradebook is written; 2 when there is nothing to grade (the message says why).</summary>
    public static async Task<int> RunAsync(RepoLayout layout, GradeOptions options, bool live)
    {
        var submissions = SubmissionFinder.Find(options.Folder, options.Roster);
        if (submissions.Count == 0)
        {
            Console.Error.WriteLine($"workbook: no notebooks (.ipynb) found in {options.Folder} or its subfolders; nothing to grade.");
            return 2;
        }
        var outFolder = Path.GetFullPath(options.OutFolder ?? options.Folder);
        Directory.CreateDirectory(outFolder);
        var key = new LibraryAnswerKey();
        Console.WriteLine($"Grading {submissions.Count} submission{(submissions.Count == 1 ? "" : "s")} in {options.Folder}, " +
                          $"{options.Jobs} kernel{(options.Jobs == 1 ? "" : "s")} at once (cell limit {options.CellTimeout.TotalSeconds:0} s, " +
                          $"notebook limit {options.NotebookTimeout.TotalSeconds:0} s, heap limit {options.MemoryMegabytes} MB)");

        var root = Path.GetFullPath(options.Folder);
        Gradebook book;
        if (live)
        {
            var display = new LiveProgress(root);
            book = await display.RunAsync(() => new Grader(layout, options, key, display).GradeAsync(submissions));
        }
        else
        {
            book = await new Grader(layout, options, key, new PlainProgress(Console.Out, root)).GradeAsync(submissions);
        }

        foreach (var row in book.Rows)
            Console.WriteLine($"{row.Total,3}/{row.Max,-3} {row.Submission.Name} ({row.Submission.Student}): {row.Status}");
        var csv = Path.Combine(outFolder, CsvFile);
        var html = Path.Combine(outFolder, HtmlFile);
        File.WriteAllText(csv, GradebookCsv.Write(book));
        File.WriteAllText(html, GradebookHtml.Write(book, key.MisconceptionName));
        Console.WriteLine(book.Summary);
        Console.WriteLine($"Gradebook written: {csv} and {html}");
        return 0;
    }
}
