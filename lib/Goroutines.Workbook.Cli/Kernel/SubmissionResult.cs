namespace Goroutines.Workbook.Cli.Kernel;

/// <summary>What the kernel answered to one SubmitCode: how it ended, the events it produced, and how long it took.</summary>
public sealed record SubmissionResult(SubmissionStatus Status, IReadOnlyList<KernelEvent> Events, string? Message, TimeSpan Elapsed);
