namespace Goroutines.Workbook;

/// <summary>
/// The first scheduler decision where two twin runs differ: its step (the event number, the x of ChartClock.Steps),
/// the event each run recorded there (null where that run had already ended) and the sentence that narrates both.
/// </summary>
public sealed record TwinDifference(int Step, TraceEvent? A, TraceEvent? B, string Sentence);
