using System;
using System.Collections.Generic;
using System.Linq;

namespace Goroutines.Workbook.Exercises;

/// <summary>
/// A property every run of a student's program must have (completes, leaks nothing, prints each value once, …).
/// Check returns null when the run has it, otherwise what went wrong, in one sentence.
/// </summary>
/// <param name="Name">What the property says, e.g. "completes without a deadlock".</param>
/// <param name="Check">(run, variant) → null, or what broke.</param>
public sealed record CodeProperty(string Name, Func<RunResult, int, string?> Check)
{
    /// <summary>main returns normally: no deadlock, no panic, no time-out.</summary>
    public static CodeProperty Completes { get; } = new("completes (no deadlock, panic or time-out)", (run, _) =>
        run.Outcome == Outcome.Completed ? null : $"the run ended in {run.Outcome}: {FirstLine(run.Message)}");

    /// <summary>No goroutine is still alive when main returns.</summary>
    public static CodeProperty NoLeakedGoroutines { get; } = new("leaks no goroutines", (run, _) =>
        run.Outcome != Outcome.Completed || run.Leaked.Count == 0 ? null
            : $"{run.Leaked.Count} goroutine(s) were still alive when main returned: {string.Join(", ", run.Leaked.Take(3))}");

    /// <summary>The output holds each expected line exactly once, in any order.</summary>
    public static CodeProperty PrintsEachOnce(Func<int, IEnumerable<string>> expected) => new("prints every value exactly once", (run, variant) =>
    {
        var want = expected(variant).ToList();
        var missing = want.Where(w => !run.Output.Contains(w)).ToList();
        var twice = run.Output.GroupBy(o => o).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        var extra = run.Output.Where(o => !want.Contains(o)).Distinct().ToList();
        if (missing.Count == 0 && twice.Count == 0 && extra.Count == 0)
            return null;
        var problems = new List<string>();
        if (missing.Count > 0) problems.Add($"never printed {string.Join(" ", missing.Take(10))}");
        if (twice.Count > 0) problems.Add($"printed {string.Join(" ", twice.Take(10))} more than once");
        if (extra.Count > 0) problems.Add($"printed {string.Join(" ", extra.Take(10))}, which is not expected");
        return $"the output was “{Short(run.OutputLine)}”: it {string.Join(", and ", problems)}";
    });

    /// <summary>The output is exactly these lines, in this order.</summary>
    public static CodeProperty PrintsExactly(Func<int, IEnumerable<string>> expected) => new("prints the expected lines in order", (run, variant) =>
    {
        var want = string.Join(" ", expected(variant));
        return run.OutputLine == want ? null : $"the output was “{Short(run.OutputLine)}”, not “{Short(want)}”";
    });

    /// <summary>The run ends within a virtual-time budget (Lockstep time, from its events).</summary>
    public static CodeProperty WithinVirtualTime(TimeSpan budget) => new($"finishes within {budget.TotalMicroseconds:0} µs of virtual time", (run, _) =>
    {
        var end = run.Events.Count == 0 ? 0 : run.Events[^1].TimeNs;
        return end <= budget.Ticks * 100 ? null : $"the run took {end / 1000.0:0.0} µs of virtual time, more than {budget.TotalMicroseconds:0} µs";
    });

    /// <summary>Every P ran at least one goroutine (the work used every processor).</summary>
    public static CodeProperty EveryPBusy { get; } = new("keeps every P busy", (run, _) =>
    {
        var idle = Enumerable.Range(0, run.Options.MaxProcs).Where(p => !run.Events.Any(e => e.Kind == EventKind.GoStart && e.P == p)).ToList();
        return idle.Count == 0 ? null : $"{string.Join(", ", idle.Select(p => $"P{p}"))} never ran a goroutine";
    });

    private static string FirstLine(string text) => text.Split('\n')[0].Trim();

    private static string Short(string text) => text.Length > 80 ? text[..80] + "…" : text;
}
