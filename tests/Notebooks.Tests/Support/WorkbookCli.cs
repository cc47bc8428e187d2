using System.Diagnostics;

namespace Notebooks.Tests.Support;

/// <summary>Runs the built workbook command (workbook.dll beside the tests) as its own process, as a user would.</summary>
public static class WorkbookCli
{
    public static async Task<CliRun> RunAsync(TimeSpan limit, params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "workbook.dll");
        Assert.True(File.Exists(dll), $"{dll} is missing: the test project must reference the Cli project.");
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Repo.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(dll);
        foreach (var arg in args) info.ArgumentList.Add(arg);
        info.Environment["CI"] = "true";
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
            throw new TimeoutException($"workbook {string.Join(' ', args)} did not end within {limit.TotalSeconds:0} s.");
        }
        return new CliRun(process.ExitCode, await stdout, await stderr, watch.Elapsed);
    }
}
