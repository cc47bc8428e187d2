using System.Runtime.InteropServices;

namespace Goroutines;

/// <summary>
/// One event as it is recorded: 56 bytes, no references, nothing formatted. Its sentence and its
/// queue lengths are made only when someone reads it (TraceEvent.Reason, .LocalQueues), as Go's
/// execution tracer writes compact binary events and leaves the text to `go tool trace`.
/// What A and B hold depends on the reason (a G id, a count, a duration, an interned text).
/// </summary>
[StructLayout(LayoutKind.Sequential, Pack = 8)]
internal struct EventRecord
{
    internal long Seq;          // order among all threads' events (one counter, like Go's trace sequence numbers)
    internal long TimeNs;
    internal long A;            // the reason's first argument
    internal ulong Queues;      // every P's local queue length, packed (QueueLengths)
    internal int G;             // 0 when the event has no goroutine
    internal int Arg;           // TraceEvent.Arg
    internal int B;             // the reason's second argument
    internal int GlobalQueue;
    internal short P;           // -1 when none
    internal short M;           // -1 when none
    internal ushort Threads;
    internal byte Reason;       // Reason.Id: which sentence, and the event's kind
    internal byte Procs;        // how many Ps there were, minus one (LocalQueues' length)
}
