using Goroutines.Workbook.Exercises;

namespace Notebooks.Tests.Grading;

/// <summary>
/// Cells that answer lesson exercises as a student would, right or wrong, for a given student's variant. The right
/// answer is found the way a student could find it, without an answer key: a prediction by running its scenario,
/// a choice by trying each one, code from the exercise's own solution.
/// </summary>
public static class LessonAnswers
{
    /// <summary>The lesson's first cell (the library by its relative path) with the exercises' namespace.</summary>
    public static string Preamble(string lessonFile)
    {
        var notebook = Goroutines.Workbook.Cli.Notebooks.NotebookParser.Load(Path.Combine(Support.Repo.Layout.Notebooks, lessonFile));
        return WithExercisesUsing(notebook.CodeCells.First().Source);
    }

    /// <summary>A first cell with the exercises' using directive added after its own usings: C# refuses a using after a statement.</summary>
    public static string WithExercisesUsing(string firstCell)
    {
        var lines = firstCell.Split('\n').ToList();
        var last = lines.FindLastIndex(l => l.TrimStart().StartsWith("using ", StringComparison.Ordinal));
        lines.Insert(last + 1, "using Goroutines.Workbook.Exercises;");
        return string.Join("\n", lines);
    }

    public static string Right(string id, string student) => Cell(id, student, right: true);

    public static string Wrong(string id, string student) => Cell(id, student, right: false);

    private static string Cell(string id, string student, bool right)
    {
        var exercise = ExerciseCatalog.Find(id) ?? throw new ArgumentException($"no exercise {id}");
        var variant = Student.VariantOf(exercise, student);
        return exercise switch
        {
            PredictExercise p when right => Check(id, Quoted(p.RightAnswer(variant))),
            PredictExercise p => Check(id, Quoted(string.Join(" ", Enumerable.Range(0, p.RightAnswer(variant).Split(' ').Length)))),
            ConceptExercise c => Check(id, Quoted(c.Choices.First(choice => IsRight(id, student, choice) == right))),
            CodeExercise code => (right ? code.Solution : code.Starter) + "\n" + Check(id, "Numbers"),
            _ => throw new ArgumentException($"{id}: no answer for a {exercise.Kind} exercise"),
        };
    }

    /// <summary>The right answer of a predict or concept exercise for <paramref name="student"/>, as the record would carry it.</summary>
    public static bool IsRight(string id, string? student, string answer) => Goroutines.Workbook.Exercises.Grading.Recheck(id, student, answer).Verdict == Verdict.Correct;

    private static string Check(string id, string answer) => $"Exercises.Check(\"{id}\", {answer})";

    private static string Quoted(string text) => "@\"" + text.Replace("\"", "\"\"") + "\"";
}
