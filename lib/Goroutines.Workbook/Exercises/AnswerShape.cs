using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;

namespace Goroutines.Workbook.Exercises;

/// <summary>
/// The shape an exercise expects its answer in, and how to read any reasonable way of writing it
/// ("9 0 1 2", "9,0,1,2", new[] { 9, 0, 1, 2 }, "G9 G0 …") into one normalised string.
/// Reading never throws: null or "" is "not answered yet", anything else unreadable is a wrong shape with a message.
/// </summary>
public abstract class AnswerShape
{
    /// <summary>A sequence of numbers (goroutine numbers, output lines): "9 0 1 2", "9,0,1,2", new[] { 9, 0, 1, 2 }, "G9 G0 G1 G2".</summary>
    public static AnswerShape Sequence { get; } = new SequenceShape();

    /// <summary>One number (a count, a goroutine or P number, microseconds): 3, "3", "G7", "P1", 2.5.</summary>
    public static AnswerShape Number { get; } = new NumberShape();

    /// <summary>A short answer in words ("runnext", "the global queue"): case, spacing and a final full stop don't matter.</summary>
    public static AnswerShape Words { get; } = new WordsShape();

    /// <summary>One of the choices (by letter "b", "(b)", "B)" or by its text), for multiple-choice questions.</summary>
    public static AnswerShape Choice(IReadOnlyList<string> choices) => new ChoiceShape(choices);

    /// <summary>Says what a right answer looks like, e.g. "a sequence of numbers, like \"9 0 1 2\"".</summary>
    public abstract string Expected { get; }

    /// <summary>Reads an answer written any accepted way into its normalised form.</summary>
    public ParsedAnswer Read(object? answer)
    {
        if (answer is null || answer is string s && string.IsNullOrWhiteSpace(s))
            return ParsedAnswer.Unanswered;
        if (answer is Delegate or Task)
            return ParsedAnswer.WrongShape($"This exercise wants {Expected}, not code. Write the answer as a value, e.g. var answer = \"…\";");
        if (answer is IEnumerable and not string && IsEmpty((IEnumerable)answer))
            return ParsedAnswer.Unanswered;
        return ReadValue(answer);
    }

    /// <summary>Reads a non-empty answer; null or blank answers never get here.</summary>
    protected abstract ParsedAnswer ReadValue(object answer);

    /// <summary>The wrong-shape result for this shape, naming what was given.</summary>
    protected ParsedAnswer Refuse(object answer) =>
        ParsedAnswer.WrongShape($"This answer should be {Expected}; it was {Describe(answer)}.");

    // "the text \"nine\"", "an int[] of 3 items", …
    internal static string Describe(object answer) => answer switch
    {
        string s => $"the text \"{(s.Length > 40 ? s[..40] + "…" : s)}\"",
        IEnumerable e => $"a {answer.GetType().Name} of {e.Cast<object?>().Count()} items",
        _ => $"a {answer.GetType().Name} ({answer})",
    };

    private static bool IsEmpty(IEnumerable items)
    {
        var e = items.GetEnumerator();
        try
        {
            return !e.MoveNext();
        }
        finally
        {
            (e as IDisposable)?.Dispose();
        }
    }
}
