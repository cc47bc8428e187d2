using System.Collections.Generic;

namespace Goroutines;

/// <summary>
/// Mistakes a run survives but a student should hear about: a library operation created and never
/// awaited, a goroutine that could not be preempted, a thread that had to be abandoned. Each is said
/// once; at most MaxWarnings are kept.
/// </summary>
internal sealed class RunWarnings
{
    internal const int MaxWarnings = 20;
    private readonly object gate = new();
    private readonly List<string> list = [];
    private readonly HashSet<string> keys = [];
    private int dropped;

    /// <summary>Adds a warning, unless one with the same key was added already.</summary>
    internal void Add(string key, string text)
    {
        lock (gate)
        {
            if (!keys.Add(key)) return;
            if (list.Count < MaxWarnings) list.Add(text);
            else dropped++;
        }
    }

    /// <summary>Every warning, in order, with a last line for those not kept.</summary>
    internal IReadOnlyList<string> ToList()
    {
        lock (gate)
        {
            var all = new List<string>(list);
            if (dropped > 0) all.Add($"… and {dropped} more warning{(dropped == 1 ? "" : "s")} like these.");
            return all;
        }
    }
}
