using System;
using System.Collections.Generic;
using System.Linq;

namespace Goroutines.Workbook.Exercises;

/// <summary>
/// One of a list of choices, given by letter ("b", "(b)", "B)") or by its text; normalised to the choice's text in
/// lower case, so it does not depend on the order the choices are shown in.
/// </summary>
internal sealed class ChoiceShape(IReadOnlyList<string> choices) : AnswerShape
{
    public override string Expected =>
        $"one letter from a to {Letter(choices.Count - 1)} (or the text of a choice), like \"b\"";

    /// <summary>The letter of choice i: a, b, c, …</summary>
    public static char Letter(int i) => (char)('a' + i);

    protected override ParsedAnswer ReadValue(object answer)
    {
        var text = answer switch
        {
            string s => s,
            char c => c.ToString(),
            _ => null,
        };
        if (text is null)
            return Refuse(answer);
        var words = AnswerText.Words(text);
        var letter = words.Trim('(', ')', ' ');   // "b", "(b)" or "b)": the brackets go only round a letter
        if (letter.Length == 1)
        {
            var index = letter[0] - 'a';   // "b" is choice 1
            if (index >= 0 && index < choices.Count)
                return ParsedAnswer.Of(AnswerText.Words(choices[index]));
        }
        var byText = choices.FirstOrDefault(c => string.Equals(AnswerText.Words(c), words, StringComparison.Ordinal));
        return byText is not null
            ? ParsedAnswer.Of(AnswerText.Words(byText))
            : ParsedAnswer.WrongShape($"This answer should be {Expected}; \"{text.Trim()}\" is not one of the choices.");
    }
}
