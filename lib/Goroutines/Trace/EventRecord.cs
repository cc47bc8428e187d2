namespace Goroutines;

/// <summary>
/// One event's numbers, as the scheduler hands them to the recorder and as a reader gets them back: nothing
/// formatted. Its sentence (Reason) is made from these only when someone reads it, as Go's execution tracer
/// records compact events and leaves the text to `go tool trace`. What A and B hold depends on the reason
/// (a G id, a count, a duration, an interned text). Each P's queue length is kept beside it by the buffer.
/// </summary>
internal struct EventRecord
{
    internal long Seq;          // order among all threads' events (one counter, like Go's trace sequence numbers)
    internal long TimeNs;
    internal long A;            // the reason's first argument
    internal long G;            // 0 when the event has no goroutine
    internal long Arg;          // TraceEvent.Arg
    internal long B;            // the reason's second argument
    internal int GlobalQueue;
    internal int P;             // -1 when none
    internal int M;             // -1 when none
    internal int Threads;
    internal int Procs;         // how many Ps there were (LocalQueues' length)
    internal byte Reason;       // Reason.Id: which sentence, and the event's kind
}
