using System.Diagnostics;
using Notebooks.Tests.Support;

namespace Notebooks.Tests.Reliability;

/// <summary>
/// Issue 7, the runner: `workbook run` given bad notebooks or no library build answers with a clear
/// error and exit code 2, before any kernel starts, and never hangs. (RunCommandTests covers malformed
/// JSON and an unknown verb.)
/// </summary>
public sealed class RunnerInputTests
{
    public static TheoryData<string, string, string> BadNotebooks => new()
    {
        { "empty.ipynb", "", "the JSON is malformed" },
        { "binary.ipynb", "\u0000\u0001\u0002PNG\u0000", "the JSON is malformed" },
        { "list.ipynb", "[{\"cell_type\": \"code\"}]", "the top level is not a JSON object" },
        { "no-cells.ipynb", "{\"metadata\": {}, \"nbformat\": 4}", "it has no \"cells\" array" },
        { "cell-not-object.ipynb", "{\"cells\": [\"Console.WriteLine(1);\"]}", "cell 1 is not a JSON object" },
        { "bad-source.ipynb", "{\"cells\": [{\"cell_type\": \"code\", \"source\": 42}]}", "cell 1 has a source that is neither a string nor a list of strings" },
        { "bad-line.ipynb", "{\"cells\": [{\"cell_type\": \"markdown\", \"source\": [\"# t\"]}, {\"cell_type\": \"code\", \"source\": [\"a\", null]}]}", "cell 2 has a source line that is not a string" },
    };

    [Theory]
    [MemberData(nameof(BadNotebooks))]
    public async Task A_bad_notebook_among_good_ones_stops_the_run_before_any_kernel_with_exit_2_and_what_is_wrong(string name, string content, string problem)
    {
        var folder = Repo.FreshTempFolder("workbook-bad");
        File.Copy(Repo.TestData("passing.ipynb"), Path.Combine(folder, "a-good.ipynb"));
        File.WriteAllText(Path.Combine(folder, name), content);

        var run = await WorkbookCli.RunAsync(TimeSpan.FromMinutes(1), "run", folder);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains($"{name} is not a valid notebook", run.Stderr);
        Assert.Contains(problem, run.Stderr);
        Assert.DoesNotContain("starting the kernel", run.Stdout);
    }

    [Fact]
    public async Task A_notebook_that_does_not_exist_is_named_with_what_to_give_instead()
    {
        var run = await WorkbookCli.RunAsync(TimeSpan.FromMinutes(1), "run", "notebooks/99-no-such-lesson.ipynb");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("notebooks/99-no-such-lesson.ipynb: no such notebook or folder", run.Stderr);
        Assert.Contains("Give .ipynb files or folders of them", run.Stderr);
    }

    [Fact]
    public async Task A_folder_without_notebooks_is_an_error_not_an_empty_success()
    {
        var folder = Repo.FreshTempFolder("workbook-empty");

        var run = await WorkbookCli.RunAsync(TimeSpan.FromMinutes(1), "run", folder);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("no notebooks found", run.Stderr);
    }

    [Fact]
    public async Task The_command_without_a_built_library_says_how_to_build_it_and_exits_2()
    {
        // A copy of the command's own build folder, with the library it stages taken out.
        var copy = Repo.FreshTempFolder("workbook-nolib-cli");
        foreach (var file in Directory.GetFiles(AppContext.BaseDirectory))
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        foreach (var name in new[] { "Goroutines.dll", "Goroutines.Workbook.dll" })
            File.Delete(Path.Combine(copy, name));

        var run = await CopyRunAsync(copy, "run", Repo.TestData("passing.ipynb"));

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("Goroutines.dll is not in", run.Stderr);
        Assert.Contains("dotnet build GoroutineWorkbook.sln", run.Stderr);
        Assert.DoesNotContain("Unhandled exception", run.Output);
    }

    private static async Task<CliRun> CopyRunAsync(string folder, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Repo.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(folder, "workbook.dll"));
        foreach (var arg in args) info.ArgumentList.Add(arg);
        info.Environment["CI"] = "true";
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("the workbook command did not end within 1 minute");
        }
        return new CliRun(process.ExitCode, await stdout, await stderr, watch.Elapsed);
    }
}
