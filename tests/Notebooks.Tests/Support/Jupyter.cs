using System.Diagnostics;

namespace Notebooks.Tests.Support;

/// <summary>Debian's Jupyter (jupyter-nbconvert, which runs notebooks with nbclient) and the .NET Interactive kernel spec.</summary>
public static class Jupyter
{
    /// <summary>The jupyter command, or null when Jupyter is not installed.</summary>
    public static string? Executable =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, "jupyter"))
            .FirstOrDefault(File.Exists);

    /// <summary>True in CI (the CI environment variable is "true"), where Jupyter tests must run, not skip.</summary>
    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Why Jupyter tests are skipped here, or null when they run.</summary>
    public static string? SkipReason =>
        Executable != null || InCi
            ? null
            : "Jupyter is not installed, so lessons are not run through nbclient here: " +
              "apt-get install jupyter-nbconvert jupyter-client python3-nbclient (.ci/run installs them, and in CI this test runs).";

    /// <summary>Registers the .NET Interactive kernels with Jupyter (.net-csharp) unless they are.</summary>
    public static async Task EnsureKernelSpecAsync()
    {
        var list = await RunAsync(Repo.Root, TimeSpan.FromMinutes(1), Executable!, "kernelspec", "list");
        if (list.Stdout.Contains(".net-csharp", StringComparison.Ordinal))
            return;
        var install = await RunAsync(Repo.Root, TimeSpan.FromMinutes(3), "dotnet", "interactive", "jupyter", "install");
        Assert.True(install.ExitCode == 0, $"dotnet interactive jupyter install failed:\n{install.Output}");
    }

    /// <summary>Executes a lesson with nbclient (jupyter nbconvert --execute) in the .net-csharp kernel; returns the executed notebook's path.</summary>
    public static async Task<(CliRun Run, string Executed)> ExecuteAsync(string lesson)
    {
        var executed = Path.Combine(Repo.FreshTempFolder("workbook-jupyter"), Path.GetFileName(lesson));
        var run = await RunAsync(Repo.Layout.Notebooks, TimeSpan.FromMinutes(8), Executable!,
            "nbconvert", "--to", "notebook", "--execute",
            "--ExecutePreprocessor.kernel_name=.net-csharp", "--ExecutePreprocessor.timeout=300",
            "--output", executed, Path.Combine(Repo.Layout.Notebooks, lesson));
        return (run, executed);
    }

    private static async Task<CliRun> RunAsync(string folder, TimeSpan limit, string command, params string[] args)
    {
        var info = new ProcessStartInfo(command)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{command} {string.Join(' ', args)} did not end within {limit.TotalSeconds:0} s.");
        }
        return new CliRun(process.ExitCode, await stdout, await stderr, watch.Elapsed);
    }
}
