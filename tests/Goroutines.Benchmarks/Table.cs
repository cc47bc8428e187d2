using System.Globalization;
using System.Text;

namespace Goroutines.Benchmarks;

/// <summary>
/// The comparison table: from lines "ours WORKLOAD VALUE" and "go WORKLOAD VALUE" (in the order run.sh
/// ran them, ours and Go alternately), the median (min–max) of each side, the ratio of the medians,
/// the ratio ours/Go pair by pair (the i-th ours against the i-th Go, run one after the other, so a
/// drift in the machine's speed cancels) as median (min–max), the issue's target and whether the
/// median meets it.
/// </summary>
public static class Table
{
    private sealed record Row(string Name, string Unit, string Target, Func<double, double?, bool>? Met, int Digits);

    private static readonly Row[] Rows =
    [
        new("spawn", "ns/goroutine", "≤ 1.0× Go", (_, r) => r <= 1.0, 0),
        new("pingpong1", "ns/round trip", "≤ 1.0× Go", (_, r) => r <= 1.0, 0),
        new("pingpong2", "ns/round trip", "≤ 3× Go", (_, r) => r <= 3.0, 0),
        new("parked", "bytes/goroutine", "≤ 1024 B", (o, _) => o <= 1024, 0),
        new("cpu1", "ms wall", "—", null, 0),
        new("cpu2", "ms wall", "—", null, 0),
        new("cpu", "speedup 1→2 Ps", "≥ 1.8×", (o, _) => o >= 1.8, 2),
        new("sleepers", "ms wall", "≤ 1.5× Go", (_, r) => r <= 1.5, 0),
        new("lockstep1", "events/s", "≥ 100,000", (o, _) => o >= 100_000, 0),
        new("lockstep4", "events/s", "≥ 20,000", (o, _) => o >= 20_000, 0),
    ];

    private static readonly Dictionary<string, string> Titles = new()
    {
        ["spawn"] = "spawn and finish 1,000,000 goroutines (WaitGroup), GOMAXPROCS = cores",
        ["pingpong1"] = "unbuffered ping-pong, 1,000,000 round trips, MaxProcs 1",
        ["pingpong2"] = "unbuffered ping-pong, 1,000,000 round trips, MaxProcs 2",
        ["parked"] = "memory per parked goroutine (100,000 parked on a channel)",
        ["cpu1"] = "CPU-bound: 640 ms of work over 64 goroutines, MaxProcs 1",
        ["cpu2"] = "CPU-bound: 640 ms of work over 64 goroutines, MaxProcs 2",
        ["cpu"] = "CPU-bound: speedup from 1 to 2 Ps (the two rows above, pair by pair)",
        ["sleepers"] = "10,000 goroutines sleeping 100 ms, GOMAXPROCS = cores",
        ["lockstep1"] = "Lockstep events per second, MaxProcs 1",
        ["lockstep4"] = "Lockstep events per second, MaxProcs 4",
    };

    public static string Render(IEnumerable<string> lines)
    {
        var inv = CultureInfo.InvariantCulture;
        var values = new Dictionary<(string Side, string Name), List<double>>();
        foreach (var line in lines)
        {
            var f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (f.Length != 3 || (f[0] != "ours" && f[0] != "go")) continue;
            if (!double.TryParse(f[2], NumberStyles.Float, inv, out var v)) continue;
            var key = (f[0], f[1]);
            if (!values.TryGetValue(key, out var list)) values[key] = list = new();
            list.Add(v);
        }

        var sb = new StringBuilder();
        sb.AppendLine("| workload | unit | ours: median (min–max) | Go 1.23.5: median (min–max) | ours/Go pair by pair: median (min–max) | target | met? |");
        sb.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var row in Rows)
        {
            values.TryGetValue(("ours", row.Name), out var ours);
            values.TryGetValue(("go", row.Name), out var go);
            if (ours is not { Count: > 0 }) continue;
            var om = Median(ours);
            double? gm = go is { Count: > 0 } ? Median(go) : null;
            string Fmt(double x) => x.ToString("N" + row.Digits, inv);
            string Cell(List<double>? l, double? m) =>
                l is { Count: > 0 } && m is { } mm ? $"{Fmt(mm)} ({Fmt(l.Min())}–{Fmt(l.Max())}), n={l.Count}" : "—";
            var pairs = go is { Count: > 0 }
                ? ours.Zip(go, (o, g) => o / g).ToList()
                : new List<double>();
            double? rm = pairs.Count > 0 ? Median(pairs) : null;
            var ratio = rm is { } r
                ? $"{r.ToString("0.00", inv)}× ({pairs.Min().ToString("0.00", inv)}–{pairs.Max().ToString("0.00", inv)})"
                : "—";
            sb.AppendLine($"| {Titles[row.Name]} | {row.Unit} | {Cell(ours, om)} | {Cell(go, gm)} | {ratio} | {row.Target} | {(row.Met == null ? "—" : row.Met(om, rm) ? "yes" : "**no**")} |");
        }
        return sb.ToString();
    }

    private static double Median(List<double> l)
    {
        var s = l.OrderBy(x => x).ToArray();
        return s.Length % 2 == 1 ? s[s.Length / 2] : (s[s.Length / 2 - 1] + s[s.Length / 2]) / 2;
    }
}
