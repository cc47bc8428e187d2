using System;
using System.Threading;

namespace Goroutines;

/// <summary>
/// One thread's events, in the order it recorded them (so in Seq order): written by that thread only,
/// without a lock, like a Go P's trace buffer. Chunks of 1,024 records (57 KB, under the large-object
/// heap) so nothing is copied as it grows; readers see records up to Count, published after each write.
/// </summary>
internal sealed class EventBuffer
{
    internal const int ChunkSize = 1024;

    private EventRecord[][] chunks = new EventRecord[4][];
    private int count;
    private int[] spilled = [];   // queue lengths of events with more Ps than QueueLengths.Packable
    private int spilledCount;
    internal readonly long[] PerKind = new long[Enum.GetValues<EventKind>().Length];

    internal EventBuffer(Tracer owner) { Owner = owner; }

    internal Tracer Owner { get; }

    // Cache of the last text interned from this thread: the same constant string comes again and again.
    internal string? LastText;
    internal int LastTextId;

    internal int Count => Volatile.Read(ref count);

    internal ref EventRecord this[int i] => ref chunks[i / ChunkSize][i % ChunkSize];

    /// <summary>The slot for the next record; Publish makes it visible.</summary>
    internal ref EventRecord Next()
    {
        var c = count / ChunkSize;
        if (c == chunks.Length) Array.Resize(ref chunks, c * 2);
        chunks[c] ??= new EventRecord[ChunkSize];
        return ref chunks[c][count % ChunkSize];
    }

    internal void Publish() => Volatile.Write(ref count, count + 1);

    /// <summary>Keeps the lengths of every P's queue for an event with many Ps; returns where they are.</summary>
    internal ulong Spill(P[] ps)
    {
        if (spilledCount + ps.Length > spilled.Length) Array.Resize(ref spilled, Math.Max(1024, spilled.Length * 2 + ps.Length));
        var at = spilledCount;
        for (var i = 0; i < ps.Length; i++) spilled[at + i] = QueueLengths.Clamp(ps[i].RunqLen());
        spilledCount += ps.Length;
        return QueueLengths.Spilled | (uint)at;
    }

    internal int[] Unspill(ulong w, int n) => spilled.AsSpan((int)(w & ~QueueLengths.Spilled), n).ToArray();
}
