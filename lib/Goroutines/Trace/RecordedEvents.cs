using System;
using System.Collections;
using System.Collections.Generic;

namespace Goroutines;

/// <summary>
/// A run's kept events from `from` on, read from the Tracer's merged records: each TraceEvent is made when it
/// is read, so a run of millions of events costs nothing until someone looks.
/// </summary>
internal sealed class RecordedEvents(Tracer tracer, long[] order, long[] times, EventBuffer[] buffers, int from, int count) : IReadOnlyList<TraceEvent>
{
    public int Count => count;

    public TraceEvent this[int i] =>
        (uint)i < (uint)count ? tracer.At(order, times, buffers, from + i) : throw new ArgumentOutOfRangeException(nameof(i), i, $"there are {count} events");

    public IEnumerator<TraceEvent> GetEnumerator()
    {
        for (var i = 0; i < count; i++) yield return tracer.At(order, times, buffers, from + i);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
