using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;

namespace Goroutines.Workbook.Exercises;

/// <summary>
/// The student's side of the exercises, as the lessons use it:
/// <code>
/// Exercises.Show("00.runnext-order")            // the task, for your variant
/// var answer = "";                               // your answer
/// Exercises.Check("00.runnext-order", answer)    // correct / incorrect + hint / not answered yet
/// Exercises.Hint("00.runnext-order"); Exercises.Reveal("00.runnext-order"); Exercises.Progress("00")
/// </code>
/// Nothing here throws: an unknown id or an answer of the wrong shape gets a message, so Run All always completes.
/// </summary>
public static class Exercises
{
    private static readonly ConcurrentDictionary<string, Exercise> Added = new(StringComparer.Ordinal);

    /// <summary>Shows the task of an exercise, for this student's variant.</summary>
    public static ExerciseView Show(string id) => WithExercise(id, exercise =>
    {
        var variant = Student.VariantOf(exercise);
        return new ExerciseView(Heading(exercise), exercise.PromptHtml(variant) + VariantNote(exercise, variant),
            $"{exercise.Kind} exercise, {exercise.Points} point(s).");
    });

    /// <summary>Checks an answer: a string, a number, a sequence of numbers or strings.</summary>
    public static ExerciseResult Check(string id, object? answer) => CheckSafely(id, answer);

    /// <summary>Checks a code answer: a goroutine program, run under many seeds on the Lockstep clock.</summary>
    public static ExerciseResult Check(string id, Func<Task>? answer) => CheckSafely(id, answer);

    /// <summary>Shows the hints of an exercise, one more each call (a wrong answer also steps them forward).</summary>
    public static ExerciseView Hint(string id) => WithExercise(id, exercise =>
    {
        if (exercise.Hints.Count == 0)
            return new ExerciseView(Heading(exercise), "<p>This exercise has no hints.</p>", "No hints.");
        var shown = Math.Min(ExerciseSession.NextHint(exercise.Id), exercise.Hints.Count);
        var hints = exercise.Hints.Take(shown).ToList();
        var more = shown < exercise.Hints.Count ? "<p><i>Run this cell again for a stronger hint.</i></p>" : "";
        return new ExerciseView($"Hints · {Heading(exercise)}",
            "<ol>" + string.Concat(hints.Select(h => $"<li>{ExerciseHtml.E(h)}</li>")) + "</ol>" + more,
            string.Join("\n", hints.Select((h, i) => $"{i + 1}. {h}")));
    });

    /// <summary>Shows the worked answer: for a prediction, the run that produced it, with the rule behind each step.</summary>
    public static ExerciseView Reveal(string id) => WithExercise(id, exercise =>
    {
        var variant = Student.VariantOf(exercise);
        return new ExerciseView($"Worked answer · {Heading(exercise)}", exercise.RevealHtml(variant) + VariantNote(exercise, variant),
            "The worked answer (shown as HTML).");
    });

    /// <summary>Lists a lesson's exercises as solved, tried or not answered (in this kernel session).</summary>
    public static ExerciseView Progress(string lesson)
    {
        try
        {
            return ProgressOf(lesson);
        }
        catch (Exception e)
        {
            return Unavailable(e);
        }
    }

    private static ExerciseView ProgressOf(string lesson)
    {
        var exercises = ExerciseCatalog.OfLesson(lesson).Concat(Added.Values.Where(e => e.Lesson == lesson?.Trim())).ToList();
        if (exercises.Count == 0)
            return new ExerciseView($"Progress · lesson {lesson}", $"<p>Lesson \"{ExerciseHtml.E(lesson)}\" has no exercises. Lessons are numbered like \"00\".</p>",
                $"Lesson \"{lesson}\" has no exercises.");
        var rows = exercises.Select(e => (Exercise: e, Progress: ExerciseSession.ProgressOf(e.Id))).ToList();
        var solved = rows.Where(r => r.Progress == ExerciseProgress.Solved).Sum(r => r.Exercise.Points);
        var html = ExerciseHtml.Table(["exercise", "kind", "points", "status"], rows.Select(r => (IReadOnlyList<string>)
            [$"<code>{ExerciseHtml.E(r.Exercise.Id)}</code> {ExerciseHtml.E(r.Exercise.Title)}", r.Exercise.Kind.ToString(),
             r.Exercise.Points.ToString(System.Globalization.CultureInfo.InvariantCulture), StatusText(r.Progress)]))
            + $"<p>{solved} of {exercises.Sum(e => e.Points)} points solved in this session.</p>";
        return new ExerciseView($"Progress · lesson {lesson}", html,
            string.Join("\n", rows.Select(r => $"{r.Exercise.Id}: {StatusText(r.Progress)}")));
    }

    /// <summary>
    /// Adds a teacher's own exercise for this kernel session (checked here only: the grader knows the catalogue's
    /// exercises, not these). Re-running the defining cell replaces it.
    /// </summary>
    public static Exercise Add(Exercise exercise)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        if (ExerciseCatalog.Find(exercise.Id) is not null)
            throw new ArgumentException($"The catalogue already has an exercise \"{exercise.Id}\"; give yours another id.", nameof(exercise));
        Added[exercise.Id] = exercise;
        return exercise;
    }

    /// <summary>The exercise with this id: the catalogue's, or one added in this session; null if none.</summary>
    public static Exercise? Find(string? id) =>
        ExerciseCatalog.Find(id) ?? (id is not null && Added.TryGetValue(id.Trim(), out var e) ? e : null);

    // A check never throws, even when the catalogue itself is broken: Run All must complete.
    private static ExerciseResult CheckSafely(string id, object? answer)
    {
        try
        {
            return CheckAnswer(id, answer);
        }
        catch (Exception e)
        {
            return new ExerciseResult(id ?? "", ExerciseKind.Concept, "", new Evaluation(Verdict.Invalid, null,
                $"The exercises could not be loaded ({e.GetType().Name}: {e.Message}). This is a bug in the workbook: tell your teacher."),
                null, null, null, null, 0, false);
        }
    }

    private static ExerciseResult CheckAnswer(string id, object? answer)
    {
        var exercise = Find(id);
        var student = Student.Effective;
        var grading = Grading.Active;
        if (exercise is null)
            return new ExerciseResult(id ?? "", ExerciseKind.Concept, "", new Evaluation(Verdict.Invalid, null, Unknown(id)),
                null, null, student, Student.Claimed, 0, grading);
        var variant = Student.VariantOf(exercise);
        Evaluation evaluation;
        try
        {
            evaluation = exercise.Evaluate(answer, variant, grading);
        }
        catch (Exception e)
        {
            evaluation = new Evaluation(Verdict.Invalid, null,
                $"The check itself failed ({e.GetType().Name}: {e.Message}). This is a bug in the exercise: tell your teacher.");
        }
        if (evaluation is { Verdict: Verdict.Invalid, Answer: null } && exercise.Kind != ExerciseKind.Code && answer is string raw)
            evaluation = evaluation with { Answer = raw.Trim() };   // so the grader's recheck sees the same unreadable answer
        var step = ExerciseSession.Record(exercise.Id, evaluation.Verdict);
        var hint = step < 0 || exercise.Hints.Count == 0 ? null : exercise.Hints[Math.Min(step, exercise.Hints.Count - 1)];
        if (evaluation.Verdict == Verdict.Correct && exercise.Why.Length > 0)
            evaluation = evaluation with { Message = $"{evaluation.Message} {exercise.Why}".Trim() };
        return new ExerciseResult(exercise.Id, exercise.Kind, exercise.Title, evaluation, hint, exercise.Section,
            student, Student.Claimed, variant, grading);
    }

    private static ExerciseView WithExercise(string id, Func<Exercise, ExerciseView> view)
    {
        Exercise? exercise;
        try
        {
            exercise = Find(id);
        }
        catch (Exception e)
        {
            return Unavailable(e);
        }
        if (exercise is null)
            return new ExerciseView("Unknown exercise", $"<p>{ExerciseHtml.E(Unknown(id))}</p>", Unknown(id));
        try
        {
            return view(exercise);
        }
        catch (Exception e)
        {
            var message = $"Showing {exercise.Id} failed ({e.GetType().Name}: {e.Message}). This is a bug in the exercise: tell your teacher.";
            return new ExerciseView(Heading(exercise), $"<p>{ExerciseHtml.E(message)}</p>", message);
        }
    }

    // What Show, Hint, Reveal and Progress display when the catalogue itself cannot be loaded.
    private static ExerciseView Unavailable(Exception e)
    {
        var broken = $"The exercises could not be loaded ({e.GetType().Name}: {e.Message}). This is a bug in the workbook: tell your teacher.";
        return new ExerciseView("Exercises unavailable", $"<p>{ExerciseHtml.E(broken)}</p>", broken);
    }

    private static string Heading(Exercise e) => $"{e.Id} · {e.Title} ({e.Kind}, {e.Points} point{(e.Points == 1 ? "" : "s")})";

    private static string VariantNote(Exercise e, int variant) => e.Variants > 1 && Student.Effective is { } who
        ? $"<p style=\"color:#757575;font-size:smaller\">Your variant: {variant} (for {ExerciseHtml.E(who)}).</p>"
        : "";

    private static string StatusText(ExerciseProgress p) => p switch
    {
        ExerciseProgress.Solved => "solved",
        ExerciseProgress.Tried => "tried",
        _ => "not answered",
    };

    private static string Unknown(string? id)
    {
        var near = ExerciseCatalog.All.Select(e => e.Id).Concat(Added.Keys)
            .Where(known => id is not null && (known.Contains(id.Trim(), StringComparison.OrdinalIgnoreCase) || id.Contains(known[..2], StringComparison.Ordinal)))
            .Take(5).ToList();
        return $"There is no exercise \"{id}\". "
            + (near.Count > 0 ? $"Did you mean one of: {string.Join(", ", near)}?" : "Exercise ids look like \"00.runnext-order\".");
    }
}
