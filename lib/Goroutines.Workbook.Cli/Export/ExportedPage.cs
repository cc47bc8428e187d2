namespace Goroutines.Workbook.Cli.Export;

/// <summary>One lesson page the export wrote: its file, title, and how many charts it holds.</summary>
public sealed record ExportedPage(string File, string Title, int Charts, bool Succeeded);
