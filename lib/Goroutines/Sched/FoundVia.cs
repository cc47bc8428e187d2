namespace Goroutines;

/// <summary>Where findRunnable found the G an M runs next: the rule behind a GoStart event.</summary>
internal enum FoundVia
{
    None,
    Runnext,
    LocalQueue,
    GlobalQueue,
    GlobalFairness,
    Steal,
    Netpoll,
    Handoff,
    Start,
    Locked,
}
