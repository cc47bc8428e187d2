using Goroutines;
using static Goroutines.Runtime;

namespace Goroutines.Tests.Sched;

/// <summary>
/// A goroutine asked to stop at a safe point (by GOMAXPROCS's stop-the-world or by sysmon) yields
/// before its next operation and tries it again when it resumes, maybe on another M and P. A panic
/// that operation raises belongs to the goroutine: its own try/catch recovers it, as Go's recover
/// does (tests/GoReference/gomaxprocs-during-syscalls).
/// </summary>
public class PreemptedPanicTests
{
    // Before the fix the panic escaped the catch in the Parallel run and with Lockstep seeds 1 and 2.
    [Theory]
    [InlineData(false, 19)]
    [InlineData(true, 1)]
    [InlineData(true, 2)]
    [InlineData(true, 3)]
    public void A_send_on_a_closed_channel_retried_after_a_stop_the_world_is_recovered_by_the_goroutines_own_catch(bool lockstep, int seed)
    {
        const int sends = 4000;
        var recovered = 0;
        var run = Run(async () =>
        {
            var dead = new Chan<int>();
            dead.Close();
            var wg = new WaitGroup();
            var stop = false;
            wg.Add(1);
            Go(async () =>
            {
                for (var i = 0; i < sends; i++)
                {
                    try
                    {
                        if (i % 2 == 0) await dead.Send(i);
                        else await Select(dead.OnSend(i));
                    }
                    catch (GoPanicException e) when (e.Message == "send on closed channel")
                    {
                        recovered++;
                    }
                }
                Volatile.Write(ref stop, true);
                wg.Done();
            });
            // Each GOMAXPROCS stops the world: the sender, running on the other P, is asked to stop.
            for (var n = 0; !Volatile.Read(ref stop); n++)
            {
                GOMAXPROCS(1 + n % 2);
                await Sleep(TimeSpan.FromMicroseconds(50));
            }
            await wg.Wait();
        }, new RunOptions { MaxProcs = 2, Lockstep = lockstep, Seed = seed, RecordEvents = false, Timeout = TimeSpan.FromSeconds(30) });

        Assert.True(run.Outcome == Outcome.Completed, run.ToString());
        Assert.Equal(sends, recovered);
    }
}
