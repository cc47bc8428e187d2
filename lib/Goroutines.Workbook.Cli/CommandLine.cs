using System.Globalization;
using Goroutines.Workbook.Cli.Execution;

namespace Goroutines.Workbook.Cli;

/// <summary>The parsed command line of <c>workbook</c>.</summary>
public sealed record CommandLine(string Verb, IReadOnlyList<string> Paths, TimeSpan CellTimeout, string? OutFolder, bool Plain)
{
    public const string Usage = """
        usage: workbook <verb> [options]

          run [notebooks or folders…]   execute lessons cell by cell in the real kernel
                                        (default: every notebooks/*.ipynb); exit 1 if a cell fails
          export [--out site]           execute every lesson and write a static site that works offline
          images [--out images]         redraw the README's G-M-P diagram and timeline from the library

        options:
          --timeout <seconds>           the longest one cell may run (default 120); the kernel is then stopped
          --out <folder>                where export writes the site (default: site/ in the repository)
          --plain                       plain progress lines even on a terminal (also when CI is set)
        """;

    /// <summary>Parses the arguments; throws <see cref="ArgumentException"/> with a message saying what is wrong.</summary>
    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        if (args.Count == 0 || args[0] is "-h" or "--help" or "help")
            return new CommandLine("help", [], RunnerOptions.DefaultCellTimeout, null, false);
        var verb = args[0];
        if (verb is not ("run" or "export"))
            throw new ArgumentException($"unknown verb '{verb}'; use run, export or images.");
        var paths = new List<string>();
        var timeout = RunnerOptions.DefaultCellTimeout;
        string? outFolder = null;
        var plain = false;
        for (var i = 1; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--timeout":
                    if (i + 1 >= args.Count || !double.TryParse(args[i + 1], NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || seconds <= 0)
                        throw new ArgumentException("--timeout needs a positive number of seconds, e.g. --timeout 60.");
                    timeout = TimeSpan.FromSeconds(seconds);
                    i++;
                    break;
                case "--out":
                    if (verb != "export")
                        throw new ArgumentException("--out is an option of export.");
                    if (i + 1 >= args.Count)
                        throw new ArgumentException("--out needs a folder, e.g. --out site.");
                    outFolder = args[++i];
                    break;
                case "--plain":
                    plain = true;
                    break;
                case var option when option.StartsWith('-'):
                    throw new ArgumentException($"unknown option '{option}'.");
                default:
                    if (verb == "export")
                        throw new ArgumentException("export runs every lesson in notebooks/; it takes no notebook paths.");
                    paths.Add(args[i]);
                    break;
            }
        }
        return new CommandLine(verb, paths, timeout, outFolder, plain);
    }
}
