using System;
using System.Collections.Generic;

namespace Goroutines;

/// <summary>What a run did: what it printed, how it ended, and everything the scheduler recorded.</summary>
public sealed class RunResult
{
    internal RunResult(
        IReadOnlyList<string> output, Outcome outcome, string message, IReadOnlyList<TraceEvent> events,
        long droppedEvents, IReadOnlyList<string> leaked, RunStats stats, RunOptions options, TimeSpan elapsed, int threadsLeft)
    {
        Output = output;
        Outcome = outcome;
        Message = message;
        Events = events;
        DroppedEvents = droppedEvents;
        Leaked = leaked;
        Stats = stats;
        Options = options;
        Elapsed = elapsed;
        ThreadsLeft = threadsLeft;
    }

    /// <summary>Every line printed with Println, in order.</summary>
    public IReadOnlyList<string> Output { get; }

    /// <summary>Completed, Deadlock, Panic or TimedOut.</summary>
    public Outcome Outcome { get; }

    /// <summary>Go's text for a deadlock or panic, a report for a time-out, then any Warnings; empty when Completed (see Warnings).</summary>
    public string Message { get; }

    /// <summary>The scheduler events, each with the rule that fired (empty if RecordEvents was off).</summary>
    public IReadOnlyList<TraceEvent> Events { get; }

    /// <summary>Events not kept because MaxEvents was reached.</summary>
    public long DroppedEvents { get; }

    /// <summary>Goroutines still alive when main returned, as Go's traceback headers ("goroutine 7 [chan receive]:").</summary>
    public IReadOnlyList<string> Leaked { get; }

    /// <summary>Counters: threads, steals, context switches, …</summary>
    public RunStats Stats { get; }

    /// <summary>The options the run used.</summary>
    public RunOptions Options { get; }

    /// <summary>Wall-clock time of the run.</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>M threads still running after the run (0 unless a goroutine never reached a safe point).</summary>
    public int ThreadsLeft { get; }

    /// <summary>
    /// Mistakes the run survived but that change what it means: an operation created and never awaited
    /// (a forgotten `await`), a goroutine that could not be preempted (Thread.Sleep, a loop that calls
    /// nothing), a thread that had to be abandoned. Also at the end of Message. Empty when all is well.
    /// </summary>
    public IReadOnlyList<string> Warnings { get; internal init; } = [];

    /// <summary>The output joined with spaces, e.g. "9 0 1 2 3 4 5 6 7 8".</summary>
    public string OutputLine => string.Join(" ", Output);

    public override string ToString() =>
        Outcome == Outcome.Completed
            ? $"Completed in {Elapsed.TotalMilliseconds:0.#} ms: {OutputLine}" + (Warnings.Count > 0 ? "\n" + string.Join("\n", Warnings) : "")
            : $"{Outcome}: {Message}";
}
