using System.Text.Json;
using Goroutines.Workbook.Plotting;

namespace Goroutines.Workbook.Tests;

public class FigureJsonTests
{
    [Fact]
    public void Attribute_names_are_plotly_lower_case_and_unset_ones_are_left_out()
    {
        var figure = new Figure
        {
            Data = [new Scatter { X = [1], Y = [2], HoverTemplate = "%{y}", ShowLegend = false }],
            Layout = new Layout { XAxis = new Axis { RangeMode = "tozero" }, BarMode = "overlay", ShowLegend = true },
        };

        var json = Json.Of(figure);

        var trace = json.GetProperty("data")[0];
        Assert.Equal("scatter", trace.GetProperty("type").GetString());
        Assert.Equal("%{y}", trace.GetProperty("hovertemplate").GetString());
        Assert.False(trace.GetProperty("showlegend").GetBoolean());
        Assert.False(trace.TryGetProperty("name", out _));
        Assert.False(trace.TryGetProperty("marker", out _));
        var layout = json.GetProperty("layout");
        Assert.Equal("tozero", layout.GetProperty("xaxis").GetProperty("rangemode").GetString());
        Assert.Equal("overlay", layout.GetProperty("barmode").GetString());
        Assert.False(layout.TryGetProperty("yaxis", out _));
    }

    [Fact]
    public void Caption_is_not_part_of_the_plotly_json()
    {
        var json = new Figure { Caption = "see this" }.ToJson();

        Assert.DoesNotContain("see this", json);
        Assert.DoesNotContain("caption", json);
    }

    [Fact]
    public void Titles_are_written_as_objects_with_text()
    {
        var figure = new Figure { Layout = new Layout { Title = "Run queues", YAxis = new Axis { Title = "count" } } };

        var layout = Json.Of(figure).GetProperty("layout");

        Assert.Equal("Run queues", layout.GetProperty("title").GetProperty("text").GetString());
        Assert.Equal("count", layout.GetProperty("yaxis").GetProperty("title").GetProperty("text").GetString());
    }

    [Fact]
    public void A_horizontal_bar_has_rows_on_y_lengths_on_x_and_starts_in_base()
    {
        var figure = new Figure
        {
            Data = [new Bar { Horizontal = true, Categories = ["P0", "P1"], Values = [1.5, 2], Base = [0, 3], Text = ["G1", "G2"] }],
        };

        var bar = Json.Of(figure).GetProperty("data")[0];

        Assert.Equal("bar", bar.GetProperty("type").GetString());
        Assert.Equal("h", bar.GetProperty("orientation").GetString());
        Assert.Equal(["P0", "P1"], Json.Strings(bar.GetProperty("y")));
        Assert.Equal([1.5, 2], Json.Numbers(bar.GetProperty("x")));
        Assert.Equal([0, 3], Json.Numbers(bar.GetProperty("base")));
        Assert.Equal(["G1", "G2"], Json.Strings(bar.GetProperty("text")));
        Assert.False(bar.TryGetProperty("categories", out _));
        Assert.False(bar.TryGetProperty("horizontal", out _));
    }

    [Fact]
    public void A_vertical_bar_has_categories_on_x()
    {
        var figure = new Figure { Data = [new Bar { Categories = ["1 P", "2 Ps"], Values = [1, 1.9] }] };

        var bar = Json.Of(figure).GetProperty("data")[0];

        Assert.Equal("v", bar.GetProperty("orientation").GetString());
        Assert.Equal(["1 P", "2 Ps"], Json.Strings(bar.GetProperty("x")));
        Assert.Equal([1, 1.9], Json.Numbers(bar.GetProperty("y")));
    }

    [Fact]
    public void Custom_data_keeps_numbers_and_strings()
    {
        var figure = new Figure { Data = [new Scatter { X = [0], Y = [0], CustomData = [[1.5, "runnext"]] }] };

        var row = Json.Of(figure).GetProperty("data")[0].GetProperty("customdata")[0];

        Assert.Equal(JsonValueKind.Number, row[0].ValueKind);
        Assert.Equal(1.5, row[0].GetDouble());
        Assert.Equal("runnext", row[1].GetString());
    }
}
