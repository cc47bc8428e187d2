using System.Diagnostics;
using System.Text.RegularExpressions;
using Notebooks.Tests.Support;

namespace Notebooks.Tests;

/// <summary>`workbook run` as a user runs it: exit codes and what it says about failing, hanging and malformed notebooks.</summary>
[Collection(KernelCollection.Name)]
public sealed class RunCommandTests
{
    [Fact]
    public async Task A_notebook_whose_cells_all_pass_exits_zero()
    {
        var run = await WorkbookCli.RunAsync(TimeSpan.FromMinutes(3), "run", Repo.TestData("passing.ipynb"));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Matches(@"1 notebook, 3 cells: 3 ok, 0 failed, 0 timed out, 0 not run", run.Stdout);
    }

    [Fact]
    public async Task A_failing_cell_makes_run_exit_non_zero_and_is_named_with_its_error()
    {
        var run = await WorkbookCli.RunAsync(TimeSpan.FromMinutes(3), "run", Repo.TestData("failing-cell.ipynb"));

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Matches(@"FAILED\s+tests/Notebooks.Tests/TestData/failing-cell.ipynb cell\s+3\b.*the answer is not 42", run.Stdout);
        // The cells around it ran, as "Run All" would run them.
        Assert.Matches(@"ok\s+\S*failing-cell.ipynb cell\s+2\b", run.Stdout);
        Assert.Matches(@"ok\s+\S*failing-cell.ipynb cell\s+4\b", run.Stdout);
        Assert.Contains("2 ok, 1 failed", run.Stdout);
    }

    [Fact]
    public async Task A_compile_error_is_reported_with_the_compiler_message()
    {
        var run = await WorkbookCli.RunAsync(TimeSpan.FromMinutes(3), "run", Repo.TestData("compile-error.ipynb"));

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Matches(@"FAILED\s+\S*compile-error.ipynb cell\s+1\b.*CS0029", run.Stdout);
    }

    [Fact]
    public async Task A_cell_that_never_ends_is_stopped_at_the_limit_with_its_kernel()
    {
        var watch = Stopwatch.StartNew();
        var run = await WorkbookCli.RunAsync(TimeSpan.FromMinutes(3), "run", Repo.TestData("hanging-cell.ipynb"), "--timeout", "20");
        watch.Stop();

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Matches(@"TIMED OUT\s+\S*hanging-cell.ipynb cell\s+3\b.*did not finish within 20 s", run.Stdout);
        Assert.Matches(@"not run\s+\S*hanging-cell.ipynb cell\s+4\b", run.Stdout);
        Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(20), $"stopped after {watch.Elapsed}, before the 20 s limit");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(80), $"took {watch.Elapsed} to stop a 20 s cell");

        var pid = int.Parse(Regex.Match(run.Stdout, @"the kernel \(pid (\d+)\) was stopped").Groups[1].Value);
        Assert.False(IsRunning(pid), $"kernel process {pid} is still running after the time-out");
    }

    [Fact]
    public async Task A_kernel_that_dies_in_a_cell_is_reported_with_its_exit_code()
    {
        var run = await WorkbookCli.RunAsync(TimeSpan.FromMinutes(3), "run", Repo.TestData("crashing-cell.ipynb"));

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Matches(@"KERNEL CRASHED\s+\S*crashing-cell.ipynb cell\s+3\b.*exited with code 3", run.Stdout);
        Assert.Matches(@"not run\s+\S*crashing-cell.ipynb cell\s+4\b", run.Stdout);
    }

    [Fact]
    public async Task A_malformed_notebook_is_a_clear_error_before_any_kernel_starts()
    {
        var run = await WorkbookCli.RunAsync(TimeSpan.FromMinutes(1), "run", Repo.TestData("malformed.ipynb"));

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("malformed.ipynb is not a valid notebook", run.Stderr);
        Assert.Contains("JSON is malformed", run.Stderr);
        Assert.DoesNotContain("starting the kernel", run.Stdout);
    }

    [Fact]
    public async Task An_unknown_verb_prints_the_usage_and_exits_2()
    {
        var run = await WorkbookCli.RunAsync(TimeSpan.FromMinutes(1), "frobnicate");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("unknown verb 'frobnicate'", run.Stderr);
        Assert.Contains("usage: workbook", run.Stderr);
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
