using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace Goroutines.Workbook.Exercises;

/// <summary>
/// One exercise: its id ("00.runnext-order": lesson, dot, slug), title, points, stepped hints and the lesson
/// section to re-read. Subclasses say how to show it for a variant, how to check an answer, and the worked answer.
/// </summary>
public abstract partial class Exercise
{
    /// <summary>Creates an exercise; the id is the lesson number, a dot and a slug: "00.runnext-order".</summary>
    protected Exercise(string id, string title, ExerciseKind kind)
    {
        if (id is null || !IdPattern().IsMatch(id))
            throw new ArgumentException(
                $"An exercise id is the lesson number, a dot and a lower-case slug, like \"00.runnext-order\"; \"{id}\" is not.", nameof(id));
        Id = id;
        Lesson = id[..id.IndexOf('.', StringComparison.Ordinal)];
        Title = title;
        Kind = kind;
    }

    /// <summary>"00.runnext-order".</summary>
    public string Id { get; }

    /// <summary>The lesson number, "00".</summary>
    public string Lesson { get; }

    /// <summary>Predict, Concept or Code.</summary>
    public ExerciseKind Kind { get; }

    /// <summary>A short title, e.g. "Who prints first?".</summary>
    public string Title { get; }

    /// <summary>The points a correct answer earns.</summary>
    public int Points { get; init; } = 1;

    /// <summary>How many variants there are; a student's identity picks one (0 without an identity).</summary>
    public int Variants { get; init; } = 1;

    /// <summary>Hints in steps: a first nudge, then stronger ones. A wrong attempt shows the next.</summary>
    public IReadOnlyList<string> Hints { get; init; } = [];

    /// <summary>The lesson section to re-read.</summary>
    public LessonSection? Section { get; init; }

    /// <summary>One line shown with a correct answer: why it is right.</summary>
    public string Why { get; init; } = "";

    /// <summary>The task for this variant, as HTML (the question, the program to predict, the code to fix).</summary>
    public abstract string PromptHtml(int variant);

    /// <summary>Checks an answer for this variant. Grading runs the hidden extra checks (more seeds for code).</summary>
    public abstract Evaluation Evaluate(object? answer, int variant, bool grading);

    /// <summary>The worked answer for this variant, as HTML.</summary>
    public abstract string RevealHtml(int variant);

    /// <summary>"00.runnext-order (Predict): Who prints first?".</summary>
    public override string ToString() => $"{Id} ({Kind}): {Title}";

    [GeneratedRegex("^[0-9]{2}\\.[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();
}
