using System.Collections.Generic;
using System.Linq;

namespace Goroutines.Workbook.Tests;

using Goroutines.Workbook.Exercises;

public class AnswerShapeTests
{
    public static TheoryData<object> NineZeroOneTwo => new()
    {
        "9 0 1 2", "9,0,1,2", "9, 0, 1, 2", " 9  0\t1 2 ", "[9, 0, 1, 2]", "G9 G0 G1 G2", "g9,g0,g1,g2", "9;0;1;2",
        new[] { 9, 0, 1, 2 }, new List<int> { 9, 0, 1, 2 }, new[] { "9", "0", "1", "2" }, new[] { "G9", "G0", "G1", "G2" },
        new long[] { 9, 0, 1, 2 }, Enumerable.Range(0, 3).Prepend(9),
    };

    [Theory]
    [MemberData(nameof(NineZeroOneTwo))]
    public void A_sequence_reads_every_accepted_form_the_same(object answer)
    {
        var parsed = AnswerShape.Sequence.Read(answer);

        Assert.Equal("9 0 1 2", parsed.Text);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Null_and_blank_are_not_answered_yet(string? answer)
    {
        foreach (var shape in new[] { AnswerShape.Sequence, AnswerShape.Number, AnswerShape.Words, AnswerShape.Choice(["x", "y"]) })
            Assert.Equal(Verdict.Unanswered, shape.Read(answer).Verdict);
    }

    [Fact]
    public void An_empty_array_is_not_answered_yet()
    {
        Assert.Equal(Verdict.Unanswered, AnswerShape.Sequence.Read(System.Array.Empty<int>()).Verdict);
    }

    [Theory]
    [InlineData("nine zero one")]
    [InlineData("9 0 x 2")]
    [InlineData("9.5 1")]
    public void A_sequence_refuses_words_and_says_the_shape_expected(string answer)
    {
        var parsed = AnswerShape.Sequence.Read(answer);

        Assert.Equal(Verdict.Invalid, parsed.Verdict);
        Assert.Null(parsed.Text);
        Assert.Contains("sequence of numbers", parsed.Problem);
    }

    [Fact]
    public void A_sequence_refuses_nested_lists_and_objects()
    {
        Assert.Equal(Verdict.Invalid, AnswerShape.Sequence.Read(new[] { new[] { 1, 2 }, new[] { 3 } }).Verdict);
        Assert.Equal(Verdict.Invalid, AnswerShape.Sequence.Read(new object()).Verdict);
        Assert.Equal(Verdict.Invalid, AnswerShape.Sequence.Read(3.5).Verdict);
    }

    [Theory]
    [InlineData(6, "6")]
    [InlineData(6L, "6")]
    [InlineData("6", "6")]
    [InlineData(" 6. ", "6")]
    [InlineData("G6", "6")]
    [InlineData("p1", "1")]
    [InlineData(2.5, "2.5")]
    [InlineData("2.50", "2.5")]
    [InlineData("400 µs", "400")]
    [InlineData(4.0, "4")]
    public void A_number_reads_every_accepted_form(object answer, string expected)
    {
        Assert.Equal(expected, AnswerShape.Number.Read(answer).Text);
    }

    [Fact]
    public void A_number_reads_a_one_item_array_and_refuses_two_numbers()
    {
        Assert.Equal("6", AnswerShape.Number.Read(new[] { 6 }).Text);

        var two = AnswerShape.Number.Read("6 7");
        Assert.Equal(Verdict.Invalid, two.Verdict);
        Assert.Contains("one number", two.Problem);
        Assert.Equal(Verdict.Invalid, AnswerShape.Number.Read(new[] { 6, 7 }).Verdict);
        Assert.Equal(Verdict.Invalid, AnswerShape.Number.Read("six").Verdict);
        Assert.Equal(Verdict.Invalid, AnswerShape.Number.Read(double.NaN).Verdict);
    }

    [Theory]
    [InlineData("runnext")]
    [InlineData("  RunNext ")]
    [InlineData("runnext.")]
    [InlineData("\"runnext\"")]
    public void Words_ignore_case_spacing_quotes_and_a_full_stop(string answer)
    {
        Assert.Equal("runnext", AnswerShape.Words.Read(answer).Text);
        Assert.Equal("the global queue", AnswerShape.Words.Read("The   global\tqueue").Text);
    }

    [Fact]
    public void Words_refuse_numbers_and_lists()
    {
        Assert.Equal(Verdict.Invalid, AnswerShape.Words.Read(3).Verdict);
        Assert.Equal(Verdict.Invalid, AnswerShape.Words.Read(new[] { "a", "b" }).Verdict);
    }

    [Theory]
    [InlineData("b")]
    [InlineData("B")]
    [InlineData("(b)")]
    [InlineData("b)")]
    [InlineData(" b. ")]
    [InlineData("The second choice")]
    [InlineData('b')]
    public void A_choice_reads_a_letter_or_its_text_as_the_choice_text(object answer)
    {
        var shape = AnswerShape.Choice(["The first choice.", "The second choice.", "The third."]);

        Assert.Equal("the second choice", shape.Read(answer).Text);
    }

    [Theory]
    [InlineData("It waits in the global queue (the tail).")]
    [InlineData("b")]
    [InlineData("(b)")]
    public void A_choice_whose_text_ends_in_a_bracket_is_read_by_its_text_too(string answer)
    {
        var shape = AnswerShape.Choice(["It runs on.", "It waits in the global queue (the tail)."]);

        Assert.Equal("it waits in the global queue (the tail)", shape.Read(answer).Text);
    }

    [Fact]
    public void A_choice_refuses_a_letter_out_of_range_and_says_which_letters()
    {
        var parsed = AnswerShape.Choice(["one", "two", "three"]).Read("e");

        Assert.Equal(Verdict.Invalid, parsed.Verdict);
        Assert.Contains("from a to c", parsed.Problem);
    }

    [Fact]
    public void Code_given_where_a_value_is_expected_is_refused_with_the_shape()
    {
        System.Func<System.Threading.Tasks.Task> code = () => System.Threading.Tasks.Task.CompletedTask;

        var parsed = AnswerShape.Sequence.Read(code);

        Assert.Equal(Verdict.Invalid, parsed.Verdict);
        Assert.Contains("not code", parsed.Problem);
    }
}
