namespace Goroutines;

/// <summary>
/// Counts kept per P and written only by the M that holds it, so that two Ms never bump one shared
/// counter on every spawn and switch. Go keeps no such counts: its gcount derives the number of
/// goroutines from allgs and the free lists; the model counts instead, because it reports more.
/// </summary>
internal struct PCounters
{
    internal long created;     // user goroutines created (newproc)
    internal long exited;      // user goroutines that returned (goexit0)
    internal long switches;    // goroutines started (execute), RunStats.ContextSwitches

    internal void Add(in PCounters other)
    {
        created += other.created;
        exited += other.exited;
        switches += other.switches;
    }
}
