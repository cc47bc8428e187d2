using System;
using System.Net;
using System.Text;
using Goroutines.Workbook.Formatting;
using Goroutines.Workbook.Plotting;
using Plotly.NET;

namespace Goroutines.Workbook;

/// <summary>
/// Twin runs: one program run twice on the Lockstep clock with the same seed and one knob changed, compared step by
/// step. FirstDifference is the first scheduler decision where they part (null when none does), Sentence narrates it,
/// and the notebook shows both runs' per-P timelines one above the other on one time axis, the difference marked.
/// </summary>
public sealed class Twin
{
    // How many events either side of the first difference the table under the chart shows.
    private const int Context = 3;

    private GenericChart? timelines;

    internal Twin(RunResult a, RunResult b, string labelA, string labelB, ChartClock clock)
    {
        A = a;
        B = b;
        LabelA = labelA;
        LabelB = labelB;
        Clock = clock;
        FirstDifference = TwinComparison.FirstDifference(a.Events, b.Events, labelA, labelB);
        Sentence = FirstDifference?.Sentence ?? NoDifference();
        WorkbookFormatters.EnsureRegistered();
    }

    /// <summary>The first run (drawn on top).</summary>
    public RunResult A { get; }

    /// <summary>The second run, with the knob changed (drawn below).</summary>
    public RunResult B { get; }

    /// <summary>What the first run is, as the sentence says it: "with 2 Ps".</summary>
    public string LabelA { get; }

    /// <summary>What the second run is: "with 1 P".</summary>
    public string LabelB { get; }

    /// <summary>What the timelines' x axis counts.</summary>
    public ChartClock Clock { get; }

    /// <summary>The first scheduler decision where the runs differ; null when they made the same decisions throughout.</summary>
    public TwinDifference? FirstDifference { get; }

    /// <summary>The runs differ somewhere.</summary>
    public bool Differs => FirstDifference != null;

    /// <summary>The comparison in one sentence, naming both sides, or that there is no difference.</summary>
    public string Sentence { get; }

    /// <summary>Both runs' per-P timelines, one above the other on one x axis, with the first difference marked.</summary>
    public GenericChart Timelines => timelines ??= Charts.TwinTimeline(this);

    /// <summary>The sentence, the two timelines, and the events around the first difference side by side.</summary>
    public string ToHtml()
    {
        var html = new StringBuilder();
        var step = FirstDifference?.Step.ToString() ?? "none";
        html.Append($"<div class=\"goroutines-twin\" data-first-difference=\"{step}\" style=\"margin-bottom:16px\">\n");
        html.Append("<p class=\"twin-sentence\" style=\"font-weight:bold;margin:4px 0\">").Append(WebUtility.HtmlEncode(Sentence)).Append("</p>\n");
        html.Append(ChartHtml.Shared.Render(Timelines)).Append('\n');
        html.Append(EventTable());
        html.Append("</div>");
        return html.ToString();
    }

    /// <summary>The sentence and the step of the first difference.</summary>
    public override string ToString() => $"Twin runs {LabelA} / {LabelB}: {Sentence}";

    private string NoDifference()
    {
        var note = A.DroppedEvents > 0 || B.DroppedEvents > 0 ? " (in the events recorded; some were dropped: raise MaxEvents)" : "";
        var same = A.Options == B.Options && LabelA == TwinKnob.SameA
            ? "the same program with the same options and seed"
            : $"{LabelA} and {LabelB}";
        return $"no difference: {same}, the two runs made the same {A.Events.Count} scheduler decisions, step for step{note}.";
    }

    // The events around the first difference, run A's beside run B's, the differing row marked: readable without scripts.
    private string EventTable()
    {
        if (FirstDifference is not { } d)
            return "";
        var html = new StringBuilder();
        html.Append("<table class=\"twin-events\" style=\"font-family:monospace;font-size:12px;border-collapse:collapse;margin:6px 0\">\n");
        html.Append($"<tr><th style=\"text-align:left;padding:2px 8px\">step</th><th style=\"text-align:left;padding:2px 8px\">{WebUtility.HtmlEncode(LabelA)}</th><th style=\"text-align:left;padding:2px 8px\">{WebUtility.HtmlEncode(LabelB)}</th></tr>\n");
        for (var i = Math.Max(0, d.Step - Context); i <= d.Step + Context; i++)
        {
            var a = i < A.Events.Count ? A.Events[i] : null;
            var b = i < B.Events.Count ? B.Events[i] : null;
            if (a == null && b == null)
                break;
            var mark = i == d.Step ? " class=\"twin-first-difference\" style=\"background:#FFE9A8;font-weight:bold\"" : "";
            html.Append($"<tr{mark}><td style=\"padding:2px 8px\">{i}</td><td style=\"padding:2px 8px\">{Cell(a)}</td><td style=\"padding:2px 8px\">{Cell(b)}</td></tr>\n");
        }
        html.Append("</table>\n");
        return html.ToString();
    }

    private static string Cell(TraceEvent? e) => WebUtility.HtmlEncode(TwinComparison.Narrate(e));
}
