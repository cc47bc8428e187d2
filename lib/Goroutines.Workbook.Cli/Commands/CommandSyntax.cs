using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Goroutines.Workbook.Cli.Execution;

namespace Goroutines.Workbook.Cli.Commands;

/// <summary>
/// The verbs and options of the <c>workbook</c> command, declared for System.CommandLine: one
/// <see cref="Command"/> per verb with its help text. <see cref="CommandLine.Parse"/> reads the result.
/// </summary>
public static class CommandSyntax
{
    /// <summary>The verbs, in the order the help lists them.</summary>
    public static readonly IReadOnlyList<string> Verbs = ["run", "export", "grade", "images"];

    /// <summary>One line per verb: what it takes. Printed after a usage error.</summary>
    public static string Usage(string? verb) => verb switch
    {
        "run" => "usage: workbook run [notebooks or folders…] [--timeout <seconds>] [--plain]",
        "export" => "usage: workbook export [--out <folder>] [--timeout <seconds>] [--plain]",
        "grade" => "usage: workbook grade <folder> [--jobs N] [--out <folder>] [--timeout <seconds>] [--notebook-timeout <seconds>] [--memory <MB>] [--roster <file>] [--plain]",
        "images" => "usage: workbook images [--out <folder>]   (default: images/ in the repository)",
        _ => "usage: workbook <verb> [options]   verbs: " + string.Join(", ", Verbs) +
             "\n       workbook --help, or workbook <verb> --help, says what each verb and option does",
    };

    /// <summary>The whole command tree, built afresh for each parse.</summary>
    public static RootCommand Build()
    {
        var root = new RootCommand("GoroutineWorkbook: run the lessons in the real notebook kernel, publish them, grade submitted notebooks, redraw the README's pictures.");
        root.Subcommands.Add(Run());
        root.Subcommands.Add(Export());
        root.Subcommands.Add(Grade());
        root.Subcommands.Add(Images());
        return root;
    }

    private static Command Run()
    {
        var command = new Command("run", "Execute lessons cell by cell in the real kernel and print a table of every cell. Exit 1 if a cell fails or times out.");
        command.Arguments.Add(new Argument<string[]>("notebooks")
        {
            Description = "Notebooks (.ipynb) or folders of them (default: every notebooks/*.ipynb).",
            Arity = ArgumentArity.ZeroOrMore,
        });
        command.Options.Add(Timeout());
        command.Options.Add(Plain());
        return command;
    }

    private static Command Export()
    {
        var command = new Command("export", "Execute every lesson and write a static site (index.html and one page per lesson) that works offline.");
        command.Options.Add(Out("The folder the site is written to (default: site/ in the repository)"));
        command.Options.Add(Timeout());
        command.Options.Add(Plain());
        return command;
    }

    private static Command Grade()
    {
        var command = new Command("grade",
            "Run every submitted notebook in a folder, each in its own kernel with the student's identity, re-check the answers, " +
            "and write gradebook.csv and gradebook.html. Exit 0 when the gradebook is written, whatever the submissions did.");
        command.Arguments.Add(new Argument<string>("folder")
        {
            Description = "The folder of submissions: name.ipynb (the student is 'name') or name/lesson.ipynb (the student is 'name').",
        });
        command.Options.Add(Count("--jobs", "N", $"How many kernels run at once (default: the core count, {Environment.ProcessorCount} here)", "2"));
        command.Options.Add(Out("The folder gradebook.csv and gradebook.html are written to (default: the submissions folder)"));
        command.Options.Add(SecondsOption("--timeout", "60",
            $"The longest one cell may run, in seconds (default {Grading.GradeOptions.DefaultCellTimeout.TotalSeconds:0}); the submission's kernel is then stopped"));
        command.Options.Add(SecondsOption("--notebook-timeout", "300",
            $"The longest one notebook may run, kernel start included, in seconds (default {Grading.GradeOptions.DefaultNotebookTimeout.TotalSeconds:0})"));
        command.Options.Add(Count("--memory", "MB",
            $"The managed-heap limit of each kernel, in MB (default {Grading.GradeOptions.DefaultMemoryMegabytes}); a cell that allocates past it fails with OutOfMemoryException", "1024"));
        command.Options.Add(new Option<string>("--roster")
        {
            Description = "A file of 'file-or-folder,student' lines that says whose each submission is (overrides the names)",
            HelpName = "file",
        });
        command.Options.Add(Plain());
        return command;
    }

    /// <summary>An option that takes a positive whole number; absent, its value is null.</summary>
    public static Option<int?> Count(string name, string helpName, string description, string example)
    {
        var option = new Option<int?>(name)
        {
            Description = description,
            HelpName = helpName,
            Arity = ArgumentArity.ZeroOrOne,
            CustomParser = result =>
            {
                if (result.Tokens.Count == 1 && int.TryParse(result.Tokens[0].Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0)
                    return n;
                result.AddError($"{name} needs a positive whole number, e.g. {name} {example}.");
                return null;
            },
        };
        option.Validators.Add(result =>
        {
            if (!result.Implicit && result.Tokens.Count == 0)
                result.AddError($"{name} needs a positive whole number, e.g. {name} {example}.");
        });
        return option;
    }

    private static Command Images()
    {
        var command = new Command("images", "Redraw the README's G-M-P diagram (gmp-diagram.svg) and timeline (timeline.png) from the library.");
        command.Options.Add(Out("The folder the pictures are written to (default: images/ in the repository)"));
        return command;
    }

    /// <summary>--timeout: the longest one cell may run.</summary>
    public static Option<TimeSpan?> Timeout() => SecondsOption("--timeout", "60",
        $"The longest one cell may run, in seconds (default {RunnerOptions.DefaultCellTimeout.TotalSeconds:0}); the kernel is then stopped");

    /// <summary>An option that takes a positive number of seconds; absent, its value is null.</summary>
    public static Option<TimeSpan?> SecondsOption(string name, string example, string description)
    {
        var option = new Option<TimeSpan?>(name)
        {
            Description = description,
            HelpName = "seconds",
            Arity = ArgumentArity.ZeroOrOne,
            CustomParser = result => Seconds(result, name, example),
        };
        // Given without a value, the parser is not asked at all: say what to give here.
        option.Validators.Add(result =>
        {
            if (!result.Implicit && result.Tokens.Count == 0)
                result.AddError($"{name} needs a positive number of seconds, e.g. {name} {example}.");
        });
        return option;
    }

    /// <summary>--plain: plain progress lines.</summary>
    public static Option<bool> Plain() => new("--plain")
    {
        Description = "Plain progress lines even on a terminal (also when output is redirected or CI is set)",
    };

    /// <summary>--out: where a verb writes.</summary>
    public static Option<string> Out(string description)
    {
        var option = new Option<string>("--out") { Description = description, HelpName = "folder", Arity = ArgumentArity.ZeroOrOne };
        option.Validators.Add(result =>
        {
            if (!result.Implicit && result.Tokens.Count == 0)
                result.AddError("--out needs a folder, e.g. --out site.");
        });
        return option;
    }

    /// <summary>A positive number of seconds, or an error that says what to give.</summary>
    public static TimeSpan? Seconds(ArgumentResult result, string option, string example)
    {
        if (result.Tokens.Count == 1 &&
            double.TryParse(result.Tokens[0].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) &&
            seconds > 0 && seconds < TimeSpan.MaxValue.TotalSeconds)
            return TimeSpan.FromSeconds(seconds);
        result.AddError($"{option} needs a positive number of seconds, e.g. {option} {example}.");
        return null;
    }
}
