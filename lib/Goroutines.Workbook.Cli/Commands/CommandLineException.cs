namespace Goroutines.Workbook.Cli.Commands;

/// <summary>The command line is wrong: the message says what, <see cref="Verb"/> which verb's usage to show.</summary>
public sealed class CommandLineException(string message, string? verb) : ArgumentException(message)
{
    public string? Verb { get; } = verb;
}
