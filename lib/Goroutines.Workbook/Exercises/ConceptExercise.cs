using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace Goroutines.Workbook.Exercises;

/// <summary>
/// A short or multiple-choice question. Only salted hashes of the right answers (and of the wrong answers that are
/// known misconceptions) are stored: the answer cannot be read from the notebook or the library. Multiple-choice
/// answers are normalised to the choice's text, so the letters can be shuffled per variant.
/// </summary>
public sealed class ConceptExercise(string id, string title) : Exercise(id, title, ExerciseKind.Concept)
{
    /// <summary>The question.</summary>
    public required string Question { get; init; }

    /// <summary>The choices of a multiple-choice question (shown in a per-variant order); empty for a short answer.</summary>
    public IReadOnlyList<string> Choices { get; init; } = [];

    /// <summary>The shape of a short answer (default: words); multiple-choice questions read letters or choice texts.</summary>
    public AnswerShape ShortAnswer { get; init; } = AnswerShape.Words;

    /// <summary>This exercise's salt: any text of its own, so equal answers of two exercises hash differently.</summary>
    public required string Salt { get; init; }

    /// <summary>AnswerHash.Of(Salt, …) of every accepted answer, normalised.</summary>
    public required IReadOnlyList<string> AnswerHashes { get; init; }

    /// <summary>Known wrong answers, hashed, and the misconceptions they show.</summary>
    public IReadOnlyList<HashedMisread> Misreads { get; init; } = [];

    /// <summary>The explanation the worked answer shows (write it so that it teaches the rule).</summary>
    public string Explanation { get; init; } = "";

    /// <summary>The choices in the order a variant shows them (variant 0: as written).</summary>
    public IReadOnlyList<string> ChoicesFor(int variant)
    {
        if (variant == 0 || Choices.Count < 2)
            return Choices;
        var order = Choices.ToList();
        var random = new Random(variant * 7919 + Choices.Count);   // a stable shuffle: seeded System.Random is the same on every .NET
        for (var i = order.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
        return order;
    }

    /// <summary>How answers of a variant are read.</summary>
    public AnswerShape ShapeFor(int variant) => Choices.Count > 0 ? AnswerShape.Choice(ChoicesFor(variant)) : ShortAnswer;

    public override string PromptHtml(int variant)
    {
        var html = new StringBuilder($"<p>{ExerciseHtml.E(Question)}</p>");
        var choices = ChoicesFor(variant);
        if (choices.Count > 0)
            html.Append("<ol type=\"a\">").Append(string.Concat(choices.Select(c => $"<li>{ExerciseHtml.E(c)}</li>"))).Append("</ol>");
        html.Append($"<p style=\"color:#555\">Answer with {ExerciseHtml.E(ShapeFor(variant).Expected)}.</p>");
        return html.ToString();
    }

    public override Evaluation Evaluate(object? answer, int variant, bool grading)
    {
        var parsed = ShapeFor(variant).Read(answer);
        if (!parsed.IsReadable)
            return Evaluation.From(parsed);
        var hash = AnswerHash.Of(Salt, parsed.Text!);
        if (AnswerHashes.Contains(hash, StringComparer.OrdinalIgnoreCase))
            return new Evaluation(Verdict.Correct, parsed.Text, "Right.");
        var misread = Misreads.FirstOrDefault(m => string.Equals(m.Hash, hash, StringComparison.OrdinalIgnoreCase));
        return new Evaluation(Verdict.Incorrect, parsed.Text, $"Not quite: “{parsed.Text}” is not it.", misread?.Misconception);
    }

    public override string RevealHtml(int variant) =>
        PromptHtml(variant) + $"<p><b>Explanation.</b> {ExerciseHtml.E(Explanation)}</p>"
        + "<p style=\"color:#555\">The right answer itself is stored only as a salted hash, so the workbook cannot print it; the explanation above leads to it.</p>";
}
