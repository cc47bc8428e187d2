using Goroutines;

namespace Goroutines.Tests.GoTests;

/// <summary>Go's run-queue unit tests (export_test.go / proc_runtime_test.go), on fresh Ps with no scheduler running.</summary>
public class RunQueueTests
{
    private static Goroutines.Sched NewSched(int procs = 2) => new(new RunOptions { MaxProcs = procs, RecordEvents = false });

    private static G NewG(long id) => new() { goid = id };

    [Fact]
    public void TestSchedLocalQueue_the_ring_is_FIFO_without_loss_up_to_its_capacity()
    {
        var s = NewSched();
        var pp = new P(0);
        var gs = Enumerable.Range(0, P.RunqSize).Select(i => NewG(i)).ToArray();
        for (var i = 0; i < P.RunqSize; i++)
        {
            Assert.Null(s.RunqGet(pp, out _));
            for (var j = 0; j < i; j++) s.RunqPut(pp, gs[i], next: false);
            for (var j = 0; j < i; j++)
                Assert.Same(gs[i], s.RunqGet(pp, out _));
            Assert.True(Goroutines.Sched.RunqEmpty(pp));
        }
    }

    [Fact]
    public void TestSchedLocalQueueSteal_a_thief_takes_half_rounded_up_and_every_G_is_found_exactly_once()
    {
        var s = NewSched();
        for (var i = 0; i < P.RunqSize; i++)
        {
            var p1 = new P(0);
            var p2 = new P(1);
            var gs = Enumerable.Range(0, i).Select(k => NewG(k)).ToArray();
            foreach (var g in gs) s.RunqPut(p1, g, next: false);
            var seen = new Dictionary<G, int>();
            var stolen = 0;
            if (s.RunqSteal(p2, p1, stealRunNext: true) is { } first)
            {
                seen[first] = 1;
                stolen++;
            }
            while (s.RunqGet(p2, out _) is { } g)
            {
                seen[g] = seen.GetValueOrDefault(g) + 1;
                stolen++;
            }
            while (s.RunqGet(p1, out _) is { } g) seen[g] = seen.GetValueOrDefault(g) + 1;
            Assert.All(gs, g => Assert.Equal(1, seen.GetValueOrDefault(g)));
            Assert.True(stolen == i / 2 || stolen == i / 2 + 1, $"{i} Gs, stole {stolen}");
        }
    }

    [Fact]
    public void TestSchedLocalQueueSteal_with_only_runnext_the_last_round_may_take_it()
    {
        var s = NewSched();
        var victim = new P(0);
        var thief = new P(1);
        var g = NewG(7);
        s.RunqPut(victim, g, next: true);
        Assert.Null(s.RunqSteal(thief, victim, stealRunNext: false));
        Assert.Same(g, s.RunqSteal(thief, victim, stealRunNext: true));
        Assert.True(Goroutines.Sched.RunqEmpty(victim));
    }

    [Fact]
    public void TestSchedLocalQueueEmpty_runqempty_is_never_spuriously_true_while_runnext_kicks_a_G_into_the_ring()
    {
        // Go's protocol: the owner puts G0, meets the helper, then puts G1 and takes one G while the
        // helper asks runqempty; the queue holds at least one G all that time. Then they meet again.
        var s = NewSched();
        var pp = new P(0);
        var g0 = NewG(1);
        var g1 = NewG(2);
        const int iters = 20_000;
        var spurious = 0;
        var ready = 0;
        var checkedRound = 0;
        var helper = new Thread(() =>
        {
            for (var i = 1; i <= iters; i++)
            {
                while (Volatile.Read(ref ready) != i) Thread.SpinWait(1);
                if (Goroutines.Sched.RunqEmpty(pp)) Interlocked.Increment(ref spurious);
                Volatile.Write(ref checkedRound, i);
            }
        });
        helper.Start();
        for (var i = 1; i <= iters; i++)
        {
            s.RunqPut(pp, g0, next: (i & 1) == 0);
            Volatile.Write(ref ready, i);
            s.RunqPut(pp, g1, next: (i & 2) == 0);
            s.RunqGet(pp, out _);
            while (Volatile.Read(ref checkedRound) != i) Thread.SpinWait(1);
            while (s.RunqGet(pp, out _) != null) { }
        }
        helper.Join();
        Assert.Equal(0, spurious);
    }

    [Fact]
    public void TestStealOrder_every_start_visits_every_P_exactly_once()
    {
        var order = new StealOrder();
        for (var procs = 1; procs <= 64; procs++)
        {
            order.Reset(procs);
            for (var start = 0u; start < 3 * (uint)procs; start++)
            {
                var visited = order.Start(start * 2654435761u).ToList();
                Assert.Equal(procs, visited.Count);
                Assert.Equal(Enumerable.Range(0, procs), visited.OrderBy(x => x));
            }
        }
    }

    [Fact]
    public void A_full_ring_overflows_its_first_half_plus_the_new_G_to_the_global_queue()
    {
        var s = NewSched(procs: 1);
        var pp = new P(0);
        var gs = Enumerable.Range(0, P.RunqSize + 1).Select(i => NewG(i)).ToArray();
        foreach (var g in gs) s.RunqPut(pp, g, next: false);
        Assert.Equal(P.RunqSize / 2, pp.RunqLen());
        Assert.Equal(P.RunqSize / 2 + 1, s.runq.size);
        Assert.Equal(gs.Take(128).Append(gs[256]).Select(g => g.goid), s.runq.Ids());
    }

    [Fact]
    public void Globrunqget_takes_min_of_size_over_GOMAXPROCS_plus_one_and_128()
    {
        var s = NewSched(procs: 4);
        s.gomaxprocs = 4;
        var pp = new P(0);
        G? first;
        using (s.lk.Hold())   // as in Go, the global queue is sched.lock's (Debug builds assert it)
        {
            for (var i = 0; i < 100; i++) s.GlobrunqPut(NewG(i));
            first = s.GlobrunqGet(pp, 0);
        }
        Assert.Equal(0L, first!.goid);
        Assert.Equal(100 / 4 + 1 - 1, pp.RunqLen());   // 26 taken: one to run, 25 onto the ring
        Assert.Equal(74, s.runq.size);
    }
}
