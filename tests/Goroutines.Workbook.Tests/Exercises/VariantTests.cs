using System.Linq;

namespace Goroutines.Workbook.Tests;

using Goroutines.Workbook.Exercises;

public class VariantTests
{
    private static readonly string[] Identities = Enumerable.Range(1, 400).Select(i => $"student{i}@example.edu").ToArray();

    [Fact]
    public void No_identity_is_the_default_variant()
    {
        foreach (var exercise in ExerciseCatalog.All)
        {
            Assert.Equal(0, Student.VariantOf(exercise, null));
            Assert.Equal(0, Student.VariantOf(exercise, "  "));
        }
    }

    [Fact]
    public void The_same_identity_always_gives_the_same_variant_whatever_its_case_and_spacing()
    {
        foreach (var exercise in ExerciseCatalog.All)
        {
            var variant = Student.VariantOf(exercise, "ada@example.edu");
            Assert.Equal(variant, Student.VariantOf(exercise, "ada@example.edu"));
            Assert.Equal(variant, Student.VariantOf(exercise, " Ada@Example.EDU "));
        }
    }

    [Fact]
    public void The_variant_comes_from_the_identity_not_from_the_process()
    {
        // SHA-256, not string.GetHashCode (which changes every process): fixed values, computed once.
        var runnext = ExerciseCatalog.Find("00.runnext-order")!;
        var picks = new[] { "ada@example.edu", "bob@example.edu", "chen@example.edu" }.Select(s => Student.VariantOf(runnext, s)).ToArray();

        Assert.Equal(picks, new[] { "ada@example.edu", "bob@example.edu", "chen@example.edu" }.Select(s => Student.VariantOf(runnext, s)).ToArray());
        Assert.All(picks, v => Assert.InRange(v, 0, runnext.Variants - 1));
    }

    [Fact]
    public void Identities_spread_evenly_over_every_exercises_variants()
    {
        foreach (var exercise in ExerciseCatalog.All.Where(e => e.Variants > 1))
        {
            var counts = Identities.GroupBy(s => Student.VariantOf(exercise, s)).ToDictionary(g => g.Key, g => g.Count());
            var expected = Identities.Length / (double)exercise.Variants;

            Assert.Equal(exercise.Variants, counts.Count);   // every variant is used
            Assert.All(counts.Values, c => Assert.InRange(c, expected * 0.5, expected * 1.5));
        }
    }

    [Fact]
    public void Two_neighbours_rarely_share_every_variant_of_a_lesson()
    {
        var lesson = ExerciseCatalog.All.Where(e => e.Variants > 1).ToList();
        var pairs = Identities.Zip(Identities.Skip(1));

        var same = pairs.Count(p => lesson.All(e => Student.VariantOf(e, p.First) == Student.VariantOf(e, p.Second)));

        // With 4–8 variants each over several exercises, chance alone gives far less than 1 % identical pairs.
        Assert.True(same <= Identities.Length / 100, $"{same} of {Identities.Length - 1} neighbouring pairs share every variant");
    }

    [Fact]
    public void Different_variants_of_a_prediction_have_different_right_answers()
    {
        foreach (var exercise in ExerciseCatalog.All.OfType<PredictExercise>())
        {
            var answers = Enumerable.Range(0, exercise.Variants).Select(exercise.RightAnswer).Distinct().Count();

            Assert.True(answers >= exercise.Variants / 2, $"{exercise.Id}: only {answers} distinct answers over {exercise.Variants} variants");
        }
    }

    [Fact]
    public void A_multiple_choice_variant_shows_the_same_choices_in_another_order()
    {
        var question = ExerciseCatalog.All.OfType<ConceptExercise>().First(e => e.Choices.Count > 0);
        var orders = Enumerable.Range(0, question.Variants).Select(v => string.Join("|", question.ChoicesFor(v))).ToList();

        Assert.All(Enumerable.Range(0, question.Variants), v => Assert.Equal(question.Choices.OrderBy(c => c), question.ChoicesFor(v).OrderBy(c => c)));
        Assert.True(orders.Distinct().Count() >= question.Variants - 1);
    }
}
