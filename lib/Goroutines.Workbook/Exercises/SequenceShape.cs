using System.Collections;
using System.Collections.Generic;

namespace Goroutines.Workbook.Exercises;

/// <summary>A sequence of numbers, normalised to "9 0 1 2".</summary>
internal sealed class SequenceShape : AnswerShape
{
    public override string Expected => "a sequence of numbers, like \"9 0 1 2\" or new[] { 9, 0, 1, 2 }";

    protected override ParsedAnswer ReadValue(object answer)
    {
        var tokens = new List<string>();
        if (answer is string text)
            tokens.AddRange(AnswerText.Tokens(text));
        else if (answer is IEnumerable items)
        {
            foreach (var item in items)
            {
                if (item is null || item is IEnumerable and not string)
                    return Refuse(answer);
                tokens.AddRange(AnswerText.Tokens(item.ToString() ?? ""));
            }
        }
        else if (answer is int or long or short or byte)
            tokens.Add(answer.ToString()!);
        else
            return Refuse(answer);

        var numbers = new List<string>();
        foreach (var token in tokens)
        {
            if (!AnswerText.TryInteger(token, out var n))
                return ParsedAnswer.WrongShape($"This answer should be {Expected}; \"{token}\" is not a number.");
            numbers.Add(n.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        return numbers.Count == 0 ? ParsedAnswer.Unanswered : ParsedAnswer.Of(string.Join(' ', numbers));
    }
}
