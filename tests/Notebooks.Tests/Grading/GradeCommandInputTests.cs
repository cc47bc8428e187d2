using Notebooks.Tests.Support;

namespace Notebooks.Tests.Grading;

/// <summary>`workbook grade` given nothing to grade: exit 2 with what is wrong, before any kernel starts.</summary>
public sealed class GradeCommandInputTests
{
    [Fact]
    public async Task A_folder_without_notebooks_is_exit_2_and_says_so()
    {
        var folder = Repo.FreshTempFolder("workbook-noclass");
        File.WriteAllText(Path.Combine(folder, "readme.txt"), "no notebooks here");

        var run = await WorkbookCli.RunAsync(TimeSpan.FromMinutes(1), "grade", folder);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("no notebooks (.ipynb) found", run.Stderr);
        Assert.False(File.Exists(Path.Combine(folder, "gradebook.csv")));
    }

    [Fact]
    public async Task A_missing_folder_is_exit_2_and_says_what_to_give()
    {
        var run = await WorkbookCli.RunAsync(TimeSpan.FromMinutes(1), "grade", "no-such-class-folder");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("no-such-class-folder: no such folder", run.Stderr);
    }

    [Fact]
    public async Task A_bad_roster_line_is_exit_2_and_names_the_line()
    {
        var folder = Repo.FreshTempFolder("workbook-roster-class");
        File.WriteAllText(Path.Combine(folder, "ada.ipynb"), "{}");
        var roster = Path.Combine(folder, "roster.txt");
        File.WriteAllText(roster, "ada.ipynb Ada\n");

        var run = await WorkbookCli.RunAsync(TimeSpan.FromMinutes(1), "grade", folder, "--roster", roster);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("line 1", run.Stderr);
    }
}
