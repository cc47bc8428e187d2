namespace Goroutines.Workbook.Exercises;

/// <summary>A short answer in words, normalised to lower case with single spaces and no final full stop.</summary>
internal sealed class WordsShape : AnswerShape
{
    public override string Expected => "a short answer in words, like \"runnext\"";

    protected override ParsedAnswer ReadValue(object answer) => answer switch
    {
        string s => ParsedAnswer.Of(AnswerText.Words(s)),
        char c => ParsedAnswer.Of(AnswerText.Words(c.ToString())),
        _ => Refuse(answer),
    };
}
