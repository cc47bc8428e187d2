using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.DotNet.Interactive.Formatting;

namespace Goroutines.Workbook.Exercises;

/// <summary>
/// Write goroutine code: the student's program (a Func&lt;Task&gt;, their main) runs on the Lockstep clock under many
/// seeds — many schedules — and every run must have every property. When one breaks, the result shows that seed,
/// the property, the run's timeline, and how to replay it.
/// </summary>
public sealed class CodeExercise(string id, string title) : Exercise(id, title, ExerciseKind.Code)
{
    /// <summary>The task of a variant: what to write or fix (plain text).</summary>
    public required Func<int, string> Task { get; init; }

    /// <summary>The starting code the lesson's cell ships with, shown with the task (optional).</summary>
    public string Starter { get; init; } = "";

    /// <summary>A correct program, shown by Reveal.</summary>
    public string Solution { get; init; } = "";

    /// <summary>What every run must have.</summary>
    public required IReadOnlyList<CodeProperty> Properties { get; init; }

    /// <summary>The number of Ps the program runs with, per variant (default 2).</summary>
    public Func<int, int> MaxProcs { get; init; } = _ => 2;

    /// <summary>Whether the checked runs have asynchronous preemption (RunOptions.AsyncPreemption; default true, as Go ≥ 1.14).</summary>
    public bool AsyncPreemption { get; init; } = true;

    /// <summary>How many seeds a check in the notebook runs (seeds 1, 2, …).</summary>
    public int Seeds { get; init; } = 20;

    /// <summary>How many more, hidden, seeds grading runs (GOROUTINE_WORKBOOK_GRADING=1).</summary>
    public int GradingSeeds { get; init; } = 60;

    /// <summary>
    /// Turns the student's answer into the program to run, for an exercise whose answer has a shape of its own
    /// (a worker, a stage of a pipeline): (answer, variant) => the program, or null when the answer has the wrong shape.
    /// Default: the answer is the program itself, a Func&lt;Task&gt;.
    /// </summary>
    public Func<object, int, Func<Task>?>? Wrap { get; init; }

    /// <summary>What the answer should be, for the wrong-shape message.</summary>
    public string Expected { get; init; } = "your program as a Func<Task> (e.g. answer = Fixed; where async Task Fixed() { … })";

    /// <summary>The wall-clock limit of each run.</summary>
    public TimeSpan RunTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The seeds a check runs: 1…Seeds, then, when grading, hidden ones derived from the exercise id.</summary>
    public IReadOnlyList<int> SeedsFor(bool grading)
    {
        var seeds = Enumerable.Range(1, Seeds).ToList();
        if (grading)
        {
            var start = 100_000 + (int)(BitConverter.ToUInt32(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(Id)), 0) % 100_000);
            seeds.AddRange(Enumerable.Range(0, GradingSeeds).Select(k => start + k * 7_919));
        }
        return seeds;
    }

    /// <summary>The options of one checked run.</summary>
    public RunOptions OptionsFor(int variant, int seed) =>
        new() { MaxProcs = MaxProcs(variant), Lockstep = true, Seed = seed, Timeout = RunTimeout, AsyncPreemption = AsyncPreemption };

    public override string PromptHtml(int variant)
    {
        var html = new StringBuilder($"<p>{ExerciseHtml.E(Task(variant))}</p>");
        if (Starter.Length > 0)
            html.Append(ExerciseHtml.Code(Starter));
        html.Append($"<p style=\"color:#555\">The check runs your program with MaxProcs = {MaxProcs(variant)}{(AsyncPreemption ? "" : " and AsyncPreemption = false")} on the Lockstep clock under {Seeds} seeds; every run must: ")
            .Append(ExerciseHtml.E(string.Join("; ", Properties.Select(p => p.Name)))).Append(".</p>");
        return html.ToString();
    }

    public override Evaluation Evaluate(object? answer, int variant, bool grading)
    {
        if (answer is null || answer is string s && string.IsNullOrWhiteSpace(s))
            return new Evaluation(Verdict.Unanswered, null, "Not answered yet: write your program, set answer to it, and run the cell again.");
        var main = Wrap is not null ? Wrap(answer, variant) : answer as Func<Task>;
        if (main is null)
            return new Evaluation(Verdict.Invalid, null,
                $"This exercise wants {Expected}; it was {AnswerShape.Describe(answer)}.");

        var seeds = SeedsFor(grading);
        foreach (var seed in seeds)
        {
            var options = OptionsFor(variant, seed);
            var run = Runtime.Run(main, options);
            foreach (var property in Properties)
            {
                if (property.Check(run, variant) is { } broken)
                    return new Evaluation(Verdict.Incorrect, null, $"With seed {seed}, your program broke the rule “{property.Name}”: {broken}.")
                    {
                        Seeds = seeds.Count,
                        FailingSeed = seed,
                        DetailHtml = FailureHtml(run, options),
                    };
            }
        }
        return new Evaluation(Verdict.Correct, null, $"Every one of {seeds.Count} schedules (seeds) has every property.") { Seeds = seeds.Count };
    }

    public override string RevealHtml(int variant) =>
        PromptHtml(variant) + (Solution.Length > 0 ? "<p><b>One correct program:</b></p>" + ExerciseHtml.Code(Solution) : "")
        + (Why.Length > 0 ? $"<p>{ExerciseHtml.E(Why)}</p>" : "");

    // The failing run: how to replay it, its timeline, and Go's report.
    private static string FailureHtml(RunResult run, RunOptions options)
    {
        var html = new StringBuilder();
        html.Append("<p><b>Replay this schedule:</b></p>")
            .Append(ExerciseHtml.Code($"var failing = Runtime.Run(answer, new RunOptions {{ MaxProcs = {options.MaxProcs}, Lockstep = true, Seed = {options.Seed}{(options.AsyncPreemption ? "" : ", AsyncPreemption = false")} }});\nCharts.Timeline(failing)"));
        if (run.Message.Length > 0)
            html.Append(ExerciseHtml.Code(run.Message.Length > 1500 ? run.Message[..1500] + "\n…" : run.Message));
        html.Append(TimelineHtml(run));
        return html.ToString();
    }

    // Charts.Timeline of the run, as the notebook would display it; nothing if it cannot be drawn.
    private static string TimelineHtml(RunResult run)
    {
        try
        {
            object chart = Charts.Timeline(run);
            return chart.ToDisplayString("text/html");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return $"<p style=\"color:#757575\">(No timeline: {ExerciseHtml.E(e.Message)})</p>";
        }
    }
}
