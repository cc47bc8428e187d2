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

    /// <summary>n steps, then the picture.</summary>
    public GmpDiagram Step(int n)
    {
        if (n < 1) throw new ArgumentOutOfRangeException(nameof(n), n, "Step(n) needs n ≥ 1.");
        for (var i = 0; i < n && !run.Ended; i++)
        {
            last = run.Step();
            Steps++;
        }
        return Current;
    }

    /// <summary>Steps until an event matches (or the run ends), then the picture.</summary>
    public GmpDiagram StepUntil(Func<TraceEvent, bool> predicate, int maxSteps = 100_000)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        for (var i = 0; i < maxSteps && !run.Ended; i++)
        {
            Steps++;
            last = run.Step();
            foreach (var e in last)
                if (predicate(e)) return Current;
        }
        return Current;
    }

    private string Title() => run.Ended ? $"G-M-P after step {Steps}: the run has ended" : $"G-M-P after step {Steps}";
}
