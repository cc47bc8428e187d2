using System;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace Goroutines.Workbook;

/// <summary>
/// The scheduler drawn as the classic G-M-P picture: Diagram for one moment, Stepper for one step per cell,
/// Scrubber for every step of a run in one output with a slider, Twin for two runs with one knob changed.
/// All display themselves in a notebook.
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

    /// <summary>
    /// Twin runs: main on the Lockstep clock with options, and again with change(options) (e.g. o => o with { MaxProcs = 1 }),
    /// same seed; the first scheduler decision where they differ, narrated and marked on both per-P timelines.
    /// </summary>
    public static global::Goroutines.Workbook.Twin Twin(Func<Task> main, RunOptions options, Func<RunOptions, RunOptions> change, ChartClock clock = ChartClock.Time)
    {
        if (main == null)
            throw new ArgumentNullException(nameof(main), NoTwinMain);
        ArgumentNullException.ThrowIfNull(options, nameof(options));
        ArgumentNullException.ThrowIfNull(change, nameof(change));
        var changed = change(options)
                      ?? throw new ArgumentException("change must return the changed options, e.g. o => o with { MaxProcs = 1 }.", nameof(change));
        return Twin(main, options, changed, clock);
    }

    private const string NoTwinMain = "Pass the program to run twice, e.g. Views.Twin(Main, options, o => o with { MaxProcs = 1 }).";

    /// <summary>Twin runs of main with optionsA and optionsB (Lockstep, same seed, e.g. AsyncPreemption off and on).</summary>
    public static global::Goroutines.Workbook.Twin Twin(Func<Task> main, RunOptions optionsA, RunOptions optionsB, ChartClock clock = ChartClock.Time)
    {
        if (main == null)
            throw new ArgumentNullException(nameof(main), NoTwinMain);
        ArgumentNullException.ThrowIfNull(optionsA, nameof(optionsA));
        ArgumentNullException.ThrowIfNull(optionsB, nameof(optionsB));
        TwinKnob.CheckFair(optionsA, optionsB, nameof(optionsB));
        var (labelA, labelB) = TwinKnob.Labels(optionsA, optionsB);
        return new global::Goroutines.Workbook.Twin(Runtime.Run(main, optionsA), Runtime.Run(main, optionsB), labelA, labelB, clock);
    }

    /// <summary>
    /// Twin runs where the program is the knob (a buffer size, a syscall or a netpoll wait): two labelled programs, e.g.
    /// Views.Twin(("with an unbuffered channel", () => Pipeline(0)), ("with a buffer of 3", () => Pipeline(3)), options).
    /// </summary>
    public static global::Goroutines.Workbook.Twin Twin((string Label, Func<Task> Main) a, (string Label, Func<Task> Main) b, RunOptions options, ChartClock clock = ChartClock.Time)
    {
        if (a.Main == null || b.Main == null)
            throw new ArgumentNullException(a.Main == null ? nameof(a) : nameof(b), "Pass two labelled programs, e.g. (\"with a buffer of 3\", () => Pipeline(3)).");
        if (string.IsNullOrWhiteSpace(a.Label) || string.IsNullOrWhiteSpace(b.Label) || a.Label == b.Label)
            throw new ArgumentException("Give each program its own label, read after \"step N:\", e.g. \"with an unbuffered channel\" and \"with a buffer of 3\".",
                string.IsNullOrWhiteSpace(a.Label) ? nameof(a) : nameof(b));
        ArgumentNullException.ThrowIfNull(options, nameof(options));
        TwinKnob.CheckFair(options, options, nameof(options));
        return new global::Goroutines.Workbook.Twin(Runtime.Run(a.Main, options), Runtime.Run(b.Main, options), a.Label, b.Label, clock);
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
