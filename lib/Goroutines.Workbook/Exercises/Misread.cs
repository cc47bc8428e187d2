using System;

namespace Goroutines.Workbook.Exercises;

/// <summary>A known wrong prediction (computed for the variant, e.g. "0 1 2 … n-1") and the misconception it shows.</summary>
/// <param name="Misconception">The misconception, from MisconceptionCatalog.</param>
/// <param name="WrongAnswer">The wrong answer for a variant, in any form the exercise's answer shape reads.</param>
public sealed record Misread(Misconception Misconception, Func<int, object> WrongAnswer);
