namespace Goroutines.Benchmarks;

/// <summary>The workloads by the names run.sh and the Go programs use, each returning its figure.</summary>
public static class Measure
{
    private static readonly Dictionary<string, Func<IEnumerable<(string Name, double Value)>>> All = new()
    {
        ["cpu"] = () =>                                                                     // ms at 1 and 2 Ps, speedup
        {
            var total = TimeSpan.FromMilliseconds(640);
            var one = Workloads.CpuSplit(total, 1);
            var two = Workloads.CpuSplit(total, 2);
            return [("cpu1", one), ("cpu2", two), ("cpu", one / two)];
        },
    };

    private static readonly Dictionary<string, Func<double>> Single = new()
    {
        ["spawn"] = () => Workloads.SpawnFinish(1_000_000, Environment.ProcessorCount),   // ns per goroutine
        ["pingpong1"] = () => Workloads.PingPong(1_000_000, 1),                            // ns per round trip
        ["pingpong2"] = () => Workloads.PingPong(1_000_000, 2),
        ["parked"] = () => Workloads.ParkedMemory(100_000, 1),                            // bytes per goroutine
        ["spawn-ev"] = () => Workloads.SpawnFinish(1_000_000, Environment.ProcessorCount, events: true),
        ["pingpong1-ev"] = () => Workloads.PingPong(1_000_000, 1, events: true),
        ["parked-ev"] = () => Workloads.ParkedMemory(100_000, 1, events: true),
        ["sleepers"] = () => Workloads.Sleepers(10_000, TimeSpan.FromMilliseconds(100), Environment.ProcessorCount),  // ms
        ["lockstep1"] = () => Workloads.LockstepEvents(1, 200),                            // events per second
        ["lockstep4"] = () => Workloads.LockstepEvents(4, 200),
    };

    static Measure()
    {
        foreach (var (name, f) in Single)
            All[name] = () => [(name, f())];
    }

    public static IEnumerable<string> Names => All.Keys;

    /// <summary>
    /// Whether a warm-up run comes first. Not for the parked-memory workload: it measures the heap
    /// once in a fresh process, like the Go program (whose second round would reuse dead goroutines).
    /// </summary>
    public static bool WarmsUp(string name) => !name.StartsWith("parked");

    /// <summary>The workload's figures: most give one, "cpu" gives the times at 1 and 2 Ps and the speedup.</summary>
    public static Func<IEnumerable<(string Name, double Value)>> Find(string name) =>
        All.TryGetValue(name, out var f)
            ? f
            : throw new ArgumentException($"unknown workload '{name}'; one of: {string.Join(", ", All.Keys)}");
}
