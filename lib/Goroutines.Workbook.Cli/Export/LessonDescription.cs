using System.Text.RegularExpressions;
using Goroutines.Workbook.Cli.Notebooks;

namespace Goroutines.Workbook.Cli.Export;

/// <summary>
/// A lesson's one-line description for the site's index: the sentence after <c>**Goal.**</c> in its first
/// markdown cell, as plain text. Every lesson opens with a goal, so the index says what each one is for.
/// </summary>
public static partial class LessonDescription
{
    [GeneratedRegex(@"\*\*Goal\.\*\*\s*(?<goal>.+?(?:[.!?](?=\s|$)|$))", RegexOptions.Singleline)]
    private static partial Regex Goal();

    [GeneratedRegex(@"\*\*|__|`|\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex Markup();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    /// <summary>The goal sentence without markdown, or an empty string when the lesson states none.</summary>
    public static string Of(NotebookDocument notebook)
    {
        var first = notebook.Cells.FirstOrDefault(c => c.Kind == CellKind.Markdown);
        if (first == null) return "";
        var goal = Goal().Match(first.Source);
        if (!goal.Success) return "";
        var plain = Markup().Replace(goal.Groups["goal"].Value, m => m.Groups[1].Success ? m.Groups[1].Value : "");
        return Whitespace().Replace(plain, " ").Trim();
    }
}
