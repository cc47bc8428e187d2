namespace Goroutines.Workbook.Cli.Execution;

/// <summary>The built library the lessons need is not where it should be.</summary>
public sealed class LibraryMissingException(string message) : Exception(message);
