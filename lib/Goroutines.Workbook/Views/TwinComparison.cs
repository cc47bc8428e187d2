using System;
using System.Collections.Generic;

namespace Goroutines.Workbook;

/// <summary>
/// Compares two runs' event streams step by step on what a scheduler decision is — event kind, G, P, M, argument,
/// detail and the rule that fired — not on timestamps, and narrates the first step where they differ.
/// </summary>
internal static class TwinComparison
{
    /// <summary>The first step where the two streams differ, or null when every step is the same decision.</summary>
    public static TwinDifference? FirstDifference(IReadOnlyList<TraceEvent> a, IReadOnlyList<TraceEvent> b, string labelA, string labelB)
    {
        var steps = Math.Max(a.Count, b.Count);
        for (var i = 0; i < steps; i++)
        {
            var ea = i < a.Count ? a[i] : null;
            var eb = i < b.Count ? b[i] : null;
            if (ea != null && eb != null && (SameDecision(ea, eb) || RestatesOptions(i, ea, eb)))
                continue;
            return new TwinDifference(i, ea, eb, $"step {i}: {labelA}, {Narrate(ea)}; {labelB}, {Narrate(eb)}.");
        }
        return null;
    }

    /// <summary>The same decision: same kind, G, P, M, argument, detail and rule (times may differ).</summary>
    public static bool SameDecision(TraceEvent a, TraceEvent b) =>
        a.Kind == b.Kind && a.G == b.G && a.P == b.P && a.M == b.M && a.Arg == b.Arg
        && a.Detail == b.Detail && a.Reason == b.Reason;

    /// <summary>
    /// The run's first event, procresize setting GOMAXPROCS from RunOptions.MaxProcs, only restates the options: with
    /// MaxProcs as the knob it always differs, so it is compared by kind only and the first real decision is found.
    /// </summary>
    public static bool RestatesOptions(int step, TraceEvent a, TraceEvent b) =>
        step == 0 && a.Kind == EventKind.ProcsChange && b.Kind == EventKind.ProcsChange;

    /// <summary>One event as a clause: its rule, then what and where ("P1 stole 1 G … (RunqSteal of G5 on P1)").</summary>
    public static string Narrate(TraceEvent? e)
    {
        if (e == null)
            return "the run had already ended";
        var rule = e.Reason.Length > 0 ? e.Reason : e.Detail;
        var what = e.Kind + (e.G > 0 ? $" of G{e.G}" : "") + (e.P >= 0 ? $" on P{e.P}" : e.M >= 0 ? $" on M{e.M}, without a P" : "");
        return rule.Length > 0 ? $"{rule} ({what})" : what;
    }
}
