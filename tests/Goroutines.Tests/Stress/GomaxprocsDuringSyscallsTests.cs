using Goroutines;
using static Goroutines.Runtime;
using Xunit.Abstractions;

namespace Goroutines.Tests.Stress;

/// <summary>
/// Issue 19: GOMAXPROCS changes while goroutines make blocking syscalls, on real threads (Parallel
/// mode). Go (tests/GoReference/gomaxprocs-during-syscalls) completes both shapes every time.
/// </summary>
public class GomaxprocsDuringSyscallsTests(ITestOutputHelper output)
{
    /// <summary>
    /// The issue's program with 60 syscalls per worker instead of 200, 60 times (about 5 s). Before
    /// the fix — a P that procresize made idle was taken before gcwaiting was cleared, then stopped
    /// for a world that had already restarted, so the next stop-the-world waited for it forever —
    /// 40 runs of it hung 3 times on an idle machine and 3 times with the other core loaded.
    /// </summary>
    [Fact]
    public void Six_workers_in_syscalls_while_GOMAXPROCS_changes_every_ms_complete_in_60_runs_of_60()
    {
        var failures = new List<string>();
        for (var r = 0; r < 60; r++)
        {
            var run = IssueProgram(syscallsPerWorker: 60);
            if (run.Outcome != Outcome.Completed) failures.Add($"run {r}: {run.Outcome}\n{run.Message}");
        }
        Assert.True(failures.Count == 0, $"{failures.Count} of 60 runs did not complete; the first:\n{failures.FirstOrDefault()}");
    }

    /// <summary>Two goroutines change GOMAXPROCS at once: their stops of the world take turns (Go's worldsema).</summary>
    [Fact]
    public void Two_goroutines_changing_GOMAXPROCS_at_once_while_workers_make_syscalls_complete_in_20_runs_of_20()
    {
        var failures = new List<string>();
        for (var r = 0; r < 20; r++)
        {
            var run = IssueProgram(syscallsPerWorker: 60, changers: 2);
            if (run.Outcome != Outcome.Completed) failures.Add($"run {r}: {run.Outcome}\n{run.Message}");
        }
        Assert.True(failures.Count == 0, $"{failures.Count} of 20 runs did not complete; the first:\n{failures.FirstOrDefault()}");
    }

    /// <summary>
    /// The smallest shape of the 1-in-60 "checkdead: runnable g" above (seen once under load 30 on two
    /// cores): one P, one goroutine making short syscalls, so sysmon retakes the P in many of them.
    /// Between retake's CAS of the P (_Psyscall → _Pidle) and handoffp's mget the P has no M and the M
    /// it will go to may still be idle; if the syscall's M returns then, it finds no P, queues its G and
    /// goes idle, and checkdead in its mput counts no running M beside a runnable G. Go's retake counts
    /// sysmon as running for that window (incidlelocked(-1) before the CAS, incidlelocked(1) after
    /// handoffp). The OS rarely preempts sysmon inside those few hundred nanoseconds (0 failures in 181
    /// runs, 8,692 retakes, four runs at a time), so here sysmon sleeps 1 ms there (RunOptions.AfterRetake),
    /// as a preempted sysmon would. Before the fix 29 of 32 runs ended in that panic; about 6 s.
    /// </summary>
    [Fact]
    public void Sysmon_retaking_a_P_as_its_M_returns_from_a_syscall_is_never_a_deadlock()
    {
        var failures = new List<string>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var runs = 0;
        long retakes = 0;
        // GOROUTINES_STRESS_SECONDS lengthens it for measuring (the report's before/after rates).
        var seconds = int.TryParse(Environment.GetEnvironmentVariable("GOROUTINES_STRESS_SECONDS"), out var s) ? s : 6;
        for (; clock.Elapsed < TimeSpan.FromSeconds(seconds) || runs < 3; runs++)
        {
            var run = RetakeRaceProgram(seed: runs);
            retakes += run.Stats.SyscallRetakes;
            if (run.Outcome != Outcome.Completed) failures.Add($"run {runs}: {run.Outcome}\n{run.Message}");
        }
        output.WriteLine($"{failures.Count} of {runs} runs ({retakes} retakes) did not complete");
        Assert.True(failures.Count == 0, $"{failures.Count} of {runs} runs ({retakes} retakes) did not complete; the first:\n{failures.FirstOrDefault()}");
        Assert.True(retakes > 0, $"sysmon retook no P in {runs} runs: the test did not reach the window it is about");
    }

    private static RunResult RetakeRaceProgram(int seed) => Run(async () =>
    {
        var rnd = new Random(seed);
        for (var i = 0; i < 300; i++)
        {
            // A blocking call of 0–300 µs: sysmon (every 20 µs) retakes the P in some, and some end
            // while it holds the P between its CAS and handoffp.
            var us = rnd.Next(300);
            await Syscall(() =>
            {
                var t = System.Diagnostics.Stopwatch.StartNew();
                while (t.Elapsed.TotalMicroseconds < us) Thread.SpinWait(20);
            });
        }
    }, new RunOptions { MaxProcs = 1, RecordEvents = false, Timeout = TimeSpan.FromSeconds(5), AfterRetake = () => Thread.Sleep(1) });

    private static RunResult IssueProgram(int syscallsPerWorker, int changers = 1) => Run(async () =>
    {
        var wg = new WaitGroup();
        var stop = false;
        for (var p = 0; p < 6; p++)
        {
            wg.Add(1);
            Go(async () =>
            {
                for (var i = 0; i < syscallsPerWorker; i++)
                {
                    await Syscall(TimeSpan.FromMicroseconds(200));
                    await Gosched();
                }
                wg.Done();
            });
        }
        for (var c = 0; c < changers; c++)
        {
            var rnd = new Random(19 + c);
            Go(async () =>
            {
                while (!Volatile.Read(ref stop))
                {
                    GOMAXPROCS(1 + rnd.Next(4));
                    await Sleep(TimeSpan.FromMilliseconds(1));
                }
            });
        }
        await wg.Wait();
        Volatile.Write(ref stop, true);
    }, new RunOptions { MaxProcs = 2, RecordEvents = false, Timeout = TimeSpan.FromSeconds(5) });

    /// <summary>
    /// Eight producers (one locked to its thread) send 160,000 values through a 4-channel select fan-in;
    /// every 64th value a syscall first, every 16th a send on a closed channel that is recovered;
    /// GOMAXPROCS changes every 2 ms. Every value arrives exactly once, every panic is recovered, and
    /// the run prints the line Go prints for the same program. Before the fix 9 runs of 10 ended as
    /// "panic: send on closed channel".
    /// </summary>
    [Fact]
    public void Select_fan_in_with_recovered_panics_LockOSThread_and_syscalls_while_GOMAXPROCS_changes_delivers_every_value_once()
    {
        const int producers = 8, perProducer = 20_000, chans = 4;
        const int total = producers * perProducer;
        var seen = new int[total];
        var recovered = 0;
        var lockedOnOneThread = true;
        var run = Run(async () =>
        {
            var stop = false;
            var dead = new Chan<int>();
            dead.Close();
            var cs = new Chan<int>[chans];
            for (var i = 0; i < chans; i++) cs[i] = new Chan<int>(i % 2 == 0 ? 0 : 8);
            var wg = new WaitGroup();
            for (var p = 0; p < producers; p++)
            {
                var id = p;
                wg.Add(1);
                Go(async () =>
                {
                    Thread? thread = null;
                    if (id == 0)
                    {
                        LockOSThread();
                        thread = Thread.CurrentThread;
                    }
                    for (var i = 0; i < perProducer; i++)
                    {
                        var v = id * perProducer + i;
                        if (i % 64 == 0) await Syscall(TimeSpan.FromMicroseconds(100));
                        if (i % 16 == 0)
                        {
                            try { await dead.Send(v); }
                            catch (GoPanicException e) when (e.Message == "send on closed channel") { Interlocked.Increment(ref recovered); }
                        }
                        await cs[(id + i) % chans].Send(v);
                        if (thread != null && thread != Thread.CurrentThread) lockedOnOneThread = false;
                    }
                    wg.Done();
                });
            }
            Go(async () =>
            {
                var rnd = new Random(19);
                while (!Volatile.Read(ref stop))
                {
                    GOMAXPROCS(1 + rnd.Next(4));
                    await Sleep(TimeSpan.FromMilliseconds(2));
                }
            });
            for (var got = 0; got < total; got++)
                await Select(cs[0].OnRecv(v => seen[v]++), cs[1].OnRecv(v => seen[v]++), cs[2].OnRecv(v => seen[v]++), cs[3].OnRecv(v => seen[v]++));
            await wg.Wait();
            Volatile.Write(ref stop, true);
            Println($"stress: {total} values, {seen.Count(n => n == 1)} received exactly once, {recovered} panics recovered");
        }, new RunOptions { MaxProcs = 2, RecordEvents = false, Timeout = TimeSpan.FromSeconds(30) });

        Assert.True(run.Outcome == Outcome.Completed, run.ToString());
        Assert.Equal(GoPrinted("stress:"), run.Output.Single());
        Assert.Equal(0, seen.Count(n => n != 1));
        Assert.Equal(producers * (perProducer / 16), recovered);
        Assert.True(lockedOnOneThread, "the goroutine locked with LockOSThread ran on another thread");
        Assert.Equal(0, run.ThreadsLeft);
    }

    /// <summary>The line Go 1.23.5 printed for the same program (tests/GoReference/gomaxprocs-during-syscalls).</summary>
    private static string GoPrinted(string prefix)
    {
        var dir = AppContext.BaseDirectory;
        while (dir != null && !Directory.Exists(Path.Combine(dir, "tests", "GoReference"))) dir = Path.GetDirectoryName(dir);
        var file = Path.Combine(dir ?? throw new DirectoryNotFoundException("tests/GoReference not found above " + AppContext.BaseDirectory),
            "tests", "GoReference", "gomaxprocs-during-syscalls", "gomaxprocs-during-syscalls.expected.txt");
        return File.ReadAllLines(file).Single(l => l.StartsWith(prefix));
    }
}
