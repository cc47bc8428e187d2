using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace Goroutines.Workbook.Exercises;

/// <summary>
/// Predict an observable of a run (the output order, a thread count, where a goroutine is). The right answer is
/// computed by running the variant's scenario in Lockstep and reading the observable off its RunResult — it is
/// never stored.
/// </summary>
public sealed class PredictExercise(string id, string title) : Exercise(id, title, ExerciseKind.Predict)
{
    private readonly ConcurrentDictionary<int, string> answers = new();

    /// <summary>The scenario of a variant.</summary>
    public required Func<int, PredictScenario> Scenario { get; init; }

    /// <summary>The observable, read off the finished run: e.g. run => run.Output, or run => run.Stats.ThreadsCreated.</summary>
    public Func<RunResult, object>? Observe { get; init; }

    /// <summary>
    /// Or the observable read off the paused run, stepping it (e.g. where G7 waits after 12 steps:
    /// stepped => { stepped.Step(12); return … stepped.Snapshot … }). Set this or Observe, not both.
    /// </summary>
    public Func<SteppedRun, object>? ObserveSteps { get; init; }

    /// <summary>How answers are written and compared (default: a sequence of numbers).</summary>
    public AnswerShape Shape { get; init; } = AnswerShape.Sequence;

    /// <summary>Known wrong predictions and the misconceptions they show.</summary>
    public IReadOnlyList<Misread> Misreads { get; init; } = [];

    /// <summary>Kinds of event the worked answer lists, with the rule behind each (default: creations, starts, steals, syscalls).</summary>
    public IReadOnlyList<EventKind> RevealEvents { get; init; } =
        [EventKind.GoCreate, EventKind.GoStart, EventKind.RunqSteal, EventKind.GoSyscallBegin, EventKind.ProcSteal, EventKind.GoStop];

    /// <summary>At most this many steps in the worked answer's scrubber (a few kB each); 0 for none, for runs of hundreds of goroutines.</summary>
    public int RevealFrames { get; init; } = Scrubber.MaxFrames;

    /// <summary>The right answer of a variant, normalised: computed by running its scenario (once per variant).</summary>
    public string RightAnswer(int variant) => answers.GetOrAdd(variant, v =>
    {
        var observed = Shape.Read(ObserveVariant(v));
        return observed.Text ?? throw new InvalidOperationException(
            $"{Id}: the observable of variant {v} does not read as {Shape.Expected} ({observed.Problem}).");
    });

    // Runs the variant's scenario and reads the observable off it, finished (Observe) or paused (ObserveSteps).
    private object ObserveVariant(int variant)
    {
        if ((Observe is null) == (ObserveSteps is null))
            throw new InvalidOperationException($"{Id}: set exactly one of Observe (a finished run) and ObserveSteps (a paused run).");
        if (Observe is not null)
            return Observe(RunScenario(variant));
        var scenario = Scenario(variant);
        CheckLockstep(scenario);
        using var stepped = Runtime.Start(scenario.Main, scenario.Options);
        return ObserveSteps!(stepped);
    }

    private void CheckLockstep(PredictScenario scenario)
    {
        if (!scenario.Options.Lockstep)
            throw new InvalidOperationException($"{Id}: a prediction's scenario must run with Lockstep = true, so it has one right answer.");
    }

    /// <summary>Runs a variant's scenario (always on the Lockstep clock, with its seed).</summary>
    public RunResult RunScenario(int variant)
    {
        var scenario = Scenario(variant);
        CheckLockstep(scenario);
        return Runtime.Run(scenario.Main, scenario.Options);
    }

    public override string PromptHtml(int variant)
    {
        var scenario = Scenario(variant);
        return $"<p>{ExerciseHtml.E(scenario.Question)}</p>" + ExerciseHtml.Code(scenario.Program)
            + $"<p style=\"color:#555\">Run with <code>{ExerciseHtml.E(Describe(scenario.Options))}</code>. "
            + $"Answer with {ExerciseHtml.E(Shape.Expected)}.</p>";
    }

    public override Evaluation Evaluate(object? answer, int variant, bool grading)
    {
        var parsed = Shape.Read(answer);
        if (!parsed.IsReadable)
            return Evaluation.From(parsed);
        var right = RightAnswer(variant);
        if (parsed.Text == right)
            return new Evaluation(Verdict.Correct, parsed.Text, $"Right: {right}.");
        var misread = Misreads.FirstOrDefault(m => Shape.Read(m.WrongAnswer(variant)).Text == parsed.Text);
        return new Evaluation(Verdict.Incorrect, parsed.Text, $"Not what the run does: “{parsed.Text}” is not it.", misread?.Misconception);
    }

    public override string RevealHtml(int variant)
    {
        var scenario = Scenario(variant);
        var run = RunScenario(variant);
        var html = new StringBuilder();
        html.Append($"<p>{ExerciseHtml.E(scenario.Question)} <b>{ExerciseHtml.E(RightAnswer(variant))}</b></p>");
        html.Append(ExerciseHtml.Code(scenario.Program));
        if (run.Output.Count > 0)
            html.Append($"<p>It printed: <code>{ExerciseHtml.E(run.OutputLine)}</code> ({run.Outcome}).</p>");
        html.Append($"<p>The run ({ExerciseHtml.E(Describe(scenario.Options))}), step by step, with the rule behind each decision:</p>");
        var steps = run.Events.Where(e => RevealEvents.Contains(e.Kind)).Take(80).ToList();
        html.Append(ExerciseHtml.Table(["µs", "P", "M", "G", "event", "why"], steps.Select(e => (IReadOnlyList<string>)
        [
            (e.TimeNs / 1000.0).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture),
            e.P < 0 ? "" : $"P{e.P}", e.M < 0 ? "" : $"M{e.M}", e.G == 0 ? "" : $"G{e.G}",
            e.Kind.ToString(), ExerciseHtml.E(e.Reason),
        ])));
        if (Why.Length > 0)
            html.Append($"<p>{ExerciseHtml.E(Why)}</p>");
        if (RevealFrames > 0)
        {
            html.Append("<p>Every step of the same run (drag the slider):</p>");
            html.Append(Views.Scrubber(scenario.Main, scenario.Options, RevealFrames).ToHtml());
        }
        return html.ToString();
    }

    // "MaxProcs = 1, Lockstep = true, Seed = 7".
    internal static string Describe(RunOptions o) =>
        $"new RunOptions {{ MaxProcs = {o.MaxProcs}, Lockstep = true, Seed = {o.Seed}{(o.AsyncPreemption ? "" : ", AsyncPreemption = false")} }}";
}
