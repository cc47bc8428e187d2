namespace Goroutines.Workbook.Cli.Kernel;

/// <summary>How to start the kernel: the program, its arguments and where the tool manifest was found.</summary>
public sealed record KernelLaunch(string FileName, IReadOnlyList<string> Arguments, string Description);
