using System;
using System.Collections.Generic;
using Goroutines.Workbook.Formatting;

namespace Goroutines.Workbook;

/// <summary>
/// Steps a paused Lockstep run (Runtime.Start) and returns the G-M-P picture after each step, with the reason
/// for it as the caption: in a notebook, each cell that calls Step() shows the next moment of the run.
/// </summary>
public sealed class Stepper
{
    private readonly SteppedRun run;
    private IReadOnlyList<TraceEvent> last = [];
    private string? found;   // what the last call found: the event it stopped at, or that none came

    internal Stepper(SteppedRun run)
    {
        this.run = run ?? throw new ArgumentNullException(nameof(run), "Views.Stepper needs a run from Runtime.Start(main, options).");
        WorkbookFormatters.EnsureRegistered();
    }

    /// <summary>Steps taken through this stepper so far.</summary>
    public int Steps { get; private set; }

    /// <summary>The run has ended: further steps show the last picture.</summary>
    public bool Ended => run.Ended;

    /// <summary>The picture now, without stepping.</summary>
    public GmpDiagram Current => Views.AfterStep(run.Snapshot, Title(), last);

    /// <summary>One step (at least one more scheduler event), then the picture.</summary>
    public GmpDiagram Step() => Step(1);

    /// <summary>n steps, then the picture. Once the run has ended, the picture says there is nothing more to step.</summary>
    public GmpDiagram Step(int n)
    {
        if (n < 1) throw new BadArgumentException(nameof(n), n, "Step(n) needs n ≥ 1.");
        if (run.Ended)
        {
            found = "nothing more to step";
            last = [];
            return Current;
        }
        found = null;
        for (var i = 0; i < n && !run.Ended; i++)
        {
            last = run.Step();
            Steps++;
        }
        return Current;
    }

    /// <summary>Steps until an event of this kind happens (or the run ends), then the picture; its title names the event.</summary>
    public GmpDiagram StepUntil(EventKind kind, int maxSteps = 100_000) => StepUntil(e => e.Kind == kind, kind.ToString(), maxSteps);

    /// <summary>Steps until an event matches (or the run ends), then the picture.</summary>
    public GmpDiagram StepUntil(Func<TraceEvent, bool> predicate, int maxSteps = 100_000) =>
        StepUntil(predicate, "event matching the condition", maxSteps);

    /// <summary>
    /// Steps until an event matches (or the run ends, or maxSteps pass), then the picture. Its title names
    /// the event it stopped at, or says that no such event came ("no GoSyscallBegin after step 12; the run
    /// ended at step 45"); sought names what the predicate looks for.
    /// </summary>
    public GmpDiagram StepUntil(Func<TraceEvent, bool> predicate, string sought, int maxSteps = 100_000)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        ArgumentException.ThrowIfNullOrWhiteSpace(sought);
        var from = Steps;
        for (var i = 0; i < maxSteps && !run.Ended; i++)
        {
            Steps++;
            last = run.Step();
            foreach (var e in last)
            {
                if (!predicate(e)) continue;
                found = "stopped at " + Describe(e);
                return Current;
            }
        }
        found = run.Ended
            ? $"no {sought} after step {from}; the run ended at step {Steps}"
            : $"no {sought} in {maxSteps} steps after step {from}";
        return Current;
    }

    /// <summary>An event as the title names it: "GoSyscallBegin on P1 (G6)".</summary>
    private static string Describe(TraceEvent e) =>
        e.Kind + (e.P >= 0 ? $" on P{e.P}" : " without a P") + (e.G > 0 ? $" (G{e.G})" : "");

    private string Title()
    {
        var title = $"G-M-P after step {Steps}";
        if (found != null) title += ": " + found;
        if (run.Ended && found?.Contains("the run ended", StringComparison.Ordinal) != true) title += (found == null ? ": " : "; ") + "the run has ended";
        return title;
    }
}
