using System;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace Goroutines.Workbook;

/// <summary>
/// The scheduler drawn as the classic G-M-P picture: Diagram for one moment, Stepper for one step per cell,
/// Scrubber for every step of a run in one output with a slider. All display themselves in a notebook.
/// </summary>
public static class Views
{
    /// <summary>The picture of a snapshot (e.g. steppedRun.Snapshot).</summary>
    public static GmpDiagram Diagram(Snapshot snapshot, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return new GmpDiagram(snapshot, title ?? $"G-M-P after {snapshot.EventCount} events");
    }

    // The picture after a step, captioned with the rules of that step's events.
    internal static GmpDiagram AfterStep(Snapshot snapshot, string title, IReadOnlyList<TraceEvent> step) => new(snapshot, title, step);

    /// <summary>The picture of a paused run as it is now.</summary>
    public static GmpDiagram Diagram(SteppedRun run, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(run);
        return Diagram(run.Snapshot, title);
    }

    /// <summary>A stepper over a paused run from Runtime.Start: each Step() returns the next picture.</summary>
    public static global::Goroutines.Workbook.Stepper Stepper(SteppedRun run) => new(run);

    /// <summary>Starts main as a stepped Lockstep run and records every step (at most maxFrames) into a scrubber.</summary>
    public static global::Goroutines.Workbook.Scrubber Scrubber(Func<Task> main, RunOptions options, int maxFrames = global::Goroutines.Workbook.Scrubber.MaxFrames)
    {
        ArgumentNullException.ThrowIfNull(main);
        ArgumentNullException.ThrowIfNull(options);
        using var run = Runtime.Start(main, options);
        return Record(run, maxFrames, $"seed {options.Seed}, GOMAXPROCS={options.MaxProcs}");
    }

    /// <summary>Records the rest of a paused run, one frame per step (at most maxFrames), into a scrubber.</summary>
    public static global::Goroutines.Workbook.Scrubber Scrubber(SteppedRun run, int maxFrames = global::Goroutines.Workbook.Scrubber.MaxFrames)
    {
        ArgumentNullException.ThrowIfNull(run);
        return Record(run, maxFrames, "a stepped run");
    }

    private static global::Goroutines.Workbook.Scrubber Record(SteppedRun run, int maxFrames, string what)
    {
        if (maxFrames < 2 || maxFrames > global::Goroutines.Workbook.Scrubber.MaxFrames)
            throw new ArgumentOutOfRangeException(nameof(maxFrames), maxFrames, $"A scrubber keeps between 2 and {(global::Goroutines.Workbook.Scrubber.MaxFrames)} frames.");
        var frames = new List<GmpDiagram> { Diagram(run.Snapshot, "G-M-P at step 0 (start)") };
        while (!run.Ended && frames.Count < maxFrames)
        {
            var step = run.Step();
            frames.Add(AfterStep(run.Snapshot, $"G-M-P at step {frames.Count}{(run.Ended ? " (the run has ended)" : "")}", step));
        }
        var truncated = !run.Ended;
        var caption = $"Every step of a Lockstep run ({what}): drag the slider or press play; the caption under each picture is the rule that fired. " +
                      (truncated ? $"Only the first {frames.Count - 1} steps are kept (a scrubber keeps at most {maxFrames} frames); the run went on." : $"{frames.Count - 1} steps, to the end of the run.");
        return new global::Goroutines.Workbook.Scrubber(frames, truncated, caption);
    }
}
