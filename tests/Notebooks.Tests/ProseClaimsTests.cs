using System.Text.Json;
using System.Text.RegularExpressions;
using Goroutines.Workbook.Cli.Execution;
using Goroutines.Workbook.Cli.Notebooks;
using Notebooks.Tests.Support;

namespace Notebooks.Tests;

/// <summary>
/// What a lesson's prose says a cell shows is what the cell shows, every run. Each lesson lists the figures its prose
/// quotes in <c>tests/Notebooks.Tests/ProseClaims/&lt;lesson&gt;.json</c>: the phrase in the prose, the code cell that
/// backs it, and what that cell's output must contain. Change the prose or the cell, and the claim fails.
/// </summary>
[Collection(KernelCollection.Name)]
public sealed partial class ProseClaimsTests(LessonRuns runs)
{
    /// <summary>One claim: <c>prose</c> is in the lesson's markdown; the first code cell containing <c>cell</c> has an
    /// output containing <c>output</c> (or matching <c>outputRegex</c>). Whitespace and HTML tags are ignored.</summary>
    public sealed record Claim(string Prose, string Cell, string? Output, string? OutputRegex);

    public static TheoryData<string> Lessons => Repo.LessonNames();

    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex Tag();

    [Theory]
    [MemberData(nameof(Lessons))]
    public void Every_lesson_lists_the_figures_its_prose_quotes(string lesson)
    {
        var claims = Load(lesson);
        Assert.True(claims.Count >= 3, $"{ClaimsFile(lesson)} lists {claims.Count} claims; a lesson quotes at least three figures from its runs.");
        var notebook = NotebookParser.Load(Path.Combine(Repo.Layout.Notebooks, lesson));
        var prose = Normalise(string.Join("\n", notebook.Cells.Where(c => c.Kind == CellKind.Markdown).Select(c => c.Source)));
        var missing = claims.Where(c => !prose.Contains(Normalise(c.Prose), StringComparison.Ordinal)).Select(c => $"  \"{c.Prose}\"").ToList();
        Assert.True(missing.Count == 0, $"{lesson}: the prose no longer says:\n{string.Join("\n", missing)}");
        var orphans = claims.Where(c => !notebook.CodeCells.Any(cell => cell.Source.Contains(c.Cell, StringComparison.Ordinal))).Select(c => $"  {c.Cell}").ToList();
        Assert.True(orphans.Count == 0, $"{lesson}: no code cell contains:\n{string.Join("\n", orphans)}");
    }

    [Theory]
    [MemberData(nameof(Lessons))]
    public async Task Every_figure_the_prose_quotes_is_what_its_cell_shows(string lesson)
    {
        var claims = Load(lesson);
        var result = await runs.Get(lesson);
        var problems = new List<string>();
        foreach (var claim in claims)
        {
            var cell = result.Cells.FirstOrDefault(c => c.Cell.Kind == CellKind.Code && c.Cell.Source.Contains(claim.Cell, StringComparison.Ordinal));
            if (cell == null)
            {
                problems.Add($"no executed code cell contains \"{claim.Cell}\"");
                continue;
            }
            var shown = Normalise(string.Join("\n", cell.Outputs.SelectMany(o => o.Data.Values).Select(v => Tag().Replace(v, " "))));
            var ok = claim.OutputRegex != null
                ? Regex.IsMatch(shown, claim.OutputRegex)
                : shown.Contains(Normalise(claim.Output ?? ""), StringComparison.Ordinal);
            if (!ok)
                problems.Add($"cell {cell.Cell.Number} ({cell.Cell.Summary}) does not show {(claim.OutputRegex != null ? "/" + claim.OutputRegex + "/" : "\"" + claim.Output + "\"")}, which the prose quotes as \"{claim.Prose}\"; it shows: {Shorten(shown)}");
        }
        Assert.True(problems.Count == 0, $"{lesson}:\n{string.Join("\n", problems)}");
    }

    private static string ClaimsFile(string lesson) =>
        Path.Combine(Repo.Root, "tests", "Notebooks.Tests", "ProseClaims", Path.ChangeExtension(lesson, ".json"));

    private static List<Claim> Load(string lesson)
    {
        var path = ClaimsFile(lesson);
        Assert.True(File.Exists(path), $"{lesson} has no {path}: list the figures its prose quotes there (see ProseClaimsTests).");
        var claims = JsonSerializer.Deserialize<List<Claim>>(File.ReadAllText(path), Json) ?? [];
        foreach (var c in claims)
            Assert.True((c.Output == null) != (c.OutputRegex == null), $"{path}: the claim \"{c.Prose}\" needs exactly one of output and outputRegex.");
        return claims;
    }

    private static string Normalise(string text) =>
        Whitespace().Replace(System.Net.WebUtility.HtmlDecode(text), " ").Trim();

    private static string Shorten(string text) => text.Length <= 400 ? text : text[..400] + " …";
}
