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
