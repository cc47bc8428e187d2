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
    /// <summary>
    /// A row: its workload's figures against Go's figures of `GoName` (default: the same name). A ratio row
    /// (`Over` set) shows ours(Name) ÷ ours(Over) pair by pair as its value, e.g. events on ÷ events off.
    /// </summary>
    private sealed record Row(string Name, string Unit, string Target, Func<double, double?, bool>? Met, int Digits,
        string? GoName = null, string? Over = null);

    private static readonly Row[] Rows =
    [
        new("spawn", "ns/goroutine", "≤ 1.0× Go", (_, r) => r <= 1.0, 0),
        new("pingpong1", "ns/round trip", "≤ 1.0× Go", (_, r) => r <= 1.0, 0),
        new("pingpong2", "ns/round trip", "≤ 3× Go", (_, r) => r <= 3.0, 0),
        new("parked", "bytes/goroutine", "≤ 1024 B", (o, _) => o <= 1024, 0),
        new("spawn-ev", "ns/goroutine", "—", null, 0, GoName: "spawn"),
        new("spawn-onoff", "on ÷ off", "≤ 1.5×", (o, _) => o <= 1.5, 2, Over: "spawn"),
        new("pingpong1-ev", "ns/round trip", "≤ 1.3× Go", (_, r) => r <= 1.3, 0, GoName: "pingpong1"),
        new("pingpong1-onoff", "on ÷ off", "≤ 1.5×", (o, _) => o <= 1.5, 2, Over: "pingpong1"),
        new("parked-ev", "bytes/goroutine", "≤ 700 B", (o, _) => o <= 700, 0, GoName: "parked"),
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
        ["spawn-ev"] = "spawn and finish 1,000,000 goroutines, events on",
        ["spawn-onoff"] = "spawn: events on ÷ events off (pair by pair)",
        ["pingpong1-ev"] = "unbuffered ping-pong, MaxProcs 1, events on",
        ["pingpong1-onoff"] = "ping-pong MaxProcs 1: events on ÷ events off (pair by pair)",
        ["parked-ev"] = "memory per parked goroutine, events on",
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
            List<double>? ours, go = null;
            if (row.Over is { } over)
                ours = values.TryGetValue(("ours", row.Name.Replace("-onoff", "-ev")), out var on) && values.TryGetValue(("ours", over), out var off)
                    ? on.Zip(off, (a, b) => a / b).ToList()
                    : null;
            else
            {
                values.TryGetValue(("ours", row.Name), out ours);
                values.TryGetValue(("go", row.GoName ?? row.Name), out go);
            }
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
