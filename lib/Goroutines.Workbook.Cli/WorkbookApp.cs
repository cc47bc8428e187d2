using System.Diagnostics;
using Goroutines.Workbook.Cli.Commands;
using Goroutines.Workbook.Cli.Execution;
using Goroutines.Workbook.Cli.Export;
using Goroutines.Workbook.Cli.Notebooks;
using Goroutines.Workbook.Cli.Reporting;

namespace Goroutines.Workbook.Cli;

/// <summary>The <c>workbook</c> command: run lessons in the real kernel, export them as a static site, grade submissions, or redraw the README's pictures.</summary>
public static class WorkbookApp
{
    public static async Task<int> MainAsync(string[] args)
    {
        CommandLine command;
        try
        {
            command = CommandLine.Parse(args);
        }
        catch (CommandLineException e)
        {
            Console.Error.WriteLine("workbook: " + e.Message);
            Console.Error.WriteLine(CommandSyntax.Usage(e.Verb));
            return 2;
        }
        if (command.Verb == "help")
        {
            Console.Write(command.HelpText);
            return 0;
        }
        if (command.Verb == "images")
            return Images.ImagesCommand.Run(command.OutFolder);

        try
        {
            var layout = RepoLayout.Find();
            var staged = LibraryStager.Stage(layout);
            var live = !command.Plain && !Console.IsOutputRedirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));
            if (command.Grade is { } grade)
            {
                if (staged.Count > 0)
                    Console.WriteLine($"Library staged in {Names.Relative(layout.Root, layout.LibraryFolder)}: {string.Join(", ", staged)}");
                return await Grading.GradeCommand.RunAsync(layout, grade, live && !grade.Plain);
            }
            var notebooks = ResolveNotebooks(layout, command);
            if (notebooks.Count == 0)
            {
                Console.Error.WriteLine($"workbook: no notebooks found ({(command.Paths.Count == 0 ? layout.Notebooks : string.Join(", ", command.Paths))}).");
                return 2;
            }
            var documents = notebooks.Select(NotebookParser.Load).ToList();
            if (staged.Count > 0)
                Console.WriteLine($"Library staged for the lessons in {Names.Relative(layout.Root, layout.LibraryFolder)}: {string.Join(", ", staged)}");

            var watch = Stopwatch.StartNew();
            var results = await ExecuteAsync(layout, documents, command, live);
            if (live) ResultReport.WriteTable(layout.Root, results, watch.Elapsed);
            else ResultReport.WritePlain(Console.Out, layout.Root, results, watch.Elapsed);

            if (command.Verb == "export")
            {
                var outFolder = Path.GetFullPath(command.OutFolder ?? layout.DefaultSite);
                var site = new SiteExporter(layout).Export(results, outFolder);
                Console.WriteLine($"Site written: {Path.Combine(outFolder, "index.html")} ({site.Count} lesson page{(site.Count == 1 ? "" : "s")})");
            }
            return results.All(r => r.Succeeded) ? 0 : 1;
        }
        catch (Exception e) when (e is NotebookFormatException or LibraryMissingException or InvalidOperationException or Kernel.KernelException or IOException or UnauthorizedAccessException or InvalidDataException)
        {
            Console.Error.WriteLine("workbook: " + e.Message);
            return 2;
        }
    }

    private static async Task<IReadOnlyList<NotebookResult>> ExecuteAsync(RepoLayout layout, IReadOnlyList<NotebookDocument> documents, CommandLine command, bool live)
    {
        var options = new RunnerOptions { CellTimeout = command.CellTimeout };
        async Task<IReadOnlyList<NotebookResult>> Work(IRunProgress progress)
        {
            var runner = new NotebookRunner(layout, options, progress);
            var results = new List<NotebookResult>();
            foreach (var document in documents)
                results.Add(await runner.RunAsync(document));
            return results;
        }
        if (!live)
            return await Work(new PlainProgress(Console.Out, layout.Root));
        var display = new LiveProgress(layout.Root);
        return await display.RunAsync(() => Work(display));
    }

    private static IReadOnlyList<string> ResolveNotebooks(RepoLayout layout, CommandLine command)
    {
        if (command.Verb == "export" || command.Paths.Count == 0)
            return layout.Lessons;
        var list = new List<string>();
        foreach (var path in command.Paths)
        {
            if (Directory.Exists(path))
                list.AddRange(Directory.GetFiles(path, "*.ipynb").OrderBy(p => p, StringComparer.Ordinal));
            else if (File.Exists(path))
                list.Add(Path.GetFullPath(path));
            else
                throw new FileNotFoundException($"{path}: no such notebook or folder. Give .ipynb files or folders of them (default: every notebooks/*.ipynb).");
        }
        return list;
    }
}
