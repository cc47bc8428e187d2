namespace Goroutines.Workbook.Exercises;

/// <summary>A known wrong answer of a concept exercise, stored as its salted hash, and the misconception it shows.</summary>
/// <param name="Hash">AnswerHash.Of(salt, the normalised wrong answer).</param>
/// <param name="Misconception">The misconception, from MisconceptionCatalog.</param>
public sealed record HashedMisread(string Hash, Misconception Misconception);
