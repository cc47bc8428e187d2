using System;
using System.Linq;
using System.Reflection;

namespace Goroutines.Workbook;

/// <summary>
/// Which options two twin runs differ in, said as a student would ("with 2 Ps", "with no async preemption"),
/// and the checks that keep a twin a fair comparison: Lockstep, events recorded, the same seed.
/// </summary>
internal static class TwinKnob
{
    private static readonly PropertyInfo[] Options =
        typeof(RunOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance).OrderBy(p => p.MetadataToken).ToArray();

    /// <summary>The labels of two runs with the same options.</summary>
    public const string SameA = "in the first run", SameB = "in the second run";

    /// <summary>The label of each side, from the options that differ ("the first run" / "the second run" when none does).</summary>
    public static (string A, string B) Labels(RunOptions a, RunOptions b)
    {
        var changed = Options.Where(p => !Equals(p.GetValue(a), p.GetValue(b))).ToList();
        if (changed.Count == 0)
            return (SameA, SameB);
        return ("with " + string.Join(" and ", changed.Select(p => Say(p, a))),
                "with " + string.Join(" and ", changed.Select(p => Say(p, b))));
    }

    // One option's value as words: "2 Ps", "async preemption" / "no async preemption", "CallCost = 00:00:00.0000001".
    private static string Say(PropertyInfo option, RunOptions options)
    {
        var value = option.GetValue(options);
        return option.Name switch
        {
            nameof(RunOptions.MaxProcs) => $"{value} P{((int)value! == 1 ? "" : "s")}",
            nameof(RunOptions.AsyncPreemption) => (bool)value! ? "async preemption" : "no async preemption",
            _ when value is bool on => $"{option.Name} {(on ? "on" : "off")}",
            _ => $"{option.Name} = {value}",
        };
    }

    /// <summary>Throws, saying what to do, unless both runs are Lockstep runs with the same seed that record events.</summary>
    public static void CheckFair(RunOptions a, RunOptions b, string changedBy)
    {
        foreach (var (options, which) in new[] { (a, "options"), (b, changedBy) })
        {
            if (!options.Lockstep)
                throw new BadArgumentException(which, options.Lockstep,
                    "Views.Twin compares two runs on the Lockstep clock only: there the same seed gives the same schedule, so any difference is the knob's. "
                    + "In Parallel mode two runs differ even with nothing changed. Use e.g. new RunOptions { Lockstep = true, Seed = 7, MaxProcs = 2 }.");
            if (!options.RecordEvents)
                throw new BadArgumentException(which, options.RecordEvents,
                    "Views.Twin compares the runs' events: leave RecordEvents on (true).");
        }
        if (a.Seed != b.Seed)
            throw new BadArgumentException(changedBy, b.Seed,
                $"Twin runs keep the same seed ({a.Seed}), so the one option you change is the only cause of a difference. Change another option, not Seed.");
    }
}
