using Goroutines;
using static Goroutines.Runtime;

namespace Goroutines.Tests.Chans;

/// <summary>WaitGroup and Mutex.</summary>
public class SyncTests
{
    [Fact]
    public void A_negative_WaitGroup_counter_panics_with_Gos_text()
    {
        var run = Run(() => new WaitGroup().Done(), new RunOptions { MaxProcs = 1 });

        Assert.Equal(Outcome.Panic, run.Outcome);
        Assert.StartsWith("panic: sync: negative WaitGroup counter", run.Message);
    }

    [Fact]
    public void WaitGroup_Wait_parks_with_Go_1_23s_wait_reason_semacquire()
    {
        var run = Run(async () =>
        {
            var wg = new WaitGroup();
            wg.Add(1);
            await wg.Wait();
        }, new RunOptions { MaxProcs = 1 });

        Assert.Equal(Outcome.Deadlock, run.Outcome);
        Assert.Contains("goroutine 1 [semacquire]:", run.Message);
    }

    [Fact]
    public void Unlocking_an_unlocked_mutex_is_a_fatal_error()
    {
        var run = Run(() => new Mutex().Unlock(), new RunOptions { MaxProcs = 1 });

        Assert.Equal(Outcome.Panic, run.Outcome);
        Assert.StartsWith("fatal error: sync: unlock of unlocked mutex", run.Message);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void A_mutex_keeps_a_read_modify_write_with_a_yield_inside_correct(int procs)
    {
        var counter = 0;
        var run = Run(async () =>
        {
            var mu = new Mutex();
            var wg = new WaitGroup();
            for (var g = 0; g < 8; g++)
            {
                wg.Add(1);
                Go(async () =>
                {
                    for (var i = 0; i < 200; i++)
                    {
                        await mu.Lock();
                        var v = counter;
                        await Gosched();      // without the lock, another goroutine would interleave here
                        counter = v + 1;
                        mu.Unlock();
                    }
                    wg.Done();
                });
            }
            await wg.Wait();
        }, new RunOptions { MaxProcs = procs, RecordEvents = false });

        Assert.Equal(Outcome.Completed, run.Outcome);
        Assert.Equal(1600, counter);
    }

    /// <summary>
    /// Eight goroutines hold the mutex for 300 µs of work each time, so waiters wait over 1 ms: the
    /// mutex goes into starvation mode and hands off, and each unlocker owes a goyield that it takes at
    /// its Println (a synchronous call) or its next Lock (an await). At one P the holder keeps barging
    /// until sysmon preempts it after 10 ms; only then does a waiter that waited over 1 ms starve the mutex.
    /// </summary>
    private static RunResult Contended(ref int counter, RunOptions options)
    {
        var box = new int[1];
        var run = Run(async () =>
        {
            var mu = new Mutex();
            var wg = new WaitGroup();
            for (var g = 0; g < 8; g++)
            {
                var n = g;
                wg.Add(1);
                Go(async () =>
                {
                    for (var i = 0; i < 50; i++)
                    {
                        await mu.Lock();
                        var v = box[0];
                        await Work(TimeSpan.FromMicroseconds(300));
                        box[0] = v + 1;
                        mu.Unlock();
                        if (i % 5 == n % 5) Println("G", n, i);
                    }
                    wg.Done();
                });
            }
            await wg.Wait();
        }, options);
        counter = box[0];
        return run;
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(1, 2)]
    [InlineData(4, 3)]
    [InlineData(4, 4)]
    public void A_starving_contended_mutex_keeps_every_goroutine_in_exactly_one_place_on_the_lockstep_clock(int procs, int seed)
    {
        var counter = 0;
        var run = Contended(ref counter, new RunOptions { MaxProcs = procs, Lockstep = true, Seed = seed, CheckInvariants = true });

        Assert.True(run.Outcome == Outcome.Completed, run.Message);
        Assert.Equal(400, counter);
        Assert.Contains(run.Events, e => e.Reason.Contains("starvation mode"));
        Assert.Contains(run.Events, e => e.Reason.StartsWith("goyield:"));
        Assert.Contains(run.Events, e => e.Reason.StartsWith("stoplockedm:"));   // a yield taken in place, at a Println
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void A_starving_contended_mutex_excludes_on_the_wall_clock(int procs)
    {
        var counter = 0;
        var run = Contended(ref counter, new RunOptions { MaxProcs = procs });

        Assert.True(run.Outcome == Outcome.Completed, run.Message);
        Assert.Equal(400, counter);
        Assert.Equal(0, run.ThreadsLeft);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_run_that_ends_while_an_unlocker_yields_in_place_releases_its_thread(bool lockstep)
    {
        var run = Run(async () =>
        {
            var mu = new Mutex();
            await mu.Lock();
            Go(async () =>
            {
                await mu.Lock();
                throw new InvalidOperationException("boom");   // ends the run while main waits in its Println's yield
            });
            await Gosched();                          // W blocks in Lock
            await Work(TimeSpan.FromMilliseconds(3)); // W waits over 1 ms
            mu.Unlock();
            await mu.Lock();
            await Gosched();                          // W starves the mutex
            mu.Unlock();                              // hand-off: main owes a yield
            Println("main after unlock");             // takes it in place; W panics meanwhile
            await Sleep(TimeSpan.FromSeconds(1));
        }, new RunOptions { MaxProcs = 1, Lockstep = lockstep });

        Assert.Equal(Outcome.Panic, run.Outcome);
        Assert.StartsWith("panic: System.InvalidOperationException: boom", run.Message);
        Assert.DoesNotContain("main after unlock", run.Output);
        Assert.Equal(0, run.ThreadsLeft);
    }

    [Fact]
    public void A_goroutine_blocked_on_a_mutex_waits_with_reason_sync_Mutex_Lock()
    {
        var run = Run(async () =>
        {
            var mu = new Mutex();
            await mu.Lock();
            await mu.Lock();
        }, new RunOptions { MaxProcs = 1 });

        Assert.Equal(Outcome.Deadlock, run.Outcome);
        Assert.Contains("goroutine 1 [sync.Mutex.Lock]:", run.Message);
    }
}
