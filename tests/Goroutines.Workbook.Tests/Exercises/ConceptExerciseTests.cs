using System.Linq;

namespace Goroutines.Workbook.Tests;

using Goroutines.Workbook.Exercises;

public class ConceptExerciseTests
{
    private static ConceptExercise WhatGoDoes => (ConceptExercise)ExerciseCatalog.Find("00.what-go-does")!;

    [Fact]
    public void The_right_choice_is_correct_by_letter_or_by_text()
    {
        Assert.Equal(Verdict.Correct, WhatGoDoes.Evaluate("c", 0, false).Verdict);
        Assert.Equal(Verdict.Correct, WhatGoDoes.Evaluate("(C)", 0, false).Verdict);
        Assert.Equal(Verdict.Correct, WhatGoDoes.Evaluate(WhatGoDoes.Choices[2].ToUpperInvariant(), 0, false).Verdict);
    }

    [Fact]
    public void A_wrong_choice_that_is_a_misconception_names_it()
    {
        var evaluation = WhatGoDoes.Evaluate("a", 0, false);

        Assert.Equal(Verdict.Incorrect, evaluation.Verdict);
        Assert.Equal("goroutine-is-a-thread", evaluation.Misconception?.Id);
    }

    [Fact]
    public void The_letter_of_the_right_choice_follows_the_variants_order()
    {
        for (var variant = 0; variant < WhatGoDoes.Variants; variant++)
        {
            var letter = (char)('a' + WhatGoDoes.ChoicesFor(variant).ToList().IndexOf(WhatGoDoes.Choices[2]));

            Assert.Equal(Verdict.Correct, WhatGoDoes.Evaluate(letter.ToString(), variant, false).Verdict);
            Assert.Equal(Verdict.Correct, WhatGoDoes.Evaluate(WhatGoDoes.Choices[2], variant, false).Verdict);
        }
    }

    [Fact]
    public void A_short_answer_is_checked_by_hash_and_forgives_case_and_a_full_stop()
    {
        var where = (ConceptExercise)ExerciseCatalog.Find("01.where-schedule-runs")!;

        Assert.Equal(Verdict.Correct, where.Evaluate("The same M.", 0, false).Verdict);
        Assert.Equal(Verdict.Correct, where.Evaluate("same thread", 0, false).Verdict);
        Assert.Equal("scheduler-is-its-own-thread", where.Evaluate("Sysmon", 0, false).Misconception?.Id);
        Assert.Equal(Verdict.Incorrect, where.Evaluate("M7", 0, false).Verdict);
    }

    [Fact]
    public void The_hash_is_salted_per_exercise()
    {
        Assert.NotEqual(AnswerHash.Of("00.a/1", "runnext"), AnswerHash.Of("00.b/2", "runnext"));
        Assert.Equal(AnswerHash.Of("s", "the same m"), AnswerHash.Of("s", AnswerShape.Words, "  The Same M. "));
        Assert.Matches("^[0-9a-f]{64}$", AnswerHash.Of("s", "x"));
    }

    [Fact]
    public void Every_stored_hash_is_a_sha256_and_every_exercise_has_its_own_salt()
    {
        var concepts = ExerciseCatalog.All.OfType<ConceptExercise>().ToList();

        Assert.All(concepts.SelectMany(c => c.AnswerHashes.Concat(c.Misreads.Select(m => m.Hash))), h => Assert.Matches("^[0-9a-f]{64}$", h));
        Assert.Equal(concepts.Count, concepts.Select(c => c.Salt).Distinct().Count());
    }

    [Fact]
    public void The_worked_answer_explains_without_the_stored_answer()
    {
        var html = WhatGoDoes.RevealHtml(0);

        Assert.Contains("newproc", html);
        Assert.Contains("salted hash", html);
    }
}
