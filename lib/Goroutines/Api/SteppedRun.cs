using System;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace Goroutines;

/// <summary>
/// A Lockstep run that moves only when asked: Runtime.Start returns it paused at its first step.
/// Each Step lets the scheduler go on until at least one more event has happened, then pauses it
/// where the whole state can be looked at (Snapshot). Dispose stops the run and joins every M.
/// </summary>
public sealed class SteppedRun : IDisposable
{
    private readonly Sched sched;
    private readonly StepGate gate = new();
    private RunResult? result;
    private int seen;

    internal SteppedRun(Func<Task> main, RunOptions options)
    {
        sched = new Sched(options) { stepGate = gate };
        sched.Launch(main);
        Settle(gate.WaitForPause(options.Timeout));
        seen = sched.trace.Kept;   // Step returns what happens from here on
    }

    /// <summary>The run has ended (Result holds how).</summary>
    public bool Ended => sched.stopping;

    /// <summary>How the run ended, once it has (after Step reaches the end, or RunToEnd).</summary>
    public RunResult? Result => Ended ? Finish() : null;

    /// <summary>Every event so far.</summary>
    public IReadOnlyList<TraceEvent> Events => sched.trace.Events();

    /// <summary>What the run has printed so far.</summary>
    public IReadOnlyList<string> Output => sched.output.SoFar();

    /// <summary>The reason of the last event: the rule that fired last.</summary>
    public string Reason => sched.trace.Last?.Reason ?? "";

    /// <summary>The whole scheduler, as it is now (exact: the run is paused).</summary>
    public Snapshot Snapshot => sched.TakeSnapshot();

    /// <summary>One step: runs until at least one more event has happened. Returns the new events.</summary>
    public IReadOnlyList<TraceEvent> Step() => Step(1);

    /// <summary>Runs until at least n more events have happened. Returns the new events.</summary>
    public IReadOnlyList<TraceEvent> Step(int n)
    {
        if (n < 1) throw new BadArgumentException(nameof(n), n, "Step(n) needs n ≥ 1.");
        if (!Ended) Settle(gate.Advance(sched.trace.Count + n, sched.options.Timeout));
        return TakeNew();
    }

    /// <summary>Steps until an event matches the predicate (or the run ends, or maxSteps pass). Returns the events on the way.</summary>
    public IReadOnlyList<TraceEvent> StepUntil(Func<TraceEvent, bool> predicate, int maxSteps = 100_000)
    {
        if (predicate == null) throw new ArgumentNullException(nameof(predicate), "Pass what to stop at, e.g. StepUntil(e => e.Kind == EventKind.RunqSteal).");
        var all = new List<TraceEvent>();
        for (var i = 0; i < maxSteps && !Ended; i++)
        {
            var step = Step();
            all.AddRange(step);
            foreach (var e in step)
                if (predicate(e)) return all;
        }
        return all;
    }

    /// <summary>Steps until an event of this kind happens (or the run ends, or maxSteps pass). Returns the events on the way.</summary>
    public IReadOnlyList<TraceEvent> StepUntil(EventKind kind, int maxSteps = 100_000) => StepUntil(e => e.Kind == kind, maxSteps);

    /// <summary>Lets the run go on without pausing until it ends.</summary>
    public RunResult RunToEnd()
    {
        gate.Off();
        if (!sched.WaitEnd(sched.options.Timeout)) sched.Finish(Outcome.TimedOut, "the run did not end within RunOptions.Timeout after RunToEnd().");
        return Finish();
    }

    /// <summary>
    /// A stepped run nobody disposed (a notebook cell re-run replaces the variable) is stopped when it is
    /// collected, so its M threads do not wait for a step forever.
    /// </summary>
    ~SteppedRun()
    {
        if (!sched.stopping) sched.Finish(Outcome.TimedOut, "the stepped run was never disposed; it was stopped when it was garbage-collected.");
        gate.Off();
    }

    /// <summary>Stops the run wherever it is and joins every M thread.</summary>
    public void Dispose()
    {
        GC.SuppressFinalize(this);
        if (!Ended) sched.Finish(Outcome.TimedOut, "the stepped run was stopped (disposed) before it ended.");
        gate.Off();
        Finish();
    }

    private IReadOnlyList<TraceEvent> TakeNew()
    {
        var fresh = sched.trace.EventsFrom(seen);
        seen += fresh.Count;
        return fresh;
    }

    private void Settle(bool pausedInTime)
    {
        if (!pausedInTime)
            sched.Finish(Outcome.TimedOut, $"a step did not finish within RunOptions.Timeout ({sched.options.Timeout.TotalSeconds:0.###} s of wall time): a goroutine may be running without reaching a safe point.");
        if (Ended) Finish();
    }

    private RunResult Finish()
    {
        lock (gate) return result ??= sched.Complete();
    }
}
