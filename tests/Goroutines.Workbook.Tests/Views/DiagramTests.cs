using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.DotNet.Interactive.Formatting;
using static Goroutines.Runtime;

namespace Goroutines.Workbook.Tests.GmpViews;

/// <summary>The G-M-P diagram: an SVG with a box per P, a box per M, a token per goroutine where it is, and the last step's reason.</summary>
public class DiagramTests
{
    private static readonly XNamespace SvgNs = "http://www.w3.org/2000/svg";

    private static XElement Parse(string svg) => XElement.Parse(svg);

    // Every tooltip (title) of the elements with the given class word.
    private static List<string> Titles(XElement svg, string cls) =>
        svg.Descendants(SvgNs + "g").Where(g => ((string?)g.Attribute("class") ?? "").Split(' ').Contains(cls))
            .Select(g => (string)g.Element(SvgNs + "title")!).ToList();

    private static Snapshot PausedWithQueues(SteppedRun run)
    {
        run.StepUntil(e => e.Kind == EventKind.GoCreate && e.G == 19);
        return run.Snapshot;
    }

    [Fact]
    public void The_svg_has_a_box_per_P_and_per_M_and_a_token_for_every_queued_and_running_goroutine()
    {
        using var run = Start(ViewProgram.Body, ViewProgram.Options);
        var snap = PausedWithQueues(run);

        var svg = Parse(Views.Diagram(snap).Svg);

        var ps = Titles(svg, "p");
        Assert.Equal(snap.Ps.Count, ps.Count);
        Assert.All(snap.Ps, p => Assert.Contains(ps, t => t.StartsWith($"P{p.Id}:", StringComparison.Ordinal)));
        var ms = Titles(svg, "m");
        Assert.Equal(snap.Ms.Count, ms.Count);
        Assert.All(snap.Ms, m => Assert.Contains(ms, t => t.StartsWith($"M{m.Id}", StringComparison.Ordinal)));
        var tokens = Titles(svg, "tk");
        foreach (var p in snap.Ps)
        {
            foreach (var g in p.Queue.Take(8)) Assert.Contains($"G{g} · runnable", tokens);
            if (p.Runnext is { } next) Assert.Contains($"G{next} · runnable", tokens);
            if (p.Running is { } running) Assert.Contains($"G{running} · running", tokens);
        }
        Assert.Contains(snap.Reason, string.Concat(svg.Descendants(SvgNs + "text").Select(t => t.Value + " ")).Replace("  ", " "), StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_queue_shows_its_first_eight_slots_then_how_many_more()
    {
        using var run = Start(ViewProgram.Body, new RunOptions { MaxProcs = 1, Seed = 7 });
        var snap = PausedWithQueues(run);
        var p0 = snap.Ps[0];
        Assert.True(p0.Queue.Count > 8, $"P0 has only {p0.Queue.Count} queued");

        var svg = Views.Diagram(snap).Svg;

        Assert.Contains($"+{p0.Queue.Count - 8} more", svg);
        Assert.Contains($"G{p0.Queue[7]} · runnable", svg);
        Assert.DoesNotContain($"<title>G{p0.Queue[8]} · runnable", svg);
    }

    [Fact]
    public void Syscall_waiting_idle_and_sysmon_threads_are_drawn_with_their_state()
    {
        using var run = Start(ViewProgram.Body, ViewProgram.Options);
        run.StepUntil(e => e.Kind == EventKind.GoSyscallBegin);
        var snap = run.Snapshot;

        var svg = Views.Diagram(snap).Svg;

        var inSyscall = snap.Gs.Single(g => g.Status == GStatus.Syscall);
        Assert.Contains($"G{inSyscall.Id} · in syscall", svg);
        Assert.Contains("<polygon", svg); // the syscall shape, not only its colour
        Assert.Contains("sysmon", svg);
        Assert.Contains($"G{snap.Gs.First(g => g.Status == GStatus.Waiting).Id} · waiting", svg);
    }

    [Fact]
    public void Each_status_has_its_own_shape_and_colour_in_the_legend()
    {
        using var run = Start(ViewProgram.Body, ViewProgram.Options);

        var svg = Views.Diagram(run).Svg;

        foreach (var (cls, name) in new[] { ("g-run", "running"), ("g-rbl", "runnable"), ("g-wait", "waiting"), ("g-sys", "in syscall") })
        {
            Assert.Contains($"<g class=\"tk {cls}\"><title>{name}</title>", svg);
            Assert.Matches($@"\.gmp \.{cls} (rect|polygon)\{{fill:#[0-9A-F]{{6}}", svg);
        }
        Assert.Contains("stroke-dasharray:4 2", svg); // waiting: dashed
        Assert.Contains("stroke-width:2.5", svg); // running: bold
    }

    [Fact]
    public void The_same_snapshot_gives_the_same_svg_and_the_same_seed_the_same_picture()
    {
        using var a = Start(ViewProgram.Body, ViewProgram.Options);
        using var b = Start(ViewProgram.Body, ViewProgram.Options);

        var first = Views.Diagram(PausedWithQueues(a)).Svg;
        var again = Views.Diagram(a.Snapshot).Svg;
        var other = Views.Diagram(PausedWithQueues(b)).Svg;

        Assert.Equal(first, again);
        Assert.Equal(first, other);
    }

    [Fact]
    public void The_svg_has_a_title_a_description_and_an_aria_label()
    {
        using var run = Start(ViewProgram.Body, ViewProgram.Options);

        var svg = Parse(Views.Diagram(run, "the start").Svg);

        Assert.Equal("img", (string?)svg.Attribute("role"));
        Assert.StartsWith("the start. ", (string?)svg.Attribute("aria-label"));
        Assert.Equal("the start", (string?)svg.Element(SvgNs + "title"));
        Assert.Contains("Last step:", (string?)svg.Element(SvgNs + "desc"));
    }

    [Fact]
    public void A_diagram_formats_as_html_holding_its_svg()
    {
        using var run = Start(ViewProgram.Body, ViewProgram.Options);
        var diagram = Views.Diagram(run);

        var html = Formatter.ToDisplayString(diagram, "text/html");

        Assert.StartsWith("<div class=\"goroutines-diagram\"", html);
        Assert.Contains(diagram.Svg, html);
        Assert.Single(Regex.Matches(html, "<svg "));
    }
}
