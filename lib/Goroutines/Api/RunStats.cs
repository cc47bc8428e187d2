namespace Goroutines;

/// <summary>Counters of one run.</summary>
public sealed record RunStats(
    int MaxProcs,
    long GoroutinesCreated,
    int GStructs,
    int ThreadsCreated,
    int PeakThreads,
    long ContextSwitches,
    long Steals,
    long StolenGoroutines,
    long GlobalQueueOverflows,
    long Preemptions,
    long SyscallRetakes,
    long Events,
    StateTimes? TimeInState);   // null when events were not recorded, or some were dropped
