using System.CommandLine;
using System.CommandLine.Help;
using Goroutines.Workbook.Cli.Execution;

namespace Goroutines.Workbook.Cli.Commands;

/// <summary>The parsed command line of <c>workbook</c> (see <see cref="CommandSyntax"/> for the verbs and options).</summary>
public sealed record CommandLine(string Verb, IReadOnlyList<string> Paths, TimeSpan CellTimeout, string? OutFolder, bool Plain)
{
    /// <summary>For the verb "grade": what to grade and the limits (null for the other verbs).</summary>
    public Grading.GradeOptions? Grade { get; init; }

    /// <summary>For the verb "help": the help text System.CommandLine wrote for the verb asked about.</summary>
    public string HelpText { get; init; } = "";

    /// <summary>
    /// Parses the arguments; throws <see cref="CommandLineException"/> with a message saying what is
    /// wrong and the usage line of the verb it concerns.
    /// </summary>
    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        if (args.Count == 0 || args[0] == "help")
            args = ["--help", .. args.Skip(1)];
        var result = CommandSyntax.Build().Parse(args);
        var verb = result.CommandResult.Command is RootCommand ? null : result.CommandResult.Command.Name;
        if (result.Action is HelpAction)
            return new CommandLine("help", [], RunnerOptions.DefaultCellTimeout, null, false) { HelpText = Help(result) };
        if (result.UnmatchedTokens.Count > 0)
            throw new CommandLineException(Unmatched(verb, result.UnmatchedTokens[0]), verb);
        if (result.Errors.Count > 0)
            throw new CommandLineException(
                verb == "grade" && result.GetResult("folder") is not System.CommandLine.Parsing.ArgumentResult { Tokens.Count: > 0 }
                    ? "grade needs the folder of submitted notebooks, e.g. workbook grade submissions/."
                    : result.Errors[0].Message,
                verb);
        if (verb is null)
            throw new CommandLineException("no verb given; use " + string.Join(", ", CommandSyntax.Verbs) + ".", null);
        // An unknown option after a verb that takes paths arrives as a path: refuse it as the option it looks like.
        var paths = result.GetValue<string[]>("notebooks") ?? [];
        if (paths.FirstOrDefault(p => p.StartsWith('-')) is { } option)
            throw new CommandLineException(Unmatched(verb, option), verb);

        return new CommandLine(
            verb,
            paths,
            verb == "images" ? RunnerOptions.DefaultCellTimeout : result.GetValue<TimeSpan?>("--timeout") ?? RunnerOptions.DefaultCellTimeout,
            result.GetValue<string>("--out"),
            verb != "images" && result.GetValue<bool>("--plain"))
        {
            Grade = verb == "grade" ? GradeOptionsOf(result) : null,
        };
    }

    private static Grading.GradeOptions GradeOptionsOf(ParseResult result)
    {
        var defaults = new Grading.GradeOptions { Folder = result.GetValue<string>("folder")! };
        return defaults with
        {
            Jobs = result.GetValue<int?>("--jobs") ?? defaults.Jobs,
            OutFolder = result.GetValue<string>("--out"),
            CellTimeout = result.GetValue<TimeSpan?>("--timeout") ?? Grading.GradeOptions.DefaultCellTimeout,
            NotebookTimeout = result.GetValue<TimeSpan?>("--notebook-timeout") ?? Grading.GradeOptions.DefaultNotebookTimeout,
            MemoryMegabytes = result.GetValue<int?>("--memory") ?? Grading.GradeOptions.DefaultMemoryMegabytes,
            Roster = result.GetValue<string>("--roster"),
            Plain = result.GetValue<bool>("--plain"),
        };
    }

    private static string Help(ParseResult result)
    {
        var output = new StringWriter();
        result.Invoke(new InvocationConfiguration { Output = output, Error = output });
        return output.ToString();
    }

    // A token no verb or option of this verb took: an unknown verb, an option of another verb, or a stray argument.
    private static string Unmatched(string? verb, string token)
    {
        if (verb is null)
            return token.StartsWith('-')
                ? $"unknown option '{token}'; options come after the verb, e.g. workbook run --timeout 60."
                : $"unknown verb '{token}'; use {string.Join(", ", CommandSyntax.Verbs)}.";
        if (token.StartsWith('-'))
        {
            var owners = CommandSyntax.Build().Subcommands
                .Where(c => c.Name != verb && c.Options.Any(o => o.Name == token))
                .Select(c => c.Name).ToList();
            return owners.Count > 0
                ? $"{token} is an option of {string.Join(" and ", owners)}, not of {verb}."
                : $"unknown option '{token}'.";
        }
        return verb switch
        {
            "export" => "export runs every lesson in notebooks/; it takes no notebook paths.",
            "grade" => $"grade takes one folder of submissions; '{token}' is one too many.",
            _ => $"{verb} takes no argument '{token}'.",
        };
    }
}
