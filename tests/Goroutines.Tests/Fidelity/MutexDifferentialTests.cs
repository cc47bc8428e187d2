using Goroutines;
using static Goroutines.Runtime;

namespace Goroutines.Tests.Fidelity;

/// <summary>
/// A differential test of Mutex: the random programs of tests/GoReference/mutex-random, generated here
/// op for op as the Go program generates them (same xorshift64*, same choices), run with the model,
/// and compared with what Go 1.23.5 printed most often for each seed (at least 17 of 20 runs).
/// </summary>
public class MutexDifferentialTests
{
    public static TheoryData<int> Seeds() => new(Enumerable.Range(1, 24));

    [Theory]
    [MemberData(nameof(Seeds))]
    public void A_random_mutex_program_prints_what_Go_prints_on_the_lockstep_clock(int seed)
    {
        var run = Run(Program((ulong)seed), new RunOptions { MaxProcs = 1, Lockstep = true, Seed = 7 });

        Assert.Equal(Expected(seed), run.Output);
    }

    /// <summary>
    /// On the wall clock only what does not hang on time is compared: the run completes and prints one
    /// line per op. The order is Go's as long as no wait lands near the 1 ms threshold; but a starvation
    /// hand-off followed by Println yields in place, a switch of OS threads (a new thread, the first times
    /// in a run), and a chain of them can make a waiter wait over 1 ms here where Go's waited microseconds
    /// (seed 2 on a loaded 2-core machine). docs/mutex.md says so.
    /// </summary>
    [Theory]
    [MemberData(nameof(Seeds))]
    public void A_random_mutex_program_completes_with_one_line_per_op_on_the_wall_clock(int seed)
    {
        var run = Run(Program((ulong)seed), new RunOptions { MaxProcs = 1 });

        Assert.True(run.Outcome == Outcome.Completed, run.Message);
        Assert.Equal(Expected(seed).Length, run.Output.Count);
        Assert.Equal("main end", run.Output[^1]);
        Assert.Equal(0, run.ThreadsLeft);
    }

    private static string[] Expected(int seed) =>
        File.ReadAllLines(Path.Combine(GoReferenceDir, "mutex-random", $"mutex-random-s{seed}.expected.txt")).Where(l => l.Length > 0).ToArray();

    /// <summary>The Go program's main for this seed.</summary>
    private static Func<Task> Program(ulong seed)
    {
        var (mutexes, progs) = Gen(seed);
        return async () =>
        {
            var mu = new Mutex[mutexes];
            for (var k = 0; k < mutexes; k++) mu[k] = new Mutex();
            var wg = new WaitGroup();
            for (var g = 1; g < progs.Count; g++)
            {
                var n = g;
                wg.Add(1);
                Go(async () =>
                {
                    await RunOps(n, progs[n], mu);
                    wg.Done();
                });
            }
            await RunOps(0, progs[0], mu);
            await wg.Wait();
            Println("main end");
        };
    }

    private readonly record struct Op(char Kind, int M);

    /// <summary>xorshift64*, as in the Go program.</summary>
    private sealed class Rng(ulong s)
    {
        private ulong s = s;

        private ulong Next()
        {
            s ^= s >> 12;
            s ^= s << 25;
            s ^= s >> 27;
            return unchecked(s * 2685821657736338717UL);
        }

        internal int N(int k) => (int)(Next() % (ulong)k);
    }

    /// <summary>The Go program's gen, choice for choice.</summary>
    private static (int Mutexes, List<List<Op>> Progs) Gen(ulong seed)
    {
        var r = new Rng(unchecked(seed * 0x9E3779B97F4A7C15UL + 1));
        var mutexes = 1 + r.N(2);
        var goroutines = 3 + r.N(3);
        var works = 0;
        var progs = new List<List<Op>>();
        for (var g = 0; g < goroutines; g++)
        {
            var ops = new List<Op>();
            var held = new bool[mutexes];
            var count = 4 + r.N(6);
            for (var i = 0; i < count; i++)
            {
                var lockable = -1;
                for (var k = mutexes - 1; k >= 0 && !held[k]; k--) lockable = k;
                var holding = -1;
                for (var k = 0; k < mutexes; k++) if (held[k]) holding = k;
                var c = r.N(10);
                if (c < 4 && lockable >= 0)
                {
                    var k = lockable + r.N(mutexes - lockable);
                    ops.Add(new Op(r.N(5) == 0 ? 'T' : 'L', k));
                    held[k] = true;
                }
                else if (c < 7 && holding >= 0)
                {
                    ops.Add(new Op('U', holding));
                    held[holding] = false;
                }
                else if (c < 8 && works < 3)
                {
                    ops.Add(new Op('W', 0));
                    works++;
                }
                else ops.Add(new Op('Y', 0));
            }
            for (var k = mutexes - 1; k >= 0; k--) if (held[k]) ops.Add(new Op('U', k));
            progs.Add(ops);
        }
        return (mutexes, progs);
    }

    /// <summary>The Go program's run: each op, then one line.</summary>
    private static async Task RunOps(int g, List<Op> ops, Mutex[] mu)
    {
        var held = new bool[mu.Length];
        var name = "g" + g;
        foreach (var o in ops)
        {
            switch (o.Kind)
            {
                case 'L':
                    await mu[o.M].Lock();
                    held[o.M] = true;
                    Println($"{name} locked {o.M}");
                    break;
                case 'T':
                    var ok = mu[o.M].TryLock();
                    held[o.M] = ok;
                    Println($"{name} trylock {o.M} {(ok ? "true" : "false")}");
                    break;
                case 'U':
                    if (!held[o.M])
                    {
                        Println($"{name} skips unlock {o.M}");
                        break;
                    }
                    mu[o.M].Unlock();
                    held[o.M] = false;
                    Println($"{name} unlocked {o.M}");
                    break;
                case 'Y':
                    await Gosched();
                    Println(name + " yielded");
                    break;
                case 'W':
                    await Work(TimeSpan.FromMilliseconds(2));
                    Println(name + " worked");
                    break;
            }
        }
    }

    private static string GoReferenceDir
    {
        get
        {
            var dir = AppContext.BaseDirectory;
            while (dir != null && !Directory.Exists(Path.Combine(dir, "tests", "GoReference"))) dir = Path.GetDirectoryName(dir);
            return Path.Combine(dir ?? throw new DirectoryNotFoundException("tests/GoReference not found above " + AppContext.BaseDirectory), "tests", "GoReference");
        }
    }
}
