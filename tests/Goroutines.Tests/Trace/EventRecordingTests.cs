using Goroutines;
using static Goroutines.Runtime;

namespace Goroutines.Tests.Trace;

/// <summary>
/// Events are recorded compactly, per thread, and merged in order when read (issue 17): all of a big
/// run is kept, nothing is formatted or allocated per event beyond its record, and a cap counts what it drops.
/// </summary>
public class EventRecordingTests
{
    [Fact]
    public void A_run_of_a_million_goroutines_keeps_all_of_its_events_in_order()
    {
        const int n = 1_000_000;
        var r = Run(async () =>
        {
            var wg = new WaitGroup();
            wg.Add(n);
            for (var i = 0; i < n; i++) Go(() => wg.Done());
            await wg.Wait();
        }, new RunOptions { MaxProcs = 2 });

        Assert.Equal(Outcome.Completed, r.Outcome);
        Assert.Equal(0, r.DroppedEvents);
        Assert.Equal(r.Stats.Events, r.Events.Count);
        long creates = 0, destroys = 0, lastTime = 0, seq = 0;
        foreach (var e in r.Events)
        {
            Assert.Equal(seq++, e.Seq);            // one merged order, no gaps, from every thread's buffer
            Assert.True(e.TimeNs >= lastTime, $"event {e.Seq} goes back in time");
            lastTime = e.TimeNs;
            if (e.Kind == EventKind.GoCreate) creates++;
            if (e.Kind == EventKind.GoDestroy) destroys++;
        }
        Assert.Equal(n + 1, creates);                // main's and every goroutine's
        Assert.True(destroys >= n, $"{destroys} GoDestroy events for {n} goroutines");
        Assert.Equal(EventKind.RunEnd, r.Events[^1].Kind);
        Assert.StartsWith("main returned", r.Events[^1].Reason);
    }

    [Fact]
    public void Past_MaxEvents_events_are_counted_but_not_kept()
    {
        var r = Run(async () =>
        {
            var c = new Chan<int>();
            Go(async () => { for (var i = 0; i < 100; i++) await c.Send(i); });
            for (var i = 0; i < 100; i++) await c.Recv();
        }, new RunOptions { MaxProcs = 1, Lockstep = true, MaxEvents = 50 });

        Assert.Equal(50, r.Events.Count);
        Assert.True(r.Stats.Events > 200, $"only {r.Stats.Events} events in all");
        Assert.Equal(r.Stats.Events - 50, r.DroppedEvents);
        Assert.Equal(Enumerable.Range(0, 50).Select(i => (long)i), r.Events.Select(e => e.Seq));
    }

    [Fact]
    public void Recording_allocates_no_more_than_the_record_of_each_event()
    {
        const int rounds = 20_000;
        long PerRoundTrip(bool events)
        {
            long bytes = 0;
            var r = Run(async () =>
            {
                var ping = new Chan<int>();
                var pong = new Chan<int>();
                Go(async () => { for (var i = 0; i < rounds; i++) await pong.Send(await ping.Recv()); });
                for (var i = 0; i < 100; i++) { await ping.Send(i); await pong.Recv(); }   // warm up
                var before = GC.GetTotalAllocatedBytes(precise: true);
                for (var i = 100; i < rounds; i++) { await ping.Send(i); await pong.Recv(); }
                bytes = GC.GetTotalAllocatedBytes(precise: true) - before;
            }, new RunOptions { MaxProcs = 1, RecordEvents = events });
            Assert.Equal(Outcome.Completed, r.Outcome);
            return bytes / (rounds - 100);
        }

        var off = PerRoundTrip(false);
        var on = PerRoundTrip(true);
        // A round trip records 6 events (two blocks, two readies, two starts): 6 × 56 B of records. A formatted
        // sentence alone would be over 100 B each.
        Assert.True(on - off <= 6 * 64, $"events on allocate {on} B per round trip, off {off} B: {(on - off) / 6.0:0} B per event");
    }

    [Fact]
    public void Every_P_has_its_queue_length_in_every_event_also_past_seven_Ps()
    {
        var r = Run(async () =>
        {
            var wg = new WaitGroup();
            wg.Add(64);
            for (var i = 0; i < 64; i++) Go(async () => { await Work(TimeSpan.FromMicroseconds(100)); wg.Done(); });
            GOMAXPROCS(3);
            await wg.Wait();
        }, new RunOptions { MaxProcs = 9, Lockstep = true });

        Assert.Equal(Outcome.Completed, r.Outcome);
        var change = r.Events.First(e => e.Kind == EventKind.ProcsChange && e.Arg == 3);
        Assert.All(r.Events.Where(e => e.Seq < change.Seq), e => Assert.Equal(9, e.LocalQueues.Length));
        Assert.All(r.Events.Where(e => e.Seq >= change.Seq), e => Assert.Equal(3, e.LocalQueues.Length));
        Assert.All(r.Events, e => Assert.All(e.LocalQueues, n => Assert.InRange(n, 0, 256)));
        // The 8th and 9th Ps' lengths are kept outside the packed word: they must still be their real lengths.
        Assert.Contains(r.Events, e => e.LocalQueues.Length == 9 && (e.LocalQueues[7] > 0 || e.LocalQueues[8] > 0));
    }
}
