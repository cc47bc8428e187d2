using System;

namespace Goroutines.Workbook.Tests;

public class CompareTests
{
    [Fact]
    public void Each_figure_is_a_bar_with_its_value_written_on_it_in_the_order_given_from_the_top()
    {
        var figure = Charts.Compare("Making one", "µs per item", "Measured here.", ("goroutine", 1.25), ("thread", 1234.6));

        var bars = Json.Traces(figure).Single();
        Assert.Equal(["thread", "goroutine"], Json.Strings(bars.GetProperty("y")));   // plotly draws the first at the bottom
        Assert.Equal([1234.6, 1.25], Json.Numbers(bars.GetProperty("x")));
        Assert.Equal(["1,235", "1.25"], Json.Strings(bars.GetProperty("text")));
        Assert.Equal("h", bars.GetProperty("orientation").GetString());
    }

    [Fact]
    public void It_has_a_title_an_axis_title_and_a_caption()
    {
        var figure = Charts.Compare("Making one", "µs per item", "Measured here.", ("goroutine", 1));

        Assert.Equal("Making one", Json.Title(figure));
        Assert.Equal("µs per item", Json.XTitle(figure));
        Assert.Equal("Measured here.", figure.Caption);
    }

    [Fact]
    public void No_bars_or_a_negative_figure_is_refused_with_a_message_that_says_what_to_give()
    {
        Assert.Contains("at least one bar", Assert.Throws<ArgumentException>(() => Charts.Compare("t", "v", "c")).Message);
        Assert.Contains("negative", Assert.Throws<ArgumentException>(() => Charts.Compare("t", "v", "c", ("x", -1))).Message);
    }
}
