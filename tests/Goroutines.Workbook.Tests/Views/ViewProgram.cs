using static Goroutines.Runtime;

namespace Goroutines.Workbook.Tests.GmpViews;

/// <summary>A small program that fills queues, blocks on a channel and makes a syscall: every part of the picture has something in it.</summary>
internal static class ViewProgram
{
    public static RunOptions Options => new() { MaxProcs = 2, Seed = 7 };

    public static async Task Body()
    {
        var wg = new WaitGroup();
        var ch = new Chan<int>();
        for (var i = 0; i < 14; i++)
        {
            var n = i;
            wg.Add(1);
            Go(async () =>
            {
                await Work(TimeSpan.FromMicroseconds(200));
                if (n == 3) await ch.Recv();
                if (n == 5) await Syscall(TimeSpan.FromMicroseconds(500));
                wg.Done();
            });
        }
        await Work(TimeSpan.FromMicroseconds(300));
        await ch.Send(1);
        await wg.Wait();
    }
}
