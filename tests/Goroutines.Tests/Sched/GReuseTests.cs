using Goroutines;
using static Goroutines.Runtime;

namespace Goroutines.Tests.Sched;

/// <summary>
/// What the spawn hot path keeps from a dead goroutine, and the counts it no longer shares between
/// Ms: a G's context is reused only when no foreign task can still post to it; goroutine counts
/// live per P and survive GOMAXPROCS removing Ps; allgs grows in chunks and still lists every G.
/// </summary>
public class GReuseTests
{
    private static readonly RunOptions OneP = new() { MaxProcs = 1, Timeout = TimeSpan.FromSeconds(20) };

    /// <summary>
    /// Goroutine A runs (and, if exposed, first awaits a task from outside the run), then exits;
    /// goroutine B is made next on the same P, so it gets A's G from the free list. Then a post to
    /// A's context arrives while B waits on a channel. The foreign task is completed by main only
    /// after A has parked on it (at one P, main's Gosched lets A run until it parks), so A's await
    /// never completes synchronously, however loaded the machine.
    /// </summary>
    private static (RunResult Run, SynchronizationContext? A, SynchronizationContext? B, int LatePosts) AThenB(bool exposeA, bool postWhileDead = false)
    {
        SynchronizationContext? ctxA = null, ctxB = null;
        var late = 0;
        var foreign = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var run = Run(async () =>
        {
            var aDone = new Chan<int>();
            Go(async () =>
            {
                ctxA = SynchronizationContext.Current;
                if (exposeA) await foreign.Task;   // waits as "IO wait": the task now holds A's context
                await aDone.Send(1);
            });
            await Gosched();                       // A runs first (runnext) and parks on the task, or on aDone
            if (exposeA)
            {
                Assert.False(foreign.Task.IsCompleted);
                foreign.SetResult();               // posts to A's context from main's thread: a foreign completion
            }
            await aDone.Recv();
            await Gosched();                       // A returns; its G goes to P0's free list
            if (postWhileDead) ctxA!.Post(_ => Interlocked.Increment(ref late), null);   // while nobody has the G

            var release = new Chan<int>();
            Go(async () =>
            {
                ctxB = SynchronizationContext.Current;
                await release.Recv();
            });
            await Gosched();                       // B starts and waits on release
            ctxA!.Post(_ => Interlocked.Increment(ref late), null);   // A's foreign task, late
            await release.Send(1);
            await Gosched();                       // B wakes and returns
        }, OneP);
        return (run, ctxA, ctxB, late);
    }

    [Fact]
    public void A_goroutine_that_never_awaited_a_foreign_task_leaves_its_context_to_the_next_goroutine_on_its_G()
    {
        var (run, a, b, _) = AThenB(exposeA: false);

        Assert.Equal(Outcome.Completed, run.Outcome);
        Assert.NotNull(a);
        Assert.Same(a, b);   // B got A's G and its context: a spawn allocates nothing
    }

    [Fact]
    public void A_goroutine_that_awaited_a_foreign_task_gives_its_G_a_new_context_so_a_late_post_finds_nobody()
    {
        var unexposed = AThenB(exposeA: false).Run;
        var (run, a, b, late) = AThenB(exposeA: true);

        Assert.Equal(Outcome.Completed, run.Outcome);
        Assert.Equal(unexposed.Stats.GStructs, run.Stats.GStructs);   // B still reused A's G…
        Assert.NotNull(b);
        Assert.NotSame(a, b);                                          // …with a context of its own
        Assert.Equal(0, late);                                          // and A's late post never ran in B
    }

    [Fact]
    public void NumGoroutine_and_the_run_stats_count_goroutines_made_and_ended_on_Ps_that_GOMAXPROCS_removed()
    {
        var seen = new List<int>();
        var run = Run(async () =>
        {
            var release = new Chan<int>();
            var parents = new WaitGroup();
            var children = new WaitGroup();
            parents.Add(12);
            children.Add(12);
            for (var i = 0; i < 12; i++)
                Go(async () =>
                {
                    await Sleep(TimeSpan.FromMilliseconds(1));   // wakes on whichever P runs its timer
                    Go(async () =>
                    {
                        await release.Recv();
                        children.Done();
                    });
                    parents.Done();
                });
            await parents.Wait();
            await Sleep(TimeSpan.FromMilliseconds(1));
            seen.Add(NumGoroutine());   // main and 12 children
            GOMAXPROCS(1);              // P1–P3 go, with the counts of what they made and ended
            seen.Add(NumGoroutine());
            release.Close();
            await children.Wait();
            await Sleep(TimeSpan.FromMilliseconds(1));
            seen.Add(NumGoroutine());
        }, new RunOptions { MaxProcs = 4, Lockstep = true, Seed = 3, CheckInvariants = true, Timeout = TimeSpan.FromSeconds(30) });

        Assert.True(run.Outcome == Outcome.Completed, run.Message);
        Assert.Equal([13, 13, 1], seen);
        Assert.Equal(25, run.Stats.GoroutinesCreated);   // main, 12 parents, 12 children
        Assert.Equal(run.Events.Count(e => e.Kind == EventKind.GoStart), run.Stats.ContextSwitches);
        Assert.Contains(run.Events, e => e.Kind == EventKind.GoCreate && e.P is > 0);   // some were made on the removed Ps
    }

    [Fact]
    public void A_deadlock_with_more_goroutines_than_one_allgs_chunk_lists_every_one_in_creation_order()
    {
        const int n = 5000;   // allgs keeps 4,096 Gs per chunk
        var run = Run(async () =>
        {
            Chan<int>? never = null;
            for (var i = 0; i < n; i++) Go(async () => await never.Recv());
            await never.Recv();
        }, OneP);

        Assert.Equal(Outcome.Deadlock, run.Outcome);
        Assert.True(run.Stats.GStructs >= n + 1, $"{run.Stats.GStructs} G structs");
        var ids = System.Text.RegularExpressions.Regex.Matches(run.Message, @"^goroutine (\d+) \[", System.Text.RegularExpressions.RegexOptions.Multiline)
            .Select(m => long.Parse(m.Groups[1].Value)).ToList();
        Assert.Equal(n + 1, ids.Count);
        Assert.Equal(1, ids[0]);
        Assert.Equal(Enumerable.Range(6, n).Select(i => (long)i), ids.Skip(1));
    }

    [Fact]
    public void Gs_freed_on_one_P_come_back_to_the_P_that_spawns_through_the_global_free_list()
    {
        const int n = 20_000;
        var run = Run(async () =>
        {
            var wg = new WaitGroup();
            wg.Add(n);
            for (var i = 0; i < n; i++)
            {
                Go(() => wg.Done());
                if (i % 64 == 63) await Sleep(TimeSpan.FromMicroseconds(50));   // P1 steals and runs them meanwhile
            }
            await wg.Wait();
        }, new RunOptions { MaxProcs = 2, Lockstep = true, Seed = 1, RecordEvents = false, Timeout = TimeSpan.FromSeconds(60) });

        Assert.Equal(Outcome.Completed, run.Outcome);
        // Each batch of 64 runs mostly on P1 and is freed there; P0 makes the next batch from Gs that
        // P1 gave back, 33 at a time. Without that, every goroutine would need a G of its own.
        Assert.True(run.Stats.GStructs < n / 10, $"{run.Stats.GStructs} G structs for {n} goroutines");
    }

    [Fact]
    public void A_post_to_a_dead_goroutines_context_is_dropped_and_its_G_gets_a_new_context_before_living_again()
    {
        var (run, a, b, late) = AThenB(exposeA: false, postWhileDead: true);

        Assert.Equal(Outcome.Completed, run.Outcome);
        Assert.NotSame(a, b);
        Assert.Equal(0, late);
    }
}
