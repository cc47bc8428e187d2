namespace Goroutines.Workbook.Exercises;

/// <summary>A section of a lesson notebook to re-read, e.g. 00-start-here.ipynb, "2 · Explain".</summary>
/// <param name="Notebook">The notebook's file name, relative to notebooks/.</param>
/// <param name="Heading">The section heading as the lesson prints it.</param>
public sealed record LessonSection(string Notebook, string Heading)
{
    /// <summary>"00-start-here.ipynb, section “2 · Explain”".</summary>
    public override string ToString() => $"{Notebook}, section “{Heading}”";
}
