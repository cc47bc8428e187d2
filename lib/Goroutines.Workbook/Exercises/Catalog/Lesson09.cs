using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using static Goroutines.Runtime;

namespace Goroutines.Workbook.Exercises.Catalog;

/// <summary>
/// The exercises of lesson 09 · Pitfalls: a fix-it code exercise for each pitfall (a leak, a deadlock, main returning
/// early, a shared variable, unbounded spawning, a panic in a goroutine, wg.Add inside the goroutine), each checked over
/// many schedules, plus a prediction (the leak's NumGoroutine) and a concept question (what Go 1.22 changed).
/// </summary>
public static class Lesson09
{
    private const string Notebook = "09-pitfalls.ipynb";
    internal static readonly LessonSection Leak = new(Notebook, "1 · A goroutine leak: a sender nobody receives from");
    private static readonly LessonSection Deadlock = new(Notebook, "2 · Deadlock: reading \"all goroutines are asleep\"");
    private static readonly LessonSection MainReturns = new(Notebook, "3 · `main` returns before its goroutines");
    private static readonly LessonSection LoopVariables = new(Notebook, "4 · Loop variables: what Go 1.22 changed, and what it did not");
    private static readonly LessonSection Unbounded = new(Notebook, "5 · Unbounded spawning versus a worker pool");
    private static readonly LessonSection Panics = new(Notebook, "6 · A panic in one goroutine ends the program");
    private static readonly LessonSection WaitGroupAdd = new(Notebook, "7 · `wg.Add` before `go`");

    // 09.leak-count: how many times main calls the leaky First().
    private static readonly int[] LeakCalls = [4, 3, 5, 6, 7, 8];

    /// <summary>The lesson's exercises, in the order the lesson asks them.</summary>
    public static IReadOnlyList<Exercise> Exercises => All.Value;

    // Built on first use, after every static field below is set, whatever their order.
    private static readonly Lazy<IReadOnlyList<Exercise>> All = new(() =>
        [LeakCount(), LeakFix(), DeadlockFix(), MainReturnsFix(), Go122(), SharedVariableFix(), PoolFix(), PanicFix(), WaitGroupAddFix()]);

    private static string S(int n) => n.ToString(CultureInfo.InvariantCulture);

    // ── 09.leak-count ──────────────────────────────────────────────────────────────────────────────────────────
    private static Exercise LeakCount() => new PredictExercise("09.leak-count", "How many goroutines after the calls")
    {
        Points = 2,
        Variants = LeakCalls.Length,
        Section = Leak,
        Shape = AnswerShape.Number,
        Scenario = LeakCountScenario,
        Observe = run => int.Parse(run.Output[^1], CultureInfo.InvariantCulture),
        Misreads =
        [
            new(MisconceptionCatalog.BlockedGoroutinesAreCollected, _ => 1),
        ],
        Hints =
        [
            "Each call starts three replicas and receives one answer. What happens to the two replicas whose answers nobody receives?",
            "A blocked goroutine is still a goroutine: NumGoroutine counts main plus every goroutine that has not returned, blocked or not.",
        ],
        Why = "Each call leaves two senders blocked forever; NumGoroutine counts them with main.",
    };

    private static PredictScenario LeakCountScenario(int variant)
    {
        var calls = LeakCalls[variant];
        var source = $$"""
            async Task<int> First()
            {
                var answers = new Chan<int>();
                for (var r = 1; r <= 3; r++)
                {
                    var replica = r;
                    Go(async () => await answers.Send(replica));
                }
                return await answers.Recv();
            }

            Runtime.Run(async () =>
            {
                for (var call = 0; call < {{calls}}; call++)
                    await First();
                await Sleep(TimeSpan.FromMilliseconds(1));   // every replica runs as far as it can
                Println(NumGoroutine());
            }, new RunOptions { MaxProcs = 1, Lockstep = true, Seed = 7 });
            """;
        return new PredictScenario(
            $"main calls the leaky First() of section 1 {calls} times, sleeps 1 ms and prints NumGoroutine(). What does it print?",
            source,
            async () =>
            {
                for (var call = 0; call < calls; call++)
                    await LeakyFirst();
                await Sleep(TimeSpan.FromMilliseconds(1));
                Println(NumGoroutine());
            },
            new RunOptions { MaxProcs = 1, Lockstep = true, Seed = 7 });
    }

    private static async Task<int> LeakyFirst()
    {
        var answers = new Chan<int>();
        for (var r = 1; r <= 3; r++)
        {
            var replica = r;
            Go(async () => await answers.Send(replica));
        }
        return await answers.Recv();
    }

    // ── 09.leak ────────────────────────────────────────────────────────────────────────────────────────────────
    private static Exercise LeakFix() => new CodeExercise("09.leak", "Stop First from leaking")
    {
        Points = 3,
        Section = Leak,
        Wrap = (answer, _) => answer is Func<Task<int>> first ? () => FiveQueries(first) : null,
        Expected = "your First as a Func<Task<int>> (answer = First; where async Task<int> First() { … })",
        Task = _ => "First() asks three replicas for an answer and returns the first one. Every call leaves goroutines behind. " +
            "Fix it so that every replica can finish, still asking all three and returning the first answer. The check calls it " +
            "5 times, sleeps 1 ms and looks at NumGoroutine(). Then set answer = First; and run the cell.",
        Starter = """
            async Task<int> First()
            {
                var answers = new Chan<int>();                      // unbuffered: a send waits for a receiver
                for (var r = 1; r <= 3; r++)
                {
                    var replica = r;
                    Go(async () => await answers.Send(replica));    // every replica answers
                }
                return await answers.Recv();                        // keep the first answer
            }
            """,
        Solution = """
            async Task<int> First()
            {
                var answers = new Chan<int>(3);                     // room for every answer: no replica waits for a receiver
                for (var r = 1; r <= 3; r++)
                {
                    var replica = r;
                    Go(async () => await answers.Send(replica));
                }
                return await answers.Recv();
            }
            """,
        Properties =
        [
            CodeProperty.Completes,
            AnswersFromAReplica,
            AsksEveryReplica,
            CodeProperty.NoLeakedGoroutines,
            BackToOneGoroutine,
        ],
        Hints =
        [
            "Look at the goroutines the check lists as still alive: what are they waiting for, and will anyone ever do it?",
            "A send on an unbuffered channel waits for a receiver, and First receives once. Give the channel room for every " +
            "answer (a buffer of 3), so each replica's send completes and the replica returns.",
        ],
        Why = "With a buffer as big as the number of senders, no sender waits for a receiver that never comes.",
    };

    // The check's main for 09.leak: five queries, a pause for every replica to run, then NumGoroutine.
    private static async Task FiveQueries(Func<Task<int>> first)
    {
        for (var call = 0; call < 5; call++)
            Println("answer", await first());
        await Sleep(TimeSpan.FromMilliseconds(1));
        Println("goroutines", NumGoroutine());
    }

    private static readonly CodeProperty AnswersFromAReplica = new("returns a replica's answer (1, 2 or 3) every time", (run, _) =>
    {
        var answers = run.Output.Where(o => o.StartsWith("answer ", StringComparison.Ordinal)).ToList();
        var wrong = answers.FirstOrDefault(a => a is not ("answer 1" or "answer 2" or "answer 3"));
        if (answers.Count < 5)
            return $"First returned {answers.Count} times, not 5";
        return wrong is null ? null : $"First returned “{wrong[7..]}”, which no replica sent";
    });

    private static readonly CodeProperty AsksEveryReplica = new("starts three replicas per call", (run, _) =>
    {
        var started = run.Events.Count(e => e.Kind == EventKind.GoCreate && e.Arg != 0);
        return started >= 15 ? null : $"it started {started} goroutines in 5 calls, not 15: every call must still ask all three replicas";
    });

    private static readonly CodeProperty BackToOneGoroutine = new("NumGoroutine() is back to 1 after the calls", (run, _) =>
    {
        var last = run.Output.LastOrDefault(o => o.StartsWith("goroutines ", StringComparison.Ordinal));
        return last == "goroutines 1" ? null
            : $"1 ms after the 5 calls NumGoroutine() was {last?[11..] ?? "never printed"}: goroutines are still waiting";
    });

    // ── 09.deadlock ────────────────────────────────────────────────────────────────────────────────────────────
    private static Exercise DeadlockFix() => new CodeExercise("09.deadlock", "Sum the squares without a deadlock")
    {
        Points = 3,
        Section = Deadlock,
        Wrap = (answer, _) => answer is Func<Task<int>> sum ? async () => Println(await sum()) : null,
        Expected = "your SumOfSquares as a Func<Task<int>> (answer = SumOfSquares; where async Task<int> SumOfSquares() { … })",
        Task = _ => "SumOfSquares() has three goroutines send 1, 4 and 9 on a channel and should return their sum, 14. It dies with " +
            "\"all goroutines are asleep\". Fix it, still sending every square from its own goroutine, then set answer = SumOfSquares; " +
            "and run the cell.",
        Starter = """
            async Task<int> SumOfSquares()
            {
                var results = new Chan<int>();
                var wg = new WaitGroup();
                for (var i = 1; i <= 3; i++)
                {
                    var n = i;
                    wg.Add(1);
                    Go(async () => { await results.Send(n * n); wg.Done(); });
                }
                await wg.Wait();            // wait until every square is sent …
                results.Close();
                var sum = 0;
                while (true)                // … then add them up
                {
                    var (v, ok) = await results.RecvOk();
                    if (!ok) break;
                    sum += v;
                }
                return sum;
            }
            """,
        Solution = """
            async Task<int> SumOfSquares()
            {
                var results = new Chan<int>();
                var wg = new WaitGroup();
                for (var i = 1; i <= 3; i++)
                {
                    var n = i;
                    wg.Add(1);
                    Go(async () => { await results.Send(n * n); wg.Done(); });
                }
                Go(async () => { await wg.Wait(); results.Close(); });   // close when all are sent, while main receives
                var sum = 0;
                while (true)
                {
                    var (v, ok) = await results.RecvOk();
                    if (!ok) break;
                    sum += v;
                }
                return sum;
            }
            """,
        Properties =
        [
            CodeProperty.Completes,
            CodeProperty.PrintsExactly(_ => ["14"]),
            SendsFromThreeGoroutines,
            CodeProperty.NoLeakedGoroutines,
        ],
        Hints =
        [
            "Read the listing the check shows: goroutine 1 waits in wg.Wait (\"semacquire\"), and the senders wait in \"chan send\". " +
            "What is each one waiting for?",
            "The senders can finish only when someone receives, and main receives only after they have finished. Let main receive " +
            "right away, and move the Wait and the Close into a goroutine of their own.",
        ],
        Why = "Waiting for the senders in their own goroutine lets main receive at the same time, so nobody waits for itself.",
    };

    private static readonly CodeProperty SendsFromThreeGoroutines = new("sends every square from a goroutine of its own", (run, _) =>
    {
        var senders = run.Events.Count(e => e.Kind == EventKind.GoCreate && e.Arg != 0);
        return senders >= 3 ? null : $"it started {senders} goroutines, fewer than the three senders";
    });

    // ── 09.main-returns ────────────────────────────────────────────────────────────────────────────────────────
    private static readonly string[] Names = ["ana", "ben", "cy", "dee", "eve"];

    private static Exercise MainReturnsFix() => new CodeExercise("09.main-returns", "Greet everyone before main returns")
    {
        Points = 3,
        Section = MainReturns,
        Task = _ => "Greet() starts a goroutine per name that works 20 µs and prints \"hello <name>\". It returns before they have " +
            "printed. Make it print all five greetings, each exactly once, before it returns, whatever the schedule. Then set " +
            "answer = Greet; and run the cell.",
        Starter = """
            async Task Greet()
            {
                foreach (var name in new[] { "ana", "ben", "cy", "dee", "eve" })
                    Go(async () => { await Work(TimeSpan.FromMicroseconds(20)); Println("hello", name); });
            }
            """,
        Solution = """
            async Task Greet()
            {
                var wg = new WaitGroup();
                foreach (var name in new[] { "ana", "ben", "cy", "dee", "eve" })
                {
                    wg.Add(1);
                    Go(async () => { await Work(TimeSpan.FromMicroseconds(20)); Println("hello", name); wg.Done(); });
                }
                await wg.Wait();   // main returns only when every greeting is printed
            }
            """,
        Properties =
        [
            CodeProperty.Completes,
            CodeProperty.PrintsEachOnce(_ => Names.Select(n => "hello " + n)),
            CodeProperty.NoLeakedGoroutines,
        ],
        Hints =
        [
            "Run the starter and look at what it prints. When main returns, the run ends: what happens to the goroutines that have not printed yet?",
            "A Sleep or a Gosched only gives them a chance, and some schedule will not be enough. Count them with a WaitGroup: " +
            "Add(1) before each Go, Done() when a greeting is printed, and await Wait() before main returns.",
        ],
        Why = "main must wait for its goroutines; only a WaitGroup (or a channel) makes that true on every schedule.",
    };

    // ── 09.go122 ───────────────────────────────────────────────────────────────────────────────────────────────
    private static Exercise Go122() => new ConceptExercise("09.go122", "What Go 1.22 changed")
    {
        Section = LoopVariables,
        Variants = 6,
        Question = "A Go program is built with go 1.22 in its go.mod. Which goroutines are sure to see a variable of their own?",
        Choices =
        [
            "Every goroutine: since Go 1.22 a go statement copies every variable its function uses.",
            "Those started in a for loop that read the variable the for statement declares (for i := …, for k, v := range …); " +
            "a variable declared before the loop is still one variable for every iteration.",
            "None: Go 1.22 changed only the vet check, not what the program does.",
            "Only those started with the variable as an argument; closures still share loop variables in Go 1.22.",
        ],
        Salt = "09.go122/7d3f",
        AnswerHashes = ["ff5c5c37262cd497eddaa1cce5002b54a9ef1e18115c81a663337ce47dcb042a"],
        Hints =
        [
            "Compare the two Go programs of section 4 that differ only in their go version line, then the one with batch declared outside the loop.",
            "Go 1.22 gives each iteration of a for loop its own copy of the variables declared in the for clause. Which variables does that leave shared?",
        ],
        Explanation = "Go 1.22 made the variables declared by a for statement per-iteration: each iteration has its own i (or k, v), " +
            "so a closure started in it keeps that iteration's value. It copies nothing else: a variable declared outside the loop " +
            "(batch, current, …) is still one variable, and a goroutine that reads it when it runs sees whatever it holds then.",
        Why = "Go 1.22 made a for statement's own variables per-iteration; anything declared outside the loop is still shared.",
    };

    // ── 09.shared-batch ────────────────────────────────────────────────────────────────────────────────────────
    private static Exercise SharedVariableFix() => new CodeExercise("09.shared-batch", "Each goroutine its own batch")
    {
        Points = 3,
        Section = LoopVariables,
        Task = _ => "Batches() reads 1 … 9 and hands every three to a goroutine that prints them (\"1,2,3\"). It should print " +
            "1,2,3 and 4,5,6 and 7,8,9, each once, in any order, and return when all three have printed. Fix it, keeping one " +
            "goroutine per batch. Then set answer = Batches; and run the cell.",
        Starter = """
            async Task Batches()
            {
                var wg = new WaitGroup();
                var batch = new List<int>();                   // ONE variable, declared outside the loop
                foreach (var n in Enumerable.Range(1, 9))      // n is new in each iteration; batch is not
                {
                    await Work(TimeSpan.FromMicroseconds(2));  // read the next item
                    batch.Add(n);
                    if (batch.Count == 3)
                    {
                        wg.Add(1);
                        Go(async () => { Println(string.Join(",", batch)); wg.Done(); });
                        batch = new List<int>();               // start the next batch
                    }
                }
                await wg.Wait();
            }
            """,
        Solution = """
            async Task Batches()
            {
                var wg = new WaitGroup();
                var batch = new List<int>();
                foreach (var n in Enumerable.Range(1, 9))
                {
                    await Work(TimeSpan.FromMicroseconds(2));
                    batch.Add(n);
                    if (batch.Count == 3)
                    {
                        var full = batch;                      // a variable of this iteration, and a list nobody changes again
                        wg.Add(1);
                        Go(async () => { Println(string.Join(",", full)); wg.Done(); });
                        batch = new List<int>();
                    }
                }
                await wg.Wait();
            }
            """,
        Properties =
        [
            CodeProperty.Completes,
            CodeProperty.PrintsEachOnce(_ => ["1,2,3", "4,5,6", "7,8,9"]),
            OneGoroutinePerBatch,
            CodeProperty.NoLeakedGoroutines,
        ],
        Hints =
        [
            "The output shows what each goroutine found in batch when it ran. When does a goroutine read batch, and what has main done to it by then?",
            "Give each goroutine a variable declared inside the if (var full = batch;) and make sure nobody changes that list " +
            "afterwards: start the next batch with a new List, not with Clear().",
        ],
        Why = "A variable of the iteration, pointing at a list nobody changes again, is what the goroutine reads whenever it runs.",
    };

    private static readonly CodeProperty OneGoroutinePerBatch = new("prints each batch from a goroutine of its own", (run, _) =>
    {
        var started = run.Events.Count(e => e.Kind == EventKind.GoCreate && e.Arg != 0);
        return started >= 3 ? null : $"it started {started} goroutines, not one per batch";
    });

    // ── 09.pool ────────────────────────────────────────────────────────────────────────────────────────────────
    private const int Jobs = 24;
    private const int PoolSize = 4;

    private static Exercise PoolFix() => new CodeExercise("09.pool", "A worker pool instead of a goroutine per job")
    {
        Points = 3,
        Section = Unbounded,
        Task = _ => $"ProcessAll() handles {Jobs} jobs, each a 100 µs blocking syscall followed by Println(\"done\", job), and starts " +
            $"a goroutine per job. Make it use at most {PoolSize} goroutines besides main at any moment (a worker pool), still " +
            "doing every job exactly once and returning when all are done. Then set answer = ProcessAll; and run the cell.",
        Starter = $$"""
            async Task ProcessAll()
            {
                var wg = new WaitGroup();
                for (var j = 0; j < {{Jobs}}; j++)
                {
                    var job = j;
                    wg.Add(1);
                    Go(async () => { await Syscall(TimeSpan.FromMicroseconds(100)); Println("done", job); wg.Done(); });
                }
                await wg.Wait();
            }
            """,
        Solution = $$"""
            async Task ProcessAll()
            {
                var jobs = new Chan<int>();
                var wg = new WaitGroup();
                for (var w = 0; w < {{PoolSize}}; w++)                      // a fixed number of workers …
                {
                    wg.Add(1);
                    Go(async () =>
                    {
                        while (true)                            // … each takes jobs until the channel is closed
                        {
                            var (job, ok) = await jobs.RecvOk();
                            if (!ok) break;
                            await Syscall(TimeSpan.FromMicroseconds(100));
                            Println("done", job);
                        }
                        wg.Done();
                    });
                }
                for (var j = 0; j < {{Jobs}}; j++)
                    await jobs.Send(j);
                jobs.Close();                                   // no more jobs: the workers return
                await wg.Wait();
            }
            """,
        Properties =
        [
            CodeProperty.Completes,
            CodeProperty.PrintsEachOnce(_ => Enumerable.Range(0, Jobs).Select(j => "done " + S(j))),
            AtMostPoolSizeAlive,
            DoesEverySyscall,
            CodeProperty.NoLeakedGoroutines,
        ],
        Hints =
        [
            $"Count the goroutines: the starter makes {Jobs}, all alive at once, and each blocked syscall holds a thread. How many may there be?",
            $"Start {PoolSize} workers before the jobs, each in a loop that receives a job from a channel and does it. main sends the jobs, " +
            "closes the channel (so the workers' loops end) and waits for the workers. A semaphore taken inside each goroutine " +
            "limits the syscalls, not the goroutines.",
        ],
        Why = "A fixed pool of workers draining a channel bounds the goroutines (and threads) however many jobs come.",
    };

    // The most user goroutines (besides main) alive at one moment, counted from the run's creations and exits.
    internal static int PeakGoroutines(RunResult run)
    {
        var alive = new HashSet<long>();
        var peak = 0;
        foreach (var e in run.Events)
        {
            if (e.Kind == EventKind.GoCreate && e.Arg != 0)
                alive.Add(e.G);
            else if (e.Kind == EventKind.GoDestroy)
                alive.Remove(e.G);
            peak = Math.Max(peak, alive.Count);
        }
        return peak;
    }

    private static readonly CodeProperty AtMostPoolSizeAlive = new($"never has more than {PoolSize} goroutines besides main", (run, _) =>
    {
        var peak = PeakGoroutines(run);
        return peak <= PoolSize ? null : $"{peak} goroutines besides main were alive at once, more than {PoolSize}";
    });

    private static readonly CodeProperty DoesEverySyscall = new($"makes all {Jobs} syscalls", (run, _) =>
    {
        var syscalls = run.Events.Count(e => e.Kind == EventKind.GoSyscallBegin);
        return syscalls >= Jobs ? null : $"it made {syscalls} blocking syscalls, not {Jobs}: every job must still make its syscall";
    });

    // ── 09.panic ───────────────────────────────────────────────────────────────────────────────────────────────
    private static Exercise PanicFix() => new CodeExercise("09.panic", "One bad input must not end the program")
    {
        Points = 3,
        Section = Panics,
        Task = _ => "ParseAll() parses \"1\", \"2\", \"x\", \"4\", each in a goroutine of its own that prints \"parsed <n>\", then " +
            "prints \"all done\". \"x\" does not parse, and the whole run ends in a panic. Make it print \"bad x\" for that input " +
            "(and \"parsed <n>\" for the others), then \"all done\", still parsing each input in its own goroutine. Then set " +
            "answer = ParseAll; and run the cell.",
        Starter = """
            async Task ParseAll()
            {
                var wg = new WaitGroup();
                foreach (var s in new[] { "1", "2", "x", "4" })
                {
                    wg.Add(1);
                    Go(async () =>
                    {
                        var n = int.Parse(s);                  // "x" throws: a panic in this goroutine
                        Println("parsed", n);
                        wg.Done();
                    });
                }
                await wg.Wait();
                Println("all done");
            }
            """,
        Solution = """
            async Task ParseAll()
            {
                var wg = new WaitGroup();
                foreach (var s in new[] { "1", "2", "x", "4" })
                {
                    wg.Add(1);
                    Go(async () =>
                    {
                        try
                        {
                            Println("parsed", int.Parse(s));
                        }
                        catch (FormatException)                // recover, in the goroutine that panicked
                        {
                            Println("bad", s);
                        }
                        finally
                        {
                            wg.Done();                         // Go's defer wg.Done(): runs either way
                        }
                    });
                }
                await wg.Wait();
                Println("all done");
            }
            """,
        Properties =
        [
            CodeProperty.Completes,
            CodeProperty.PrintsEachOnce(_ => ["parsed 1", "parsed 2", "bad x", "parsed 4", "all done"]),
            AllDoneLast,
            ParsesInGoroutines,
            CodeProperty.NoLeakedGoroutines,
        ],
        Hints =
        [
            "Read the panic the check shows: which goroutine panicked, and who created it? A try/catch in main does not see it.",
            "An exception can only be caught in the goroutine that throws it (in Go: a deferred recover in that goroutine). Put the " +
            "try/catch inside the goroutine, print \"bad\" and the input in the catch, and call wg.Done() in a finally so it runs either way.",
        ],
        Why = "Only the goroutine that panics can recover; everyone else, main included, is ended with it.",
    };

    private static readonly CodeProperty AllDoneLast = new("prints \"all done\" last", (run, _) =>
        run.Output.Count > 0 && run.Output[^1] == "all done" ? null : $"the last line was “{(run.Output.Count > 0 ? run.Output[^1] : "")}”, not “all done”");

    private static readonly CodeProperty ParsesInGoroutines = new("parses every input in a goroutine of its own", (run, _) =>
    {
        var started = run.Events.Count(e => e.Kind == EventKind.GoCreate && e.Arg != 0);
        return started >= 4 ? null : $"it started {started} goroutines, not one per input";
    });

    // ── 09.wg-add ──────────────────────────────────────────────────────────────────────────────────────────────
    private static readonly int[] AddProcs = [2, 3];

    private static Exercise WaitGroupAddFix() => new CodeExercise("09.wg-add", "Wait for every job")
    {
        Points = 3,
        Section = WaitGroupAdd,
        Variants = AddProcs.Length,
        MaxProcs = v => AddProcs[v],
        Task = v => "RunJobs() starts five goroutines that each work 5 µs and print \"job <i>\", waits for them with a WaitGroup and " +
            $"prints \"all done\". On {AddProcs[v]} Ps \"all done\" can come before some of the jobs. Make \"all done\" " +
            "come after all five jobs on every schedule, then set answer = RunJobs; and run the cell.",
        Starter = """
            async Task RunJobs()
            {
                var wg = new WaitGroup();
                for (var i = 0; i < 5; i++)
                {
                    var n = i;
                    Go(async () =>
                    {
                        wg.Add(1);                             // count myself in …
                        await Work(TimeSpan.FromMicroseconds(5));
                        Println("job", n);
                        wg.Done();
                    });
                }
                await wg.Wait();                               // … but has anyone counted in yet?
                Println("all done");
            }
            """,
        Solution = """
            async Task RunJobs()
            {
                var wg = new WaitGroup();
                for (var i = 0; i < 5; i++)
                {
                    var n = i;
                    wg.Add(1);                                 // count it in before it exists: Wait cannot miss it
                    Go(async () =>
                    {
                        await Work(TimeSpan.FromMicroseconds(5));
                        Println("job", n);
                        wg.Done();
                    });
                }
                await wg.Wait();
                Println("all done");
            }
            """,
        Properties =
        [
            CodeProperty.Completes,
            CodeProperty.PrintsEachOnce(_ => Enumerable.Range(0, 5).Select(i => "job " + S(i)).Append("all done")),
            AllDoneLast,
            CodeProperty.NoLeakedGoroutines,
        ],
        Hints =
        [
            "Look at the timeline of the failing seed: had the goroutines run (and called Add) when main called Wait?",
            "Wait returns as soon as the counter is 0, and a goroutine that has not run yet has not added anything. Call " +
            "wg.Add(1) in main, before each Go, and keep wg.Done() in the goroutine.",
        ],
        Why = "Add before go: the counter includes every goroutine before Wait can look at it.",
    };
}
