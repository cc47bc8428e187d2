using System.Diagnostics;

namespace Notebooks.Tests.Support;

/// <summary>Headless Chromium (Debian's chromium package), started fresh for each call with no network features and its own profile.</summary>
public static class Chromium
{
    public static string Executable =>
        new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome" }.FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException("Chromium is not installed: apt-get install -y chromium (.ci/run does this).");

    /// <summary>The DOM after the page's scripts ran.</summary>
    public static async Task<string> DumpDomAsync(string htmlFile) =>
        (await RunAsync(["--virtual-time-budget=10000", "--dump-dom", new Uri(htmlFile).AbsoluteUri])).Stdout;

    /// <summary>A PNG screenshot of the page at the given window size.</summary>
    public static async Task<PngImage> ScreenshotAsync(string htmlFile, int width, int height)
    {
        var png = Path.Combine(Repo.FreshTempFolder("workbook-shot"), "shot.png");
        var run = await RunAsync([$"--window-size={width},{height}", $"--screenshot={png}", "--hide-scrollbars", new Uri(htmlFile).AbsoluteUri]);
        Assert.True(File.Exists(png), $"Chromium wrote no screenshot.\n{run.Stderr}");
        return PngImage.Load(png);
    }

    private static async Task<(string Stdout, string Stderr)> RunAsync(IEnumerable<string> args)
    {
        var profile = Repo.FreshTempFolder("workbook-chromium");
        var info = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var flag in new[]
                 {
                     "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
                     "--user-data-dir=" + profile,
                 })
            info.ArgumentList.Add(flag);
        foreach (var arg in args) info.ArgumentList.Add(arg);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("Chromium did not finish within 90 s.");
        }
        finally
        {
            try { Directory.Delete(profile, recursive: true); } catch (IOException) { }
        }
        return (await stdout, await stderr);
    }
}
