using System;
using System.Collections.Generic;
using System.Linq;
using Goroutines.Workbook.Exercises.Catalog;

namespace Goroutines.Workbook.Exercises;

/// <summary>
/// Every exercise of the lessons (what the gradebook has a column for) and the named misconceptions.
/// A lesson's exercises are defined in Catalog/LessonNN.cs.
/// </summary>
public static class ExerciseCatalog
{
    /// <summary>Every exercise of every lesson, in lesson order.</summary>
    public static IReadOnlyList<Exercise> All { get; } = [.. Lesson00.Exercises, .. Lesson01.Exercises, .. Lesson02.Exercises, .. Lesson03.Exercises, .. Lesson04.Exercises, .. Lesson05.Exercises, .. Lesson06.Exercises, .. Lesson07.Exercises, .. Lesson08.Exercises, .. Lesson09.Exercises];

    /// <summary>The named misconceptions exercises map wrong answers to.</summary>
    public static IReadOnlyList<Misconception> Misconceptions => MisconceptionCatalog.All;

    /// <summary>The exercise with this id, or null.</summary>
    public static Exercise? Find(string? id) =>
        All.FirstOrDefault(e => string.Equals(e.Id, id?.Trim(), StringComparison.Ordinal));

    /// <summary>The exercises of one lesson ("00").</summary>
    public static IReadOnlyList<Exercise> OfLesson(string lesson) =>
        All.Where(e => e.Lesson == lesson?.Trim()).ToList();
}
