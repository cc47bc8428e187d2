using Goroutines;
using static Goroutines.Runtime;

namespace Goroutines.Tests.Reliability;

/// <summary>
/// Issue 7: Go's own misuse gives Go's panic text — here in goroutines other than main, in Parallel
/// mode with other goroutines busy on every P, and through select. (ChanTests and SyncTests cover
/// each text once, in main at MaxProcs 1.)
/// </summary>
public class GoMisuseTests
{
    public static TheoryData<string, string> Misuses => new()
    {
        { "send on closed", "panic: send on closed channel" },
        { "close closed", "panic: close of closed channel" },
        { "close nil", "panic: close of nil channel" },
        { "negative wg", "panic: sync: negative WaitGroup counter" },
        { "unlock unlocked", "fatal error: sync: unlock of unlocked mutex" },
        { "select send on closed", "panic: send on closed channel" },
    };

    private static async Task Misuse(string what)
    {
        var ch = new Chan<int>(1);
        switch (what)
        {
            case "send on closed": ch.Close(); await ch.Send(1); break;
            case "close closed": ch.Close(); ch.Close(); break;
            case "close nil": ((Chan<int>?)null).Close(); break;
            case "negative wg": { var wg = new WaitGroup(); wg.Add(2); wg.Add(-3); break; }
            case "unlock unlocked": { var mu = new Mutex(); mu.TryLock(); mu.Unlock(); mu.Unlock(); break; }
            case "select send on closed": ch.Close(); await Select(ch.OnSend(1), Default()); break;
        }
    }

    [Theory]
    [MemberData(nameof(Misuses))]
    public void Misuse_in_a_child_goroutine_on_a_busy_parallel_run_ends_it_with_Gos_text_and_every_thread_gone(string what, string text)
    {
        var run = Run(async () =>
        {
            var never = new Chan<int>();
            for (var i = 0; i < 4; i++) Go(async () => { while (true) await Work(TimeSpan.FromMilliseconds(1)); });
            for (var i = 0; i < 4; i++) Go(async () => await never.Recv());
            Go(async () => { while (true) await Syscall(TimeSpan.FromMilliseconds(2)); });
            await Sleep(TimeSpan.FromMilliseconds(5));
            Go(async () =>
            {
                await Gosched();
                await Misuse(what);
            });
            await never.Recv();
        }, new RunOptions { MaxProcs = 4, Timeout = TimeSpan.FromSeconds(30) });

        Assert.True(run.Outcome == Outcome.Panic, run.ToString());
        Assert.StartsWith(text + "\n\ngoroutine ", run.Message);
        Assert.Contains(" [running]:", run.Message);
        Assert.Equal(0, run.ThreadsLeft);
        if (text.StartsWith("panic:"))
            Assert.Contains("created by", run.Message);   // Go names where the panicking goroutine was started
    }

    [Fact]
    public void A_receive_from_a_closed_channel_in_select_is_not_misuse_it_gets_the_zero_value()
    {
        var run = Run(async () =>
        {
            var ch = new Chan<int>();
            ch.Close();
            await Select(ch.OnRecvOk((v, ok) => Println(v, ok)));
        }, new RunOptions { MaxProcs = 1 });

        Assert.Equal(Outcome.Completed, run.Outcome);
        Assert.Equal(["0 false"], run.Output);
    }
}
