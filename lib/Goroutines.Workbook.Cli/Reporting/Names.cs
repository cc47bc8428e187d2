using Goroutines.Workbook.Cli.Execution;

namespace Goroutines.Workbook.Cli.Reporting;

/// <summary>Short texts used by every report.</summary>
public static class Names
{
    public static string Status(CellStatus status) => status switch
    {
        CellStatus.Ok => "ok",
        CellStatus.Failed => "FAILED",
        CellStatus.TimedOut => "TIMED OUT",
        CellStatus.KernelCrashed => "KERNEL CRASHED",
        _ => "not run",
    };

    public static string Relative(string root, string path)
    {
        var relative = Path.GetRelativePath(root, Path.GetFullPath(path));
        return relative.StartsWith("..", StringComparison.Ordinal) ? Path.GetFullPath(path) : relative.Replace('\\', '/');
    }

    public static string FirstLine(string text, int max = 300)
    {
        var line = text.Trim().Split('\n')[0].Trim();
        return line.Length <= max ? line : line[..(max - 3)] + "...";
    }
}
