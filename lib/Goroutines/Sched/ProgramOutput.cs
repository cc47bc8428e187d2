using System.Collections.Generic;

namespace Goroutines;

/// <summary>What the program printed (its stdout), line by line: not scheduler state, so it has its own lock.</summary>
internal sealed class ProgramOutput
{
    private readonly List<string> lines = new();
    private readonly object gate = new();

    internal void Add(string line)
    {
        lock (gate) lines.Add(line);
    }

    /// <summary>A copy of the lines so far.</summary>
    internal IReadOnlyList<string> SoFar()
    {
        lock (gate) return lines.ToArray();
    }
}
