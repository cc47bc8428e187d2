using System.Text.Json;
using Goroutines.Workbook.Exercises;
using Notebooks.Tests.Support;

namespace Notebooks.Tests;

/// <summary>Every "re-read this section" of an exercise or a misconception names a lesson and a heading that exist.</summary>
public sealed class ExerciseSectionTests
{
    public static TheoryData<string, string> Sections()
    {
        var data = new TheoryData<string, string>();
        var sections = ExerciseCatalog.All.Select(e => e.Section).Concat(ExerciseCatalog.Misconceptions.Select(m => m.Section)).OfType<LessonSection>();
        foreach (var section in sections.Distinct())
            data.Add(section.Notebook, section.Heading);
        return data;
    }

    // The headings ("# …", "## …") of a lesson's markdown cells, without the hashes.
    private static List<string> Headings(string notebook)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(Repo.Layout.Notebooks, notebook)));
        return json.RootElement.GetProperty("cells").EnumerateArray()
            .Where(c => c.GetProperty("cell_type").GetString() == "markdown")
            .SelectMany(c => c.GetProperty("source").EnumerateArray().Select(l => l.GetString() ?? ""))
            .Where(l => l.StartsWith('#'))
            .Select(l => l.TrimStart('#').Trim())
            .ToList();
    }

    [Theory]
    [MemberData(nameof(Sections))]
    public void A_section_to_re_read_is_a_heading_of_its_lesson(string notebook, string heading)
    {
        Assert.True(File.Exists(Path.Combine(Repo.Layout.Notebooks, notebook)), $"no lesson {notebook}");
        Assert.Contains(heading, Headings(notebook));
    }
}
