using System;
using System.Collections.Generic;
using System.Threading;

namespace Goroutines;

/// <summary>
/// Go's allgs: every G ever made, never shrinking. Kept in chunks of 4,096 so that a million
/// goroutines never grow one array onto .NET's large-object heap, where each regrowth would be
/// copied and then freed only by a full collection.
/// </summary>
internal sealed class AllGList
{
    private const int ChunkSize = 4096;            // 32 KB: below the 85 KB large-object threshold
    private readonly Lock gate = new();            // Go's allglock
    private G[][] chunks = [];
    private int count;

    internal int Count
    {
        get { lock (gate) return count; }
    }

    /// <summary>Go's allgadd.</summary>
    internal void Add(G gp)
    {
        lock (gate)
        {
            var i = count / ChunkSize;
            if (i == chunks.Length) Array.Resize(ref chunks, Math.Max(4, chunks.Length * 2));
            (chunks[i] ??= new G[ChunkSize])[count % ChunkSize] = gp;
            count++;
        }
    }

    /// <summary>The Gs made so far, oldest first; Gs made while it is read are left out (Go's forEachG).</summary>
    internal IEnumerable<G> Snapshot()
    {
        G[][] cs;
        int n;
        lock (gate)
        {
            cs = chunks;
            n = count;
        }
        for (var i = 0; i < n; i++) yield return cs[i / ChunkSize][i % ChunkSize];
    }
}
