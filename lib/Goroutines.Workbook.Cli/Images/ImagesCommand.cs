using Goroutines.Workbook.Cli.Execution;

namespace Goroutines.Workbook.Cli.Images;

/// <summary>
/// `workbook images [--out folder]`: regenerates the README's pictures from the library itself —
/// gmp-diagram.svg (the G-M-P view of lesson 01's run, paused as a goroutine enters a syscall) and
/// timeline.png (the per-P timeline chart of the same run, rendered by headless Chromium).
/// </summary>
internal static class ImagesCommand
{
    /// <summary>Writes the pictures to <paramref name="outFolder"/> (default: images/ in the repository); 0 on success, 1 on failure.</summary>
    public static int Run(string? outFolder)
    {
        try
        {
            var folder = Path.GetFullPath(outFolder ?? Path.Combine(RepoLayout.Find().Root, "images"));
            Directory.CreateDirectory(folder);
            Console.WriteLine("wrote " + WriteDiagram(folder));
            Console.WriteLine("wrote " + WriteTimeline(folder));
            return 0;
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or TimeoutException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine("workbook images: " + e.Message);
            return 1;
        }
    }

    // The G-M-P picture at the moment a goroutine enters a syscall: its M leaves the P.
    private static string WriteDiagram(string folder)
    {
        using var run = Runtime.Start(ReadmeScenario.Busy, ReadmeScenario.Options);
        var diagram = Views.Stepper(run).StepUntil(e => e.Kind == EventKind.GoSyscallBegin)
            .WithTitle("G-M-P: two Ps, twelve busy goroutines, one entering a syscall");
        var path = Path.Combine(folder, "gmp-diagram.svg");
        File.WriteAllText(path, diagram.Svg + "\n");
        return path;
    }

    // The per-P timeline of the whole run, as plotly draws it.
    private static string WriteTimeline(string folder)
    {
        var result = Runtime.Run(ReadmeScenario.Busy, ReadmeScenario.Options);
        var figure = Charts.Timeline(result);
        var page = Path.Combine(Directory.CreateTempSubdirectory("workbook-images-page-").FullName, "timeline.html");
        File.WriteAllText(page, "<!doctype html><html><head><meta charset=\"utf-8\"></head><body style=\"margin:8px;width:1080px;font-family:sans-serif;background:#fff\">" +
                                figure.ToHtml() + "</body></html>");
        var png = Path.Combine(folder, "timeline.png");
        HeadlessChromium.Screenshot(page, png, 1100, 560);
        Directory.Delete(Path.GetDirectoryName(page)!, recursive: true);
        return png;
    }
}
