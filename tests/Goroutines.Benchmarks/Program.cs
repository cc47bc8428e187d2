using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Goroutines.Benchmarks;

// Usage:
//   measure WORKLOAD [REPS]   runs one warm-up (none for "parked", as in Go) and REPS measured repetitions
//                             in this process and prints
//                             "WORKLOAD VALUE" per repetition (the Go programs in go/ print the same lines)
//   table FILE                reads the lines that run.sh collected and prints the comparison table
//   bdn [BenchmarkDotNet args] the BenchmarkDotNet suite with a short in-process job
var inv = CultureInfo.InvariantCulture;
CultureInfo.DefaultThreadCurrentCulture = inv;
CultureInfo.CurrentCulture = inv;

switch (args.FirstOrDefault())
{
    case "measure" when args.Length >= 2:
    {
        var reps = args.Length >= 3 ? int.Parse(args[2], inv) : 1;
        var work = Measure.Find(args[1]);
        if (Measure.WarmsUp(args[1]))
            _ = work().ToList();   // warm-up: JIT, tiering, thread pool, the heap's first growth
        for (var i = 0; i < reps; i++)
            foreach (var (name, value) in work().ToList())
                Console.WriteLine($"{name} {value.ToString("R", inv)}");
        return 0;
    }
    case "table" when args.Length == 2:
        Console.Write(Table.Render(File.ReadAllLines(args[1])));
        return 0;
    case "bdn":
    {
        var job = Job.Dry
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithWarmupCount(1)
            .WithIterationCount(3)
            .WithInvocationCount(1)
            .WithUnrollFactor(1)
            .WithId("short");
        var config = DefaultConfig.Instance.AddJob(job)
            .AddColumn(StatisticColumn.Median, StatisticColumn.Min, StatisticColumn.Max)
            .WithOptions(ConfigOptions.DisableOptimizationsValidator);
        BenchmarkSwitcher.FromAssembly(typeof(Workloads).Assembly).Run(args.Skip(1).ToArray(), config);
        return 0;
    }
    default:
        Console.Error.WriteLine("usage: Goroutines.Benchmarks measure WORKLOAD [REPS] | table FILE | bdn [BenchmarkDotNet args]");
        Console.Error.WriteLine("workloads: " + string.Join(", ", Measure.Names));
        return 2;
}
