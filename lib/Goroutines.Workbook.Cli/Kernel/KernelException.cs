namespace Goroutines.Workbook.Cli.Kernel;

/// <summary>The kernel could not be started or stopped working; the message says what to do.</summary>
public sealed class KernelException(string message, Exception? inner = null) : Exception(message, inner);
