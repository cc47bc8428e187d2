using Goroutines.Workbook.Cli.Grading;
using Notebooks.Tests.Support;

namespace Notebooks.Tests.Grading;

/// <summary>Whose each submission is: the file's name, the student's folder, or the roster.</summary>
public sealed class SubmissionFinderTests
{
    [Fact]
    public void A_file_is_its_name_a_folder_is_its_student_and_checkpoints_are_skipped()
    {
        var folder = Repo.FreshTempFolder("workbook-find");
        foreach (var name in new[] { "ada.ipynb", "bob/00-start-here.ipynb", "bob/01-seeing-the-scheduler.ipynb", "bob/.ipynb_checkpoints/00-start-here-checkpoint.ipynb", "notes.txt" })
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(folder, name))!);
            File.WriteAllText(Path.Combine(folder, name), "{}");
        }

        var found = SubmissionFinder.Find(folder);

        Assert.Equal([("ada.ipynb", "ada"), ("bob/00-start-here.ipynb", "bob"), ("bob/01-seeing-the-scheduler.ipynb", "bob")],
            found.Select(s => (s.Name, s.Student)));
    }

    [Fact]
    public void A_roster_names_files_and_folders()
    {
        var folder = Repo.FreshTempFolder("workbook-roster");
        var roster = Path.Combine(folder, "roster.txt");
        File.WriteAllText(roster, "# file-or-folder,student\nada.ipynb, Ada Lovelace\nbob/,bob@example.edu\n\n");

        var map = SubmissionFinder.ReadRoster(roster);

        Assert.Equal("Ada Lovelace", SubmissionFinder.StudentOf("ada.ipynb", map));
        Assert.Equal("bob@example.edu", SubmissionFinder.StudentOf("bob/00-start-here.ipynb", map));
        Assert.Equal("cy", SubmissionFinder.StudentOf("cy.ipynb", map));
    }

    [Fact]
    public void A_roster_line_without_a_comma_says_what_a_line_looks_like()
    {
        var roster = Path.Combine(Repo.FreshTempFolder("workbook-roster"), "roster.txt");
        File.WriteAllText(roster, "ada.ipynb Ada\n");

        var e = Assert.Throws<InvalidDataException>(() => SubmissionFinder.ReadRoster(roster));

        Assert.Contains("line 1", e.Message);
        Assert.Contains("file-or-folder,student", e.Message);
    }

    [Fact]
    public void The_csv_quotes_commas_and_defuses_formulas_from_file_names()
    {
        var submission = new Submission("/c/=cmd.ipynb", "=cmd.ipynb", "=cmd");
        var row = new GradebookRow(submission, "timed out: cell 3 (a, b)", [], [], new Dictionary<string, ExerciseGrade>
        {
            ["t.predict"] = new("t.predict", "right", ExerciseGrade.Correct, null, 2, 2),
        }, 2, 6, TimeSpan.Zero);
        var book = new Gradebook([new ExerciseColumn("t.predict", "t", "predict", "P", 2), new ExerciseColumn("t.code", "t", "code", "C", 3)], [row], TimeSpan.FromSeconds(1), 1);

        var lines = GradebookCsv.Write(book).Split("\r\n");

        Assert.Equal("submission,student,status,t.predict,t.code,total,max,notes", lines[0]);
        Assert.Equal("'=cmd.ipynb,'=cmd,\"timed out: cell 3 (a, b)\",2,,2,6,", lines[1]);
    }
}
