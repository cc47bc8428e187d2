using System.Collections.Generic;

namespace Goroutines.Workbook.Exercises.Catalog;

/// <summary>The exercises of lesson 01 · Seeing the scheduler.</summary>
public static class Lesson01
{
    /// <summary>The lesson's exercises, in the order the lesson asks them.</summary>
    public static IReadOnlyList<Exercise> Exercises { get; } = [];
}
