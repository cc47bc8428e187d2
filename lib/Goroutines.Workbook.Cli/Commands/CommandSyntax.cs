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
    public static readonly IReadOnlyList<string> Verbs = ["run", "export", "images"];

    /// <summary>One line per verb: what it takes. Printed after a usage error.</summary>
    public static string Usage(string? verb) => verb switch
    {
        "run" => "usage: workbook run [notebooks or folders…] [--timeout <seconds>] [--plain]",
        "export" => "usage: workbook export [--out <folder>] [--timeout <seconds>] [--plain]",
        "images" => "usage: workbook images [--out <folder>]   (default: images/ in the repository)",
        _ => "usage: workbook <verb> [options]   verbs: " + string.Join(", ", Verbs) +
             "\n       workbook --help, or workbook <verb> --help, says what each verb and option does",
    };

    /// <summary>The whole command tree, built afresh for each parse.</summary>
    public static RootCommand Build()
    {
        var root = new RootCommand("GoroutineWorkbook: run the lessons in the real notebook kernel, publish them, redraw the README's pictures.");
        root.Subcommands.Add(Run());
        root.Subcommands.Add(Export());
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
