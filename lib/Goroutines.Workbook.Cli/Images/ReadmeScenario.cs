using static Goroutines.Runtime;

namespace Goroutines.Workbook.Cli.Images;

/// <summary>The program the README's pictures show (the one of lesson 01): twelve busy goroutines on two Ps, the first one starting with a syscall.</summary>
internal static class ReadmeScenario
{
    public static RunOptions Options => new() { MaxProcs = 2, Lockstep = true, Seed = 7 };

    public static async Task Busy()
    {
        var wg = new WaitGroup();
        for (var i = 0; i < 12; i++)
        {
            var n = i;
            wg.Add(1);
            Go(async () =>
            {
                if (n == 0) await Syscall(TimeSpan.FromMicroseconds(300));
                await Work(TimeSpan.FromMicroseconds(200));
                wg.Done();
            });
        }
        await wg.Wait();
    }
}
