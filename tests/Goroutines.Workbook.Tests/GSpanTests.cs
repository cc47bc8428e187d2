using System.Linq;
using Goroutines;

namespace Goroutines.Workbook.Tests;

public class GSpanTests
{
    [Fact]
    public void A_span_runs_from_GoStart_to_the_event_that_takes_the_G_off_its_P_and_a_syscall_span_follows_GoSyscallBegin()
    {
        var events = new EventScript(procs: 2)
            .At(0, EventKind.GoStart, p: 0, g: 1, reason: "main starts")
            .At(1_000, EventKind.GoBlock, p: 0, g: 1)
            .At(1_500, EventKind.GoStart, p: 0, g: 2, reason: "runnext")
            .At(2_000, EventKind.GoStart, p: 1, g: 3, reason: "stolen")
            .At(3_000, EventKind.GoSyscallBegin, p: 1, g: 3)
            .At(4_000, EventKind.GoStop, p: 0, g: 2)
            .At(4_500, EventKind.GoStart, p: 0, g: 1, reason: "readied")
            .At(6_000, EventKind.GoDestroy, p: 0, g: 1)
            .At(7_000, EventKind.RunEnd)
            .Events;

        var spans = Spans(events);

        Assert.Equal(
        [
            new GSpan(0, -1, 1, 0, 1_000, "main starts"),
            new GSpan(0, -1, 2, 1_500, 4_000, "runnext"),
            new GSpan(1, -1, 3, 2_000, 3_000, "stolen"),
            new GSpan(1, -1, 3, 3_000, 7_000, "", InSyscall: true),
            new GSpan(0, -1, 1, 4_500, 6_000, "readied"),
        ], spans);
        Assert.Equal(2_500, spans[1].DurationNs);
    }

    [Fact]
    public void RunEnd_closes_the_spans_still_running()
    {
        var events = new EventScript(procs: 2)
            .At(0, EventKind.GoStart, p: 0, g: 1)
            .At(100, EventKind.GoStart, p: 1, g: 2)
            .At(900, EventKind.RunEnd)
            .At(950, EventKind.ThreadIdle)
            .Events;

        var spans = Spans(events);

        Assert.Equal([new GSpan(0, -1, 1, 0, 900, ""), new GSpan(1, -1, 2, 100, 900, "")], spans);
    }

    [Fact]
    public void Without_RunEnd_the_last_event_closes_the_spans()
    {
        var events = new EventScript(procs: 1)
            .At(0, EventKind.GoStart, p: 0, g: 1)
            .At(400, EventKind.GoCreate, p: 0, g: 2)
            .Events;

        Assert.Equal([new GSpan(0, -1, 1, 0, 400, "")], Spans(events));
    }

    [Fact]
    public void A_G_back_from_a_syscall_on_its_P_runs_again()
    {
        var events = new EventScript(procs: 1)
            .At(0, EventKind.GoStart, p: 0, g: 1, m: 1, reason: "start")
            .At(100, EventKind.GoSyscallBegin, p: 0, g: 1, m: 1, reason: "entersyscall")
            .At(300, EventKind.GoSyscallEnd, p: 0, g: 1, m: 1, reason: "exitsyscall fast path")
            .At(500, EventKind.GoDestroy, p: 0, g: 1, m: 1)
            .Events;

        Assert.Equal(
        [
            new GSpan(0, 1, 1, 0, 100, "start"),
            new GSpan(0, 1, 1, 100, 300, "entersyscall", InSyscall: true),
            new GSpan(0, 1, 1, 300, 500, "exitsyscall fast path"),
        ], Spans(events));
    }

    [Fact]
    public void A_G_back_from_a_syscall_with_another_P_runs_there_without_a_GoStart_and_a_second_GoStart_does_not_split_it()
    {
        var events = new EventScript(procs: 2)
            .At(0, EventKind.GoStart, p: 0, g: 2, m: 1)
            .At(100, EventKind.GoSyscallBegin, p: 0, g: 2, m: 1)
            .At(400, EventKind.GoSyscallEndBlocked, p: 1, g: 2, m: 1, reason: "took idle P1")
            .At(450, EventKind.GoStart, p: 1, g: 2, m: 1, reason: "handoff")
            .At(600, EventKind.GoDestroy, p: 1, g: 2, m: 1)
            .Events;

        var running = Spans(events).Where(s => !s.InSyscall).ToList();

        Assert.Equal([new GSpan(0, 1, 2, 0, 100, ""), new GSpan(1, 1, 2, 400, 600, "took idle P1")], running);
    }

    [Fact]
    public void A_G_back_from_a_syscall_without_a_P_waits_for_a_GoStart()
    {
        var events = new EventScript(procs: 1)
            .At(0, EventKind.GoStart, p: 0, g: 2, m: 1)
            .At(100, EventKind.GoSyscallBegin, p: 0, g: 2, m: 1)
            .At(400, EventKind.GoSyscallEndBlocked, g: 2, m: 1)
            .At(900, EventKind.GoStart, p: 0, g: 2, m: 3, reason: "from the global queue")
            .At(1_000, EventKind.RunEnd)
            .Events;

        Assert.Equal(
        [
            new GSpan(0, 1, 2, 0, 100, ""),
            new GSpan(0, 1, 2, 100, 400, "", InSyscall: true),
            new GSpan(0, 3, 2, 900, 1_000, "from the global queue"),
        ], Spans(events));
    }

    [Fact]
    public void RunEnd_closes_a_syscall_still_blocked()
    {
        var events = new EventScript(procs: 1)
            .At(0, EventKind.GoStart, p: 0, g: 2, m: 1)
            .At(100, EventKind.GoSyscallBegin, p: 0, g: 2, m: 1)
            .At(700, EventKind.RunEnd)
            .Events;

        Assert.Equal(new GSpan(0, 1, 2, 100, 700, "", InSyscall: true), Spans(events)[^1]);
    }

    [Fact]
    public void A_P_runs_one_G_at_a_time_even_if_a_stop_event_is_missing()
    {
        var events = new EventScript(procs: 1)
            .At(0, EventKind.GoStart, p: 0, g: 1)
            .At(200, EventKind.GoStart, p: 0, g: 2)
            .At(300, EventKind.GoDestroy, p: 0, g: 2)
            .Events;

        Assert.Equal([new GSpan(0, -1, 1, 0, 200, ""), new GSpan(0, -1, 2, 200, 300, "")], Spans(events));
    }

    /// <summary>The spans without the text of the event that ended each (asserted on its own below).</summary>
    private static List<GSpan> Spans(IReadOnlyList<TraceEvent> events) =>
        GSpan.FromEvents(events).Select(s => s with { Ended = "" }).ToList();

    [Fact]
    public void A_span_says_which_event_ended_it()
    {
        var run = Goroutines.Runtime.Run(async () => await Goroutines.Runtime.Sleep(TimeSpan.FromMilliseconds(1)),
            new RunOptions { MaxProcs = 1, Lockstep = true });
        var main = GSpan.FromEvents(run.Events).First(s => s.G == 1);
        Assert.StartsWith("GoBlock: gopark: G1 blocks (sleep)", main.Ended);
    }
}
