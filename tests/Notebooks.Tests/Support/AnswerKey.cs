using System.Text.Json;
using Goroutines.Workbook.Cli.Notebooks;

namespace Notebooks.Tests.Support;

/// <summary>
/// A lesson's answer key (tests/Notebooks.Tests/AnswerKeys/&lt;lesson&gt;.json): for each exercise id, the source of its
/// answer cell with the right answer, with a wrong one, and the misconception the wrong one should be named with.
/// </summary>
public sealed class AnswerKey
{
    private AnswerKey(IReadOnlyDictionary<string, AnswerKeyEntry> entries) => Entries = entries;

    /// <summary>Exercise id → its answers.</summary>
    public IReadOnlyDictionary<string, AnswerKeyEntry> Entries { get; }

    /// <summary>The key of a lesson, by the lesson's file name ("00-start-here.ipynb").</summary>
    public static AnswerKey For(string lessonFileName)
    {
        var path = Path.Combine(Repo.Root, "tests", "Notebooks.Tests", "AnswerKeys", Path.ChangeExtension(lessonFileName, ".json"));
        var entries = JsonSerializer.Deserialize<Dictionary<string, AnswerKeyEntry>>(File.ReadAllText(path),
            new JsonSerializerOptions { PropertyNameCaseInsensitive = true })
            ?? throw new InvalidOperationException($"{path} is empty.");
        return new AnswerKey(entries);
    }

    /// <summary>
    /// The notebook with each exercise's answer cell replaced — found by the exercise id in Exercises.Check("…"),
    /// not by position, as a student may have moved cells.
    /// </summary>
    public NotebookDocument Apply(NotebookDocument notebook, Func<AnswerKeyEntry, string> answer)
    {
        var cells = notebook.Cells.ToList();
        foreach (var (id, entry) in Entries)
        {
            var marker = $"Exercises.Check(\"{id}\"";
            var found = cells.FindAll(c => c.Source.Contains(marker, StringComparison.Ordinal));
            if (found.Count != 1)
                throw new InvalidOperationException($"{notebook.Path}: {found.Count} cells check {id}; the answer key needs exactly one.");
            cells[cells.IndexOf(found[0])] = found[0] with { Source = answer(entry) };
        }
        return notebook with { Cells = cells };
    }
}
