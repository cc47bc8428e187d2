using System.Diagnostics;

namespace Goroutines.Workbook.Cli.Images;

/// <summary>Screenshots of local HTML files with headless Chromium (Debian's chromium package), with a fresh profile and no network features.</summary>
internal static class HeadlessChromium
{
    private static readonly string[] Candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

    /// <summary>The browser, or null when none is installed.</summary>
    public static string? Executable => Candidates.FirstOrDefault(File.Exists);

    /// <summary>Renders the page at width×height and writes a PNG; throws with Chromium's error output if none was written.</summary>
    public static void Screenshot(string htmlFile, string png, int width, int height)
    {
        var exe = Executable ?? throw new InvalidOperationException("Chromium is not installed: apt-get install -y chromium.");
        var profile = Directory.CreateTempSubdirectory("workbook-images-");
        try
        {
            var info = new ProcessStartInfo(exe) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var arg in new[]
                     {
                         "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                         "--disable-sync", "--no-first-run", "--hide-scrollbars", "--user-data-dir=" + profile.FullName,
                         "--virtual-time-budget=5000", $"--window-size={width},{height}", "--screenshot=" + png, new Uri(htmlFile).AbsoluteUri,
                     })
                info.ArgumentList.Add(arg);
            if (File.Exists(png)) File.Delete(png);
            using var process = Process.Start(info)!;
            var stderr = process.StandardError.ReadToEndAsync();
            process.StandardOutput.ReadToEnd();
            if (!process.WaitForExit(TimeSpan.FromSeconds(90)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("Chromium did not finish within 90 s.");
            }
            if (!File.Exists(png)) throw new InvalidOperationException("Chromium wrote no screenshot:\n" + stderr.Result);
        }
        finally
        {
            try { profile.Delete(recursive: true); } catch (IOException) { }
        }
    }
}
