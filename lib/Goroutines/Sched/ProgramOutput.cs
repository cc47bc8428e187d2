using System.Collections.Generic;

namespace Goroutines;

/// <summary>What the program printed (its stdout), line by line: not scheduler state, so it has its own lock.</summary>
internal sealed class ProgramOutput
{
    private readonly List<string> lines = new();
    private readonly object gate = new();

    private bool closed;

    /// <summary>A line printed; after Close (the run ended: in Go the process has exited) it is dropped.</summary>
    internal void Add(string line)
    {
        lock (gate)
            if (!closed) lines.Add(line);
    }

    /// <summary>The run has ended: goroutines still running on their threads print nothing more.</summary>
    internal void Close()
    {
        lock (gate) closed = true;
    }

    /// <summary>A copy of the lines so far.</summary>
    internal IReadOnlyList<string> SoFar()
    {
        lock (gate) return lines.ToArray();
    }
}
