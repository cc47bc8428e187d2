namespace Goroutines;

/// <summary>
/// One scheduler event: when, where (P, M, G), what, and the rule that fired, in one sentence.
/// P and M are -1 and G is 0 when the event has none.
/// </summary>
public sealed record TraceEvent(
    long Seq,
    long TimeNs,
    EventKind Kind,
    int P,
    int M,
    long G,
    long Arg,
    string Detail,
    string Reason,
    int GlobalQueue,
    int[] LocalQueues,
    int Threads)
{
    /// <summary>The event in one line, e.g. "  1.2µs P0 M0 G1  GoCreate  runnext: G2 …".</summary>
    public override string ToString()
    {
        var p = P < 0 ? "  " : "P" + P;
        var m = M < 0 ? "  " : "M" + M;
        var g = G == 0 ? "" : "G" + G;
        return $"{TimeNs / 1000.0,10:0.0}µs {p,-3} {m,-3} {g,-5} {Kind,-20} {Reason}";
    }
}
