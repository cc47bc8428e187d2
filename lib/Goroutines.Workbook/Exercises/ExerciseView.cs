namespace Goroutines.Workbook.Exercises;

/// <summary>What Exercises.Show, Hint, Reveal and Progress display: a titled piece of HTML, with a plain-text form.</summary>
public sealed class ExerciseView
{
    internal ExerciseView(string title, string html, string text)
    {
        Formatting.WorkbookFormatters.EnsureRegistered();   // again, should a cell have reset the formatters
        Title = title;
        Html = html;
        Text = text;
    }

    /// <summary>The view's heading, e.g. "00.runnext-order · Who prints first?".</summary>
    public string Title { get; }

    /// <summary>The view's body as HTML.</summary>
    public string Html { get; }

    /// <summary>The view as plain text.</summary>
    public string Text { get; }

    /// <summary>The whole view as HTML.</summary>
    public string ToHtml() => ExerciseHtml.View(this);

    /// <summary>The plain-text form.</summary>
    public override string ToString() => $"{Title}\n{Text}";
}
