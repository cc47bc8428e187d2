using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.DotNet.Interactive.Formatting;
using static Goroutines.Runtime;

namespace Goroutines.Workbook.Tests.GmpViews;

/// <summary>The scrubber: every step of a run in one self-contained output with a slider and a play button.</summary>
public class ScrubberTests
{
    private static string[] FramesIn(string html)
    {
        var json = Regex.Match(html, "<script type=\"application/json\" class=\"scrubber-frames\">(.*?)</script>", RegexOptions.Singleline).Groups[1].Value;
        return JsonSerializer.Deserialize<string[]>(json)!;
    }

    [Fact]
    public void It_has_one_frame_per_step_plus_the_start_and_a_slider_over_them()
    {
        var scrubber = Views.Scrubber(ViewProgram.Body, ViewProgram.Options);

        var html = scrubber.ToHtml();

        Assert.False(scrubber.Truncated);
        Assert.True(scrubber.Frames.Count > 10);
        var frames = FramesIn(html);
        Assert.Equal(scrubber.Frames.Count, frames.Length);
        Assert.All(frames, f => Assert.StartsWith("<svg ", f));
        Assert.Contains($"<input type=\"range\" class=\"scrubber-slider\" min=\"0\" max=\"{frames.Length - 1}\" value=\"0\"", html);
        Assert.Contains("<button type=\"button\" class=\"scrubber-play\"", html);
        Assert.Contains($"data-frames=\"{frames.Length}\"", html);
        Assert.Contains("addEventListener(\"input\"", html);
        // The frames differ: the run moves.
        Assert.True(frames.Distinct().Count() > frames.Length / 2);
    }

    [Fact]
    public void Frames_cannot_close_their_script_block_and_need_no_network()
    {
        var html = Views.Scrubber(ViewProgram.Body, ViewProgram.Options).ToHtml();

        var json = Regex.Match(html, "class=\"scrubber-frames\">(.*?)</script>", RegexOptions.Singleline).Groups[1].Value;
        Assert.DoesNotContain("</", json);
        Assert.DoesNotMatch(@"(?i)\b(src|href)\s*=", html);
        Assert.Single(Regex.Matches(html, "<style>"));
    }

    [Fact]
    public void A_long_run_is_cut_at_the_cap_and_the_caption_says_so()
    {
        var scrubber = Views.Scrubber(ViewProgram.Body, ViewProgram.Options, maxFrames: 5);

        Assert.True(scrubber.Truncated);
        Assert.Equal(5, scrubber.Frames.Count);
        Assert.Contains("Only the first 4 steps are kept", scrubber.Caption);
        Assert.Throws<ArgumentOutOfRangeException>(() => Views.Scrubber(ViewProgram.Body, ViewProgram.Options, maxFrames: Scrubber.MaxFrames + 1));
    }

    [Fact]
    public void The_first_frame_is_drawn_inline_so_it_shows_without_scripts()
    {
        var scrubber = Views.Scrubber(ViewProgram.Body, ViewProgram.Options);

        var html = Formatter.ToDisplayString(scrubber, "text/html");

        var inline = Regex.Match(html, "<div class=\"scrubber-frame\"[^>]*>(<svg .*?</svg>)</div>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Equal(FramesIn(html)[0], inline);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(scrubber.Caption), html);
    }
}
