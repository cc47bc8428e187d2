using System;
using System.Collections.Generic;
using System.Linq;
using static Goroutines.Runtime;

namespace Goroutines.Workbook.Exercises.Catalog;

/// <summary>The exercises of lesson 08 · Concurrency versus parallelism (which program needs Ps, Amdahl's law, a loop split into goroutines).</summary>
public static class Lesson08
{
    private const string Notebook = "08-concurrency-vs-parallelism.ipynb";
    internal static readonly LessonSection TwoPrograms = new(Notebook, "2 · Doing many things at once: more Ps for CPU work");
    private static readonly LessonSection Amdahl = new(Notebook, "3 · Amdahl's law: the serial part");
    private static readonly LessonSection Structure = new(Notebook, "5 · Concurrency, not parallelism");

    // 08.amdahl-speedup: ms of serial work in main, goroutines of 0.25 ms each, Ps. The goroutines always divide evenly
    // among the Ps, so the Lockstep run's speedup is Amdahl's 1 / (s + (1 − s) / p) up to the scheduler's own few µs.
    private static readonly (int SerialMs, int Goroutines, int Procs)[] AmdahlVariants =
        [(2, 24, 4), (4, 16, 2), (2, 24, 2), (1, 36, 4), (2, 32, 8), (4, 16, 8), (2, 24, 8), (1, 36, 2)];

    // 08.split-the-loop: the Ps each variant runs on.
    private static readonly int[] SplitProcs = [4, 2, 8, 4];

    /// <summary>The lesson's exercises, in the order the lesson asks them.</summary>
    public static IReadOnlyList<Exercise> Exercises => All.Value;

    // Built on first use, after every static field below is set, whatever their order.
    private static readonly Lazy<IReadOnlyList<Exercise>> All = new(() => [WhichNeedsPs(), AmdahlSpeedup(), SplitTheLoop()]);

    // ── 08.which-needs-ps ──────────────────────────────────────────────────────────────────────────────────────
    private static Exercise WhichNeedsPs() => new ConceptExercise("08.which-needs-ps", "Which program needs more Ps")
    {
        Section = TwoPrograms,
        Variants = 6,
        Question = "Each program runs once with GOMAXPROCS = 1 and once with GOMAXPROCS = 4, on a machine with 4 idle cores. " +
                   "Which one finishes clearly sooner with 4?",
        Choices =
        [
            "1,000 goroutines that each call time.Sleep(20 * time.Millisecond), then exit.",
            "1,000 goroutines that each wait 20 ms for a reply on a network connection, parked in the netpoller.",
            "8 goroutines that each compute for 20 ms without blocking.",
            "1,000 goroutines that each wait on a channel that main closes after 20 ms.",
        ],
        Salt = "08.which-needs-ps/7d1a",
        AnswerHashes = ["15b93456aeadbb45546309625c925b18e646575430204ca7396083685896fe3e"],
        Misreads =
        [
            new("e9c1d670cf842da3d2fac61c08b9954a624760755e105d83dcf79f64b9217214", MisconceptionCatalog.ConcurrencyIsParallelism),
            new("bdeb35022c260b8dddcc64a032e838806e7778406fb36b6aba970c86007d4452", MisconceptionCatalog.ConcurrencyIsParallelism),
            new("01219831b40c08152968f56ea08a89be1a4c1eaa3ededfeec0d1c6c01260d644", MisconceptionCatalog.ConcurrencyIsParallelism),
        ],
        Hints =
        [
            "Look at the goroutines-by-state chart of section 1: while the goroutines wait, how many of them need a P?",
            "A goroutine that waits (a timer, the netpoller, a channel) is parked: it holds no P and no thread. More Ps help only " +
            "a program that has more goroutines ready to run than it has Ps. Which program keeps goroutines running, not waiting?",
        ],
        Explanation = "Sleeping goroutines, goroutines parked in the netpoller and goroutines blocked on a channel hold no P: one P " +
            "overlaps all their waits, and the program takes about one wait whatever GOMAXPROCS is. Goroutines that compute are " +
            "runnable the whole time, and a P runs one at a time: with 4 Ps (and 4 cores) four of them run at once.",
        Why = "Waiting goroutines need no P; only goroutines that are ready to run use more Ps.",
    };

    // ── 08.amdahl-speedup ──────────────────────────────────────────────────────────────────────────────────────
    private static Exercise AmdahlSpeedup() => new PredictExercise("08.amdahl-speedup", "Amdahl's law with a serial part")
    {
        Points = 2,
        Variants = AmdahlVariants.Length,
        Section = Amdahl,
        Shape = new RoundedNumberShape(1),
        Scenario = AmdahlScenario,
        // The speedup over one P: the CPU time of every goroutine (what one P would need, one after another) over the
        // virtual time the run took.
        Observe = run => (double)run.Stats.TimeInState!.RunningNs / run.Events[^1].TimeNs,
        Misreads =
        [
            new(MisconceptionCatalog.MorePsAlwaysFaster, v => AmdahlVariants[v].Procs),
        ],
        Hints =
        [
            "Time the run at 1 P first: every millisecond of work, one after another. Then at p Ps: the serial part still takes " +
            "as long as before; only the goroutines' part is shared among the Ps. The speedup is the first time over the second.",
            "Amdahl's law: with a serial fraction s of the work, speedup = 1 / (s + (1 − s) / p). Work out s from the program " +
            "(serial ms over all ms), then put in p.",
        ],
        Why = "The serial part takes as long on any number of Ps; only the rest is divided: speedup = 1 / (s + (1 − s) / p), " +
              "always below p and never above 1 / s.",
    };

    private static PredictScenario AmdahlScenario(int variant)
    {
        var (serialMs, goroutines, procs) = AmdahlVariants[variant];
        var totalMs = serialMs + goroutines / 4.0;
        var source = $$"""
            RunResult run = Runtime.Run(async () =>
            {
                await Work(TimeSpan.FromMilliseconds({{serialMs}}));   // the serial part: main alone
                var wg = new WaitGroup();
                for (var i = 0; i < {{goroutines}}; i++)
                {
                    wg.Add(1);
                    Go(async () => { await Work(TimeSpan.FromMicroseconds(250)); wg.Done(); });
                }
                await wg.Wait();
            }, new RunOptions { MaxProcs = {{procs}}, Lockstep = true, Seed = 7 });
            """;
        return new PredictScenario(
            $"main does {serialMs} ms of CPU work alone, then starts {goroutines} goroutines of 0.25 ms of CPU work each and waits: " +
            $"{totalMs:0.#} ms of work, {100.0 * serialMs / totalMs:0.#}% of it serial. With GOMAXPROCS = {procs}, how many times as fast as " +
            "with 1 P does it run in virtual time? Answer with one decimal, e.g. 1.5 (it is compared to one decimal place).",
            source,
            async () =>
            {
                await Work(TimeSpan.FromMilliseconds(serialMs));
                var wg = new WaitGroup();
                for (var i = 0; i < goroutines; i++)
                {
                    wg.Add(1);
                    Go(async () => { await Work(TimeSpan.FromMicroseconds(250)); wg.Done(); });
                }
                await wg.Wait();
            },
            new RunOptions { MaxProcs = procs, Lockstep = true, Seed = 7 });
    }

    // ── 08.split-the-loop ──────────────────────────────────────────────────────────────────────────────────────
    private static Exercise SplitTheLoop() => new CodeExercise("08.split-the-loop", "Split a CPU-bound loop into goroutines")
    {
        Points = 3,
        Section = Structure,
        Variants = SplitProcs.Length,
        MaxProcs = v => SplitProcs[v],
        Task = v => "Crunch() works through 8 chunks of a CPU-bound loop, 1 ms of CPU each, one after another on main: 8 ms on any " +
            $"number of Ps. Restructure it so that it finishes within {Budget(v).TotalMilliseconds:0.0} ms of virtual time on " +
            $"{SplitProcs[v]} Ps, still doing all 8 ms of work and returning only when every chunk is done. Then set answer = Crunch; " +
            "and run the cell.",
        Starter = """
            async Task Crunch()
            {
                for (var chunk = 0; chunk < 8; chunk++)
                    await Work(TimeSpan.FromMilliseconds(1));   // chunk i of the loop: 1 ms of CPU
            }
            """,
        Solution = """
            async Task Crunch()
            {
                var wg = new WaitGroup();
                for (var chunk = 0; chunk < 8; chunk++)
                {
                    wg.Add(1);
                    Go(async () => { await Work(TimeSpan.FromMilliseconds(1)); wg.Done(); });   // each chunk its own goroutine
                }
                await wg.Wait();   // return only when every chunk is done
            }
            """,
        Properties =
        [
            CodeProperty.Completes,
            CodeProperty.NoLeakedGoroutines,
            DoesAllTheWork,
            WithinBudget,
            CodeProperty.EveryPBusy,
        ],
        Hints =
        [
            "Look at the timeline the check shows: how many Ps run anything while main works through the chunks?",
            "Only goroutines can run on other Ps. Start each chunk in a goroutine of its own (Go(async () => { … })), and let main " +
            "wait for all of them with a WaitGroup (wg.Add(1) before each Go, wg.Done() at the end of each chunk, await wg.Wait()).",
        ],
        Why = "A loop on one goroutine runs on one P however many there are; eight goroutines let the Ps share the chunks, " +
              "and the WaitGroup keeps main until all are done: 8 ms of work in 8 / p ms.",
    };

    // The budget of a variant: the work shared perfectly among its Ps, plus 0.5 ms for the scheduler and the WaitGroup.
    private static TimeSpan Budget(int variant) => TimeSpan.FromMilliseconds(8.0 / SplitProcs[variant] + 0.5);

    private static readonly CodeProperty WithinBudget = new("finishes within its virtual-time budget", (run, variant) =>
        CodeProperty.WithinVirtualTime(Budget(variant)).Check(run, variant));

    // All 8 chunks still run: 8 ms of CPU time in the goroutines (main's included), within the scheduler's own few µs.
    private static readonly CodeProperty DoesAllTheWork = new("does all 8 ms of work", (run, _) =>
    {
        var running = run.Stats.TimeInState?.RunningNs ?? 0;
        return running >= 7_990_000 ? null : $"its goroutines ran for {running / 1e6:0.00} ms in all, not 8 ms: every chunk must still be done";
    });
}
