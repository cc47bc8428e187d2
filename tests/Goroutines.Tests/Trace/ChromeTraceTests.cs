using System.Text.Json;
using Goroutines;
using static Goroutines.Runtime;

namespace Goroutines.Tests.Trace;

/// <summary>ChromeTrace writes a run as trace-event JSON: one track per P and per M, a slice per goroutine run, instants with reasons.</summary>
public class ChromeTraceTests
{
    private static RunResult PingPong() => Run(async () =>
    {
        var ch = new Chan<int>();
        var wg = new WaitGroup();
        for (var i = 0; i < 4; i++)
        {
            var n = i;
            wg.Add(1);
            Go(async () => { await Work(TimeSpan.FromMicroseconds(50)); await ch.Send(n); wg.Done(); });
        }
        for (var i = 0; i < 4; i++) await ch.Recv();
        await Syscall(TimeSpan.FromMicroseconds(100));
        await wg.Wait();
    }, new RunOptions { MaxProcs = 2, Lockstep = true, Seed = 3 });

    private static List<JsonElement> Events(string json, string ph) =>
        JsonDocument.Parse(json).RootElement.GetProperty("traceEvents").EnumerateArray().Where(e => e.GetProperty("ph").GetString() == ph).ToList();

    [Fact]
    public void The_document_is_valid_json_with_a_trace_events_array()
    {
        var json = ChromeTrace.ToJson(PingPong());

        using var doc = JsonDocument.Parse(json);
        Assert.Equal(JsonValueKind.Array, doc.RootElement.GetProperty("traceEvents").ValueKind);
        Assert.All(doc.RootElement.GetProperty("traceEvents").EnumerateArray(), e =>
        {
            Assert.True(e.TryGetProperty("ph", out _));
            Assert.True(e.TryGetProperty("pid", out _));
        });
    }

    [Fact]
    public void Every_P_and_every_M_has_a_named_track()
    {
        var run = PingPong();
        var names = Events(ChromeTrace.ToJson(run), "M").Where(e => e.GetProperty("name").GetString() == "thread_name")
            .Select(e => (e.GetProperty("pid").GetInt32(), e.GetProperty("args").GetProperty("name").GetString())).ToList();

        Assert.Contains((1, "P0"), names);
        Assert.Contains((1, "P1"), names);
        foreach (var m in run.Events.Where(e => e.M >= 0).Select(e => e.M).Distinct())
            Assert.Contains((2, "M" + m), names);
    }

    [Fact]
    public void Each_goroutine_run_is_a_slice_on_its_P_and_slices_on_one_P_never_overlap()
    {
        var run = PingPong();
        var slices = Events(ChromeTrace.ToJson(run), "X").Where(e => e.GetProperty("pid").GetInt32() == 1).ToList();

        var ranOnAP = run.Events.Where(e => e.Kind == EventKind.GoStart && e.P >= 0).Select(e => "G" + e.G).ToHashSet();
        Assert.Equal(ranOnAP, slices.Select(s => s.GetProperty("name").GetString()!).ToHashSet());
        foreach (var track in slices.GroupBy(s => s.GetProperty("tid").GetInt32()))
        {
            var ordered = track.Select(s => (Start: s.GetProperty("ts").GetDouble(), End: s.GetProperty("ts").GetDouble() + s.GetProperty("dur").GetDouble()))
                .OrderBy(s => s.Start).ToList();
            Assert.All(ordered, s => Assert.True(s.End >= s.Start));
            for (var i = 1; i < ordered.Count; i++)
                Assert.True(ordered[i].Start >= ordered[i - 1].End - 1e-9, $"P{track.Key}: a slice starts at {ordered[i].Start} before the previous ends at {ordered[i - 1].End}");
        }
    }

    [Fact]
    public void A_syscall_is_a_slice_on_its_M_and_other_events_are_instants_with_their_reason()
    {
        var run = PingPong();
        var json = ChromeTrace.ToJson(run);

        Assert.Contains(Events(json, "X"), e => e.GetProperty("cat").GetString() == "syscall" && e.GetProperty("pid").GetInt32() == 2);
        var instants = Events(json, "i");
        Assert.Equal(run.Events.Count(e => e.Kind != EventKind.GoStart), instants.Count);
        var create = instants.First(e => e.GetProperty("cat").GetString() == "GoCreate");
        Assert.False(string.IsNullOrEmpty(create.GetProperty("args").GetProperty("reason").GetString()));
        Assert.Equal("t", create.GetProperty("s").GetString());
    }

    [Fact]
    public void The_same_seed_gives_the_same_json()
    {
        Assert.Equal(ChromeTrace.ToJson(PingPong()), ChromeTrace.ToJson(PingPong()));
    }
}
