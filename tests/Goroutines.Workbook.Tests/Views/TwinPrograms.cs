using static Goroutines.Runtime;

namespace Goroutines.Workbook.Tests.GmpViews;

/// <summary>Small programs whose twin runs have a known first difference.</summary>
internal static class TwinPrograms
{
    public static RunOptions Options => new() { Lockstep = true, Seed = 7, MaxProcs = 2 };

    /// <summary>main makes four goroutines that compute 100 µs each and waits for them.</summary>
    public static async Task FourWorkers()
    {
        var wg = new WaitGroup();
        for (var i = 0; i < 4; i++)
        {
            wg.Add(1);
            Go(async () =>
            {
                await Work(TimeSpan.FromMicroseconds(100));
                wg.Done();
            });
        }
        await wg.Wait();
    }

    /// <summary>On one P: a goroutine computes for 30 ms without blocking while another waits to print.</summary>
    public static async Task CpuHog()
    {
        var wg = new WaitGroup();
        wg.Add(2);
        Go(async () => { Println("printer"); wg.Done(); });
        Go(async () => { await Work(TimeSpan.FromMilliseconds(30)); wg.Done(); });
        await wg.Wait();
    }

    /// <summary>A producer sends three values to a consumer over a channel with this buffer.</summary>
    public static async Task Pipeline(int buffer)
    {
        var ch = new Chan<int>(buffer);
        var done = new Chan<bool>();
        Go(async () =>
        {
            for (var i = 0; i < 3; i++)
                Println("got", await ch.Recv());
            await done.Send(true);
        });
        for (var i = 0; i < 3; i++)
            await ch.Send(i);
        await done.Recv();
    }

    /// <summary>main sends on a channel with this buffer, then receives: with no buffer nobody can ever receive, a deadlock.</summary>
    public static async Task SendThenReceive(int buffer)
    {
        var ch = new Chan<int>(buffer);
        await ch.Send(1);
        Println(await ch.Recv());
    }
}
