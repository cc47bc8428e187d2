using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using static Goroutines.Runtime;

namespace Goroutines.Workbook.Exercises.Catalog;

/// <summary>The exercises of lesson 07 · Preemption (where a preempted goroutine goes, safe points, Gosched by hand, stop-the-world).</summary>
public static class Lesson07
{
    private const string Notebook = "07-preemption.ipynb";
    internal static readonly LessonSection Hog = new(Notebook, "1 · A hog on the only P");
    internal static readonly LessonSection SafePoints = new(Notebook, "3 · Safe points: preemption at a call");
    internal static readonly LessonSection ByHand = new(Notebook, "4 · `Gosched` by hand");
    internal static readonly LessonSection World = new(Notebook, "5 · A loop without safe points holds up the world");

    // 07.safe-point-chunks: how many milliseconds of work each chunk of the hog's loop does.
    private static readonly int[] ChunkMs = [4, 3, 5, 6, 2, 7];

    // 07.gosched-hog: the printer must run within this much virtual time of the run's start (it sleeps 1 ms).
    private static readonly TimeSpan PrinterBudget = TimeSpan.FromMilliseconds(3);
    private static readonly TimeSpan HogWork = TimeSpan.FromMilliseconds(60);

    /// <summary>The lesson's exercises, in the order the lesson asks them.</summary>
    public static IReadOnlyList<Exercise> Exercises => All.Value;

    // Built on first use, after every static field below is set, whatever their order.
    private static readonly Lazy<IReadOnlyList<Exercise>> All = new(() => [PreemptedWhere(), SafePointChunks(), GoschedHog(), StopTheWorld()]);

    // ── 07.preempted-where ─────────────────────────────────────────────────────────────────────────────────────
    private static Exercise PreemptedWhere() => new ConceptExercise("07.preempted-where", "Where a preempted goroutine waits")
    {
        Section = Hog,
        Variants = 6,
        Question = "A goroutine has run for over 10 ms on one P without blocking. sysmon asks it to stop, and it stops at a safe point " +
            "(or at the signal). Where does it wait until it runs again?",
        Choices =
        [
            "In its P's runnext slot, so that it runs again right after the next goroutine.",
            "At the tail of its P's local run queue.",
            "At the tail of the global run queue.",
            "Nowhere: it keeps its P, and only the timers are run before it goes on.",
        ],
        Salt = "07.preempted-where/9c41",
        AnswerHashes = ["b5becc44ed6cd1057e9e0f19dd6770bf68003619a54922d95e8263dd6fb06565"],
        Misreads = [new("4b1f61b3366f4a98f4c63fa9899ba35faf86bdf6a69a6548829a279670e92ce4", MisconceptionCatalog.GoschedStaysLocal)],
        Hints =
        [
            "In section 1's picture, find the hog right after its GoStop with reason preempted: which queue is it drawn in?",
            "sysmon's request ends in gopreempt_m, which is goschedImpl — the same function runtime.Gosched ends in. Where does " +
            "goschedImpl put the goroutine (lesson 04)?",
        ],
        Explanation = "preemptone only asks; the goroutine stops itself at a safe point (or, since Go 1.14, in the signal handler's " +
            "asyncPreempt) and calls gopreempt_m → goschedImpl, which puts it on the tail of the global queue (globrunqput), as Gosched " +
            "does. Its P then runs schedule: the timers first, then its local queue, so whatever waited on that P runs before the hog " +
            "comes back.",
        Why = "A preempted goroutine goes to the global queue's tail, like one that calls Gosched.",
    };

    // ── 07.safe-point-chunks ───────────────────────────────────────────────────────────────────────────────────
    private static Exercise SafePointChunks() => new PredictExercise("07.safe-point-chunks", "Which call stops the hog?")
    {
        Points = 2,
        Variants = ChunkMs.Length,
        Section = SafePoints,
        Shape = AnswerShape.Number,
        Scenario = ChunksScenario,
        Observe = run => run.Output.TakeWhile(line => line != "printer").Count(),
        RevealEvents = [EventKind.Preempt, EventKind.GoStop, EventKind.GoUnblock, EventKind.GoStart],
        Misreads = [new(MisconceptionCatalog.RunsUntilFinished, v => 60 / ChunkMs[v])],
        Hints =
        [
            "Without async preemption, sysmon's request only lands at a safe point: the start of the hog's next await Work(...). " +
            "When does sysmon ask (section 2 says at which millisecond), and when does the hog next call Work after that?",
            "The hog prints \"chunk k\" when its k-th chunk ends, at k × the chunk's length. sysmon asks a little after 10 ms; the " +
            "first chunk that ends after that request is the last one printed before \"printer\".",
        ],
        Why = "With async preemption off, sysmon's request after 10 ms lands at the hog's next call: the first chunk that ends after it.",
    };

    private static PredictScenario ChunksScenario(int variant)
    {
        var chunk = ChunkMs[variant];
        var rounds = 60 / chunk;
        var source = $$"""
            Runtime.Run(async () =>
            {
                var wg = new WaitGroup();
                wg.Add(2);
                Go(async () =>                       // the hog: {{rounds}} chunks of {{chunk}} ms, each one call to Work
                {
                    for (var k = 1; k <= {{rounds}}; k++)
                    {
                        await Work(TimeSpan.FromMilliseconds({{chunk}}));
                        Println("chunk", k);
                    }
                    wg.Done();
                });
                Go(async () =>                       // the printer: runs first, sleeps 1 ms
                {
                    await Sleep(TimeSpan.FromMilliseconds(1));
                    Println("printer");
                    wg.Done();
                });
                await wg.Wait();
            }, new RunOptions { MaxProcs = 1, Lockstep = true, Seed = 7, AsyncPreemption = false });
            """;
        return new PredictScenario(
            $"Without async preemption, a hog works in {rounds} chunks of {chunk} ms and prints after each; a printer sleeps 1 ms and then " +
            "prints \"printer\", on the same single P. How many \"chunk\" lines come before \"printer\"?",
            source,
            async () =>
            {
                var wg = new WaitGroup();
                wg.Add(2);
                Go(async () =>
                {
                    for (var k = 1; k <= rounds; k++)
                    {
                        await Work(TimeSpan.FromMilliseconds(chunk));
                        Println("chunk", k);
                    }
                    wg.Done();
                });
                Go(async () =>
                {
                    await Sleep(TimeSpan.FromMilliseconds(1));
                    Println("printer");
                    wg.Done();
                });
                await wg.Wait();
            },
            new RunOptions { MaxProcs = 1, Lockstep = true, Seed = 7, AsyncPreemption = false });
    }

    // ── 07.gosched-hog ─────────────────────────────────────────────────────────────────────────────────────────
    private static Exercise GoschedHog() => new CodeExercise("07.gosched-hog", "A hog that lets the others run")
    {
        Points = 3,
        Section = ByHand,
        MaxProcs = _ => 1,
        AsyncPreemption = false,
        Expected = "your hog as a Func<Task> (e.g. answer = Hog; where async Task Hog() { … })",
        Wrap = (answer, _) => answer is Func<Task> hog ? () => WithPrinter(hog) : null,
        Task = _ => $"Hog() does {HogWork.TotalMilliseconds:0} ms of CPU work in one call to Work: without async preemption nothing " +
            $"stops it, and a printer that sleeps 1 ms waits for all of it. Rewrite Hog so that it still does {HogWork.TotalMilliseconds:0} ms " +
            $"of work but the printer runs within {PrinterBudget.TotalMilliseconds:0} ms of the start — with AsyncPreemption = false, on one P. " +
            "The check runs your Hog beside the printer. Then set answer = Hog; and run the cell.",
        Starter = """
            async Task Hog()
            {
                await Work(TimeSpan.FromMilliseconds(60));   // one loop that calls nothing: no safe point for 60 ms
            }
            """,
        Solution = """
            async Task Hog()
            {
                for (var k = 0; k < 60; k++)
                {
                    await Work(TimeSpan.FromMilliseconds(1));   // 1 ms of the loop
                    await Gosched();                            // yield: to the global queue; the P runs the due timer and the printer
                }
            }
            """,
        Properties =
        [
            CodeProperty.Completes,
            DoesAllTheWork,
            PrinterRunsSoon,
        ],
        Hints =
        [
            "Splitting the work into chunks gives the hog safe points, but without async preemption sysmon asks only after 10 ms: " +
            "the printer would still wait that long. What can the hog do itself, without being asked?",
            "Work in chunks of 1 ms and call await Gosched() after each: the hog goes to the global queue, and the P's scheduler " +
            "runs the printer's timer and the printer before taking the hog back.",
        ],
        Why = "Gosched yields at once, where you put it; a preemption request waits for sysmon's 10 ms.",
    };

    // The program the check runs: the student's hog and a printer that sleeps 1 ms, on one P.
    private static async Task WithPrinter(Func<Task> hog)
    {
        var wg = new WaitGroup();
        wg.Add(2);
        Go(async () => { await hog(); wg.Done(); });
        Go(async () =>
        {
            await Sleep(TimeSpan.FromMilliseconds(1));
            Println("printer");
            wg.Done();
        });
        await wg.Wait();
    }

    // The hog must still work: some goroutine ran for the whole 60 ms (waiting or sleeping does not count).
    private static readonly CodeProperty DoesAllTheWork = new($"does {HogWork.TotalMilliseconds:0} ms of CPU work", (run, _) =>
    {
        var most = GSpan.FromEvents(run.Events).Where(s => !s.InSyscall).GroupBy(s => s.G).Select(g => g.Sum(s => s.DurationNs)).DefaultIfEmpty(0).Max();
        return most >= Durations(HogWork) * 99 / 100 ? null
            : $"the busiest goroutine ran for {most / 1e6:0.0} ms, not {HogWork.TotalMilliseconds:0}: the hog must still do all its work (with Work, not Sleep)";
    });

    // The printer (the goroutine that sleeps) runs again within the budget.
    private static readonly CodeProperty PrinterRunsSoon = new($"lets the printer run within {PrinterBudget.TotalMilliseconds:0} ms", (run, _) =>
    {
        var slept = run.Events.FirstOrDefault(e => e.Kind == EventKind.GoBlock && e.Detail == "sleep");
        if (slept == null) return "the printer never slept: keep the printer as it is";
        var ran = run.Events.FirstOrDefault(e => e.Seq > slept.Seq && e.Kind == EventKind.GoStart && e.G == slept.G);
        if (ran == null) return "the printer never ran again after its Sleep";
        return ran.TimeNs <= Durations(PrinterBudget) ? null
            : $"the printer ran again at {ran.TimeNs / 1e6:0.0} ms, later than {PrinterBudget.TotalMilliseconds:0} ms";
    });

    private static long Durations(TimeSpan d) => d.Ticks * 100;

    // ── 07.stop-the-world ──────────────────────────────────────────────────────────────────────────────────────
    private static Exercise StopTheWorld() => new ConceptExercise("07.stop-the-world", "A loop that holds up the world")
    {
        Section = World,
        Variants = 6,
        Question = "GOMAXPROCS=2 and GODEBUG=asyncpreemptoff=1. A goroutine on P1 spins for 50 ms in a loop that calls nothing. On P0, " +
            "main calls runtime.GOMAXPROCS(3) (or runtime.GC()), which must stop the world. What happens?",
        Choices =
        [
            "main stops the world at once: P1's thread is suspended by the OS, and the loop resumes afterwards.",
            "sysmon takes P1 from the spinning thread and hands it to a new thread, so the world stops within 20 µs.",
            "The call waits until the loop ends: P0 has stopped already, so no goroutine runs anywhere meanwhile.",
            "main goes on with other goroutines on P0, and changes GOMAXPROCS when the loop ends.",
        ],
        Salt = "07.stop-the-world/2d7e",
        AnswerHashes = ["dbcea520ae4157b968b586af644320cce8b6d36a2917e88f960ed24ab35c8733"],
        Misreads = [new("174ef2f309c664d8dda73b2433cfdba4426136c3136183170975e459d0058c0e", MisconceptionCatalog.SysmonTakesRunningP)],
        Hints =
        [
            "Stopping the world needs every P to stop. How does a running goroutine stop, if nothing may interrupt it?",
            "stopTheWorldWithSema stops its own P and the idle ones first, then asks the running goroutines (preemptall) and waits. " +
            "Without a signal and without a safe point in the loop, when does P1's goroutine stop?",
        ],
        Explanation = "stopTheWorldWithSema marks gcwaiting, stops the caller's own P and every idle P, then asks each running " +
            "goroutine to stop (preemptall) and waits, asking again every 100 µs. A loop without calls never reaches a safe point, and " +
            "with asyncpreemptoff=1 no signal stops it, so the world stops only when the loop ends — meanwhile P0 is stopped too, and " +
            "nothing runs. Before Go 1.14 an endless loop could freeze a whole program this way at its next GC.",
        Why = "A stop-the-world must wait for every running goroutine to reach a safe point.",
    };
}
