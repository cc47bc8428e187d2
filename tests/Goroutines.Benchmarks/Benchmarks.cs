using BenchmarkDotNet.Attributes;

namespace Goroutines.Benchmarks;

// The BenchmarkDotNet suite: one operation is one whole run, so "Allocated" is per run; divide by
// the goroutines or round trips in it (the column N) for the cost of one. The job is set in Program
// (short: few iterations, in-process) so that run.sh stays within its time.

[MemoryDiagnoser, ThreadingDiagnoser]
public class SpawnBenchmarks
{
    [Params(1, 2)] public int Procs;
    public const int N = 1_000_000;

    [Benchmark(Description = "spawn+finish 1M (WaitGroup)")]
    public double SpawnFinish() => Workloads.SpawnFinish(N, Procs);
}

[MemoryDiagnoser, ThreadingDiagnoser]
public class PingPongBenchmarks
{
    [Params(1, 2)] public int Procs;
    public const int N = 1_000_000;

    [Benchmark(Description = "unbuffered ping-pong 1M round trips")]
    public double PingPong() => Workloads.PingPong(N, Procs);
}

[MemoryDiagnoser, ThreadingDiagnoser]
public class SleepersBenchmarks
{
    [Benchmark(Description = "10,000 goroutines sleep 100 ms (MaxProcs 2)")]
    public double Sleepers() => Workloads.Sleepers(10_000, TimeSpan.FromMilliseconds(100), 2);
}

[MemoryDiagnoser, ThreadingDiagnoser]
public class CpuBenchmarks
{
    [Params(1, 2)] public int Procs;

    [Benchmark(Description = "Work 640 ms over 64 goroutines")]
    public double Cpu() => Workloads.CpuSplit(TimeSpan.FromMilliseconds(640), Procs);
}

[MemoryDiagnoser, ThreadingDiagnoser]
public class LockstepBenchmarks
{
    [Params(1, 4)] public int Procs;

    [Benchmark(Description = "Lockstep 50 ping-pong pairs x 200 (events recorded)")]
    public double Lockstep() => Workloads.LockstepEvents(Procs, 200);
}
