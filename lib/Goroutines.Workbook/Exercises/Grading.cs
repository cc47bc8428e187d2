using System;

namespace Goroutines.Workbook.Exercises;

/// <summary>
/// What `workbook grade` calls in its own process: it re-checks a student's predict and concept answers against
/// that student's variant, without trusting anything the notebook printed. Code exercises are checked in the
/// kernel, with the hidden extra seeds when GOROUTINE_WORKBOOK_GRADING=1.
/// </summary>
public static class Grading
{
    /// <summary>Set to 1 by the grader: code checks run the hidden extra seeds and results say "grading": true.</summary>
    public const string EnvironmentVariable = "GOROUTINE_WORKBOOK_GRADING";

    /// <summary>True when the grader runs this kernel (GOROUTINE_WORKBOOK_GRADING=1).</summary>
    public static bool Active => Environment.GetEnvironmentVariable(EnvironmentVariable) == "1";

    /// <summary>
    /// Re-checks a predict or concept answer (the "answer" string of a submission) for a student's variant.
    /// Never throws: an unknown exercise or a code exercise gives Rechecked = false with a message.
    /// </summary>
    public static GradedAnswer Recheck(string exercise, string? student, string? answer)
    {
        var found = ExerciseCatalog.Find(exercise);
        if (found is null)
            return new GradedAnswer(exercise, Verdict.Invalid, null, 0, 0, false,
                $"There is no exercise \"{exercise}\" in the catalogue.");
        if (found.Kind == ExerciseKind.Code)
            return new GradedAnswer(found.Id, Verdict.Invalid, null, 0, found.Points, false,
                "Code exercises are checked in the kernel (with GOROUTINE_WORKBOOK_GRADING=1 for the hidden seeds), not from a stored answer.");
        try
        {
            var evaluation = found.Evaluate(answer, Student.VariantOf(found, student), grading: true);
            var points = evaluation.Verdict == Verdict.Correct ? found.Points : 0;
            return new GradedAnswer(found.Id, evaluation.Verdict, evaluation.Misconception?.Id, points, found.Points, true, evaluation.Message);
        }
        catch (Exception e)
        {
            return new GradedAnswer(found.Id, Verdict.Invalid, null, 0, found.Points, false,
                $"The check of {found.Id} failed ({e.GetType().Name}: {e.Message}); this is a bug in the exercise.");
        }
    }
}
