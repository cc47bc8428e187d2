using Notebooks.Tests.Support;

namespace Notebooks.Tests.Reliability;

/// <summary>
/// Issue 7, the runner in a classroom: notebooks saved anywhere (a student's folder with spaces and
/// accents, outside the repository), and two runs at once (a teacher exporting while the tests run).
/// </summary>
[Collection(KernelCollection.Name)]
public sealed class RunnerEnvironmentTests
{
    [Fact]
    public async Task A_notebook_outside_the_repository_in_a_folder_with_spaces_and_accents_runs()
    {
        var folder = Path.Combine(Repo.FreshTempFolder("workbook-student"), "Mes leçons", "semaine 1");
        Directory.CreateDirectory(folder);
        var notebook = Path.Combine(folder, "mon cahier ü.ipynb");
        File.Copy(Repo.TestData("passing.ipynb"), notebook);

        var run = await WorkbookCli.RunAsync(TimeSpan.FromMinutes(3), "run", notebook);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("3 ok, 0 failed", run.Stdout);
        Assert.Contains("mon cahier ü.ipynb", run.Stdout);
    }

    [Fact]
    public async Task Two_runs_at_once_on_the_same_repository_both_stage_the_library_and_pass()
    {
        var runs = await Task.WhenAll(
            WorkbookCli.RunAsync(TimeSpan.FromMinutes(4), "run", Repo.TestData("passing.ipynb")),
            WorkbookCli.RunAsync(TimeSpan.FromMinutes(4), "run", Repo.TestData("passing.ipynb")));

        Assert.All(runs, run => Assert.True(run.ExitCode == 0, run.ToString()));
        Assert.All(runs, run => Assert.Contains("3 ok, 0 failed", run.Stdout));
        Assert.Empty(Directory.GetFiles(Repo.Layout.LibraryFolder, "*.new-*"));   // no half-written copy left behind
    }
}
