using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using System.Text;

namespace Goroutines.Workbook.Tests;

using Goroutines.Workbook.Exercises;

/// <summary>Concept answers are stored only as salted hashes: not in the built library, its strings or its resources.</summary>
public class NoPlainTextAnswerTests
{
    // Every accepted short answer, as the answer key writes it (the test knows them; the library must not).
    private static readonly Dictionary<string, string[]> ShortAnswers = new()
    {
        ["01.where-schedule-runs"] =
        [
            "the same m", "same m", "the same thread", "same thread", "its own m", "its m", "the same os thread", "same os thread",
            "that m", "the m that was running it", "on the same m", "m2", "on m2", "on the same thread", "the same m2", "its own thread",
        ],
    };

    // The right choice of each multiple-choice question (variant 0 letters).
    private static readonly Dictionary<string, char> RightChoices = new() { ["00.what-go-does"] = 'c', ["01.what-is-p"] = 'c', ["04.steal-half"] = 'c' };

    private static IEnumerable<string> LibraryFiles()
    {
        var dll = typeof(Exercise).Assembly.Location;
        var folder = Path.GetDirectoryName(dll)!;
        return new[] { dll }.Concat(Directory.EnumerateFiles(folder, "Goroutines.Workbook.resources.dll", SearchOption.AllDirectories));
    }

    // The file's bytes read as Latin-1 (UTF-8 text of ASCII answers) and as UTF-16 at both alignments, lower-cased.
    private static string[] Texts(string file)
    {
        var bytes = File.ReadAllBytes(file);
        return [Encoding.Latin1.GetString(bytes).ToLowerInvariant(),
                Encoding.Unicode.GetString(bytes).ToLowerInvariant(),
                Encoding.Unicode.GetString(bytes, 1, bytes.Length - 1).ToLowerInvariant()];
    }

    [Fact]
    public void The_answer_key_here_is_right_so_the_search_below_means_something()
    {
        foreach (var (id, answers) in ShortAnswers)
            Assert.All(answers, a => Assert.True(ExerciseCatalog.Find(id)!.Evaluate(a, 0, false).Verdict == Verdict.Correct, $"{id}: {a}"));
        foreach (var (id, letter) in RightChoices)
            Assert.Equal(Verdict.Correct, ExerciseCatalog.Find(id)!.Evaluate(letter.ToString(), 0, false).Verdict);
        var everyShortAnswer = ExerciseCatalog.All.OfType<ConceptExercise>().Where(c => c.Choices.Count == 0).Select(c => c.Id);
        Assert.Equal(everyShortAnswer.Order(), ShortAnswers.Keys.Order());
    }

    // Every string literal of the library (the #US heap, UTF-16), normalised as a short answer is.
    private static List<string> Literals()
    {
        using var stream = File.OpenRead(typeof(Exercise).Assembly.Location);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        var literals = new List<string>();
        var handle = MetadataTokens.UserStringHandle(1);
        while (!handle.IsNil)
        {
            literals.Add(AnswerShape.Words.Read(metadata.GetUserString(handle)).Text ?? "");
            handle = metadata.GetNextHandle(handle);
        }
        return literals;
    }

    // What the student is shown anyway: the question, the hints, the explanation (an answer like "on M2" may echo the question).
    private static string Shown(string id)
    {
        var question = (ConceptExercise)ExerciseCatalog.Find(id)!;
        return string.Join("\n", new[] { question.Question, question.Explanation, question.Why }.Concat(question.Hints)).ToLowerInvariant();
    }

    [Fact]
    public void No_short_answer_is_a_string_of_the_library()
    {
        var literals = Literals();
        Assert.Contains(literals, l => l.Contains("not answered yet", StringComparison.Ordinal));   // the heap is read

        foreach (var answer in ShortAnswers.Values.SelectMany(a => a))
            Assert.DoesNotContain(answer, literals);
    }

    [Fact]
    public void No_short_answer_is_anywhere_in_the_library_or_its_resources_unless_the_question_shows_it()
    {
        var texts = LibraryFiles().SelectMany(Texts).ToList();
        Assert.Contains(texts, t => t.Contains("not answered yet", StringComparison.Ordinal));   // the search does find the library's strings

        foreach (var (id, answers) in ShortAnswers)
            foreach (var answer in answers.Where(a => a.Length >= 8 && !Shown(id).Contains(a, StringComparison.Ordinal)))
                Assert.False(texts.Any(t => ContainsWords(t, answer)), $"{id}: \"{answer}\" is in the library");
    }

    // The answer as whole words: "the same m" is the answer, "at the same moment" is not.
    private static bool ContainsWords(string text, string answer) =>
        System.Text.RegularExpressions.Regex.IsMatch(text, $@"(?<![\p{{L}}\p{{N}}]){System.Text.RegularExpressions.Regex.Escape(answer)}(?![\p{{L}}\p{{N}}])");

    [Fact]
    public void A_word_boundary_separates_an_answer_from_a_longer_word()
    {
        Assert.True(ContainsWords("then r runs next, on the same m.", "the same m"));
        Assert.False(ContainsWords("may run go code at the same moment", "the same m"));
    }

    [Fact]
    public void A_multiple_choice_question_keeps_which_choice_is_right_only_as_a_hash()
    {
        foreach (var (id, letter) in RightChoices)
        {
            var question = (ConceptExercise)ExerciseCatalog.Find(id)!;
            var right = question.Choices[letter - 'a'];
            var stored = typeof(ConceptExercise).GetProperties(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
                .Where(p => p.Name != nameof(ConceptExercise.Choices) && p.GetIndexParameters().Length == 0)
                .Select(p => p.GetValue(question))
                .SelectMany(v => v is IEnumerable<string> list ? list : [v?.ToString() ?? ""]);

            Assert.DoesNotContain(stored, s => s.Contains(right, StringComparison.OrdinalIgnoreCase)
                || s.Contains(right.TrimEnd('.').ToLowerInvariant(), StringComparison.Ordinal));
        }
    }
}
