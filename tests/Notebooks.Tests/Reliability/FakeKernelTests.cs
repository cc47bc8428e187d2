using System.Diagnostics;
using Goroutines.Workbook.Cli.Kernel;
using Notebooks.Tests.Support;

namespace Notebooks.Tests.Reliability;

/// <summary>
/// Issue 7, the runner: kernels that misbehave in every way a real one can — never ready, dead at
/// start, printing garbage, hanging on a command, dying on a command — stand in for the real kernel
/// (a shell script driven through the same KernelProcess). Each gives a clear error within its
/// limit, and the kernel process is gone afterwards.
/// </summary>
public sealed class FakeKernelTests
{
    private const string Ready = """{"eventType":"KernelReady","event":{},"command":null}""";

    /// <summary>A "kernel" that is a shell script; it writes its pid to a file first, so the test can check it is gone.</summary>
    private static (KernelLaunch Launch, string PidFile) Script(string body)
    {
        var folder = Repo.FreshTempFolder("workbook-fake-kernel");
        var pidFile = Path.Combine(folder, "pid");
        var script = $"echo $$ > '{pidFile}'\n{body}\n";
        return (new KernelLaunch("sh", ["-c", script], "a fake kernel (sh)"), pidFile);
    }

    private static int PidOf(string pidFile)
    {
        Assert.True(SpinWait.SpinUntil(() => File.Exists(pidFile) && File.ReadAllText(pidFile).Trim().Length > 0, TimeSpan.FromSeconds(10)), "the fake kernel never started");
        return int.Parse(File.ReadAllText(pidFile).Trim());
    }

    private static bool Gone(int pid) =>
        SpinWait.SpinUntil(() =>
        {
            try
            {
                using var p = Process.GetProcessById(pid);
                return p.HasExited;
            }
            catch (ArgumentException)
            {
                return true;
            }
        }, TimeSpan.FromSeconds(10));

    [Theory]
    [InlineData("exec sleep 600")]
    [InlineData("echo 'Welcome to a banner that is not JSON'; echo '{\"not\": \"an event\"}'; echo '{broken'; exec sleep 600")]
    public async Task A_kernel_that_never_becomes_ready_is_stopped_at_the_start_limit_with_a_clear_error(string body)
    {
        var (launch, pidFile) = Script(body);
        var watch = Stopwatch.StartNew();

        var e = await Assert.ThrowsAsync<KernelException>(() => KernelProcess.StartAsync(launch, Repo.Root, TimeSpan.FromSeconds(3)));
        watch.Stop();

        Assert.Contains("did not become ready within 3 s", e.Message);
        Assert.Contains("it was stopped", e.Message);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"took {watch.Elapsed}");
        Assert.True(Gone(PidOf(pidFile)), "the kernel process is still running");
    }

    [Fact]
    public async Task A_kernel_that_dies_at_start_is_reported_with_its_exit_code_and_last_words()
    {
        var (launch, _) = Script("echo 'kernel exploded: missing runtime' >&2; exit 7");

        var e = await Assert.ThrowsAsync<KernelException>(() => KernelProcess.StartAsync(launch, Repo.Root, TimeSpan.FromSeconds(30)));

        Assert.Contains("exited with code 7 before it was ready", e.Message);
        Assert.Contains("dotnet tool restore", e.Message);
        Assert.Contains("kernel exploded: missing runtime", e.Message);
    }

    [Fact]
    public async Task A_kernel_that_hangs_on_a_cell_is_killed_at_the_cell_limit_and_refuses_further_cells()
    {
        var (launch, pidFile) = Script($"echo '{Ready}'; exec sleep 600");
        await using var kernel = await KernelProcess.StartAsync(launch, Repo.Root, TimeSpan.FromSeconds(30));
        var watch = Stopwatch.StartNew();

        var result = await kernel.SubmitAsync("while (true) { }", "csharp", TimeSpan.FromSeconds(2));
        watch.Stop();

        Assert.Equal(SubmissionStatus.TimedOut, result.Status);
        Assert.Contains("did not finish within 2 s", result.Message);
        Assert.Contains($"the kernel (pid {kernel.ProcessId}) was stopped", result.Message);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"took {watch.Elapsed}");
        Assert.True(Gone(PidOf(pidFile)), "the kernel process is still running");
        var again = await Assert.ThrowsAsync<KernelException>(() => kernel.SubmitAsync("1", "csharp", TimeSpan.FromSeconds(2)));
        Assert.Contains("already stopped; start a new one", again.Message);
    }

    [Fact]
    public async Task A_kernel_that_dies_on_a_cell_is_reported_with_its_exit_code_and_stderr()
    {
        var (launch, _) = Script($"echo '{Ready}'; read line; echo 'fatal: out of memory' >&2; exit 5");
        await using var kernel = await KernelProcess.StartAsync(launch, Repo.Root, TimeSpan.FromSeconds(30));

        var result = await kernel.SubmitAsync("var x = 1;", "csharp", TimeSpan.FromSeconds(30));

        Assert.Equal(SubmissionStatus.KernelExited, result.Status);
        Assert.Contains("exited with code 5 while the cell ran", result.Message);
        Assert.Contains("fatal: out of memory", result.Message);
        Assert.True(kernel.HasExited);
    }

    [Fact]
    public async Task A_kernel_whose_output_is_garbage_after_ready_times_out_cleanly_instead_of_crashing_the_runner()
    {
        var (launch, _) = Script($"echo '{Ready}'; read line; head -c 20000 /dev/urandom | base64; echo '{{\"eventType\": 42}}'; echo '{{\"eventType\":\"CommandSucceeded\",\"command\":{{\"token\":\"someone-else\"}}}}'; exec sleep 600");
        await using var kernel = await KernelProcess.StartAsync(launch, Repo.Root, TimeSpan.FromSeconds(30));

        var result = await kernel.SubmitAsync("1", "csharp", TimeSpan.FromSeconds(3));

        Assert.Equal(SubmissionStatus.TimedOut, result.Status);   // no event answered this cell's token
        Assert.Empty(result.Events);
    }

    [Fact]
    public async Task Disposing_a_kernel_that_ignores_Quit_kills_it()
    {
        var (launch, pidFile) = Script($"echo '{Ready}'; trap '' TERM; while true; do sleep 1; done");
        var kernel = await KernelProcess.StartAsync(launch, Repo.Root, TimeSpan.FromSeconds(30));
        var pid = PidOf(pidFile);
        var watch = Stopwatch.StartNew();

        await kernel.DisposeAsync();

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"dispose took {watch.Elapsed}");
        Assert.True(Gone(pid), "the kernel process is still running");
    }
}
