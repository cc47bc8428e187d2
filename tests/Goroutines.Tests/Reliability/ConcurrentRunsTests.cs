using Goroutines;
using static Goroutines.Runtime;

namespace Goroutines.Tests.Reliability;

/// <summary>
/// Runs share nothing: several threads of one process (a grader, a notebook using Parallel.For) may
/// run programs at the same time, on both clocks, and each gets exactly its own result. And a stepped
/// run can be stepped to every kind of ending, with the invariant checker on.
/// </summary>
public class ConcurrentRunsTests
{
    [Fact]
    public void Eight_threads_running_programs_at_once_each_get_their_own_correct_result()
    {
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, t =>
        {
            for (var i = 0; i < 25; i++)
            {
                var id = t * 100 + i;
                var run = Run(async () =>
                {
                    var ch = new Chan<int>();
                    var wg = new WaitGroup();
                    for (var k = 0; k < 10; k++)
                    {
                        wg.Add(1);
                        var n = k;
                        Go(async () => { await ch.Send(n); wg.Done(); });
                    }
                    var sum = 0;
                    for (var k = 0; k < 10; k++) sum += await ch.Recv();
                    await wg.Wait();
                    Println(id, sum);
                }, new RunOptions { MaxProcs = 1 + i % 3, Lockstep = i % 2 == 0, Seed = id, Timeout = TimeSpan.FromSeconds(60) });
                if (run.Outcome != Outcome.Completed || run.OutputLine != $"{id} 45" || run.ThreadsLeft != 0)
                    failures.Add($"thread {t}, run {i}: {run}");
            }
        });

        Assert.True(failures.IsEmpty, string.Join("\n", failures));
    }

    [Theory]
    [InlineData("complete", Outcome.Completed)]
    [InlineData("deadlock", Outcome.Deadlock)]
    [InlineData("panic", Outcome.Panic)]
    public void A_stepped_run_stepped_one_event_at_a_time_reaches_each_kind_of_ending_and_then_stays_there(string kind, Outcome expected)
    {
        using var run = Start(async () =>
        {
            var ch = new Chan<int>();
            Go(async () =>
            {
                await Gosched();
                if (kind == "panic") throw new InvalidOperationException("stepped into a panic");
                await ch.Send(1);
            });
            if (kind == "deadlock") await new Chan<int>().Recv();
            else await ch.Recv();
        }, new RunOptions { MaxProcs = 2, CheckInvariants = true });

        var steps = 0;
        while (!run.Ended && steps < 10_000)
        {
            run.Step();
            _ = run.Snapshot;   // looking at every step must be safe
            steps++;
        }

        Assert.True(run.Ended, $"not ended after {steps} steps");
        Assert.Equal(expected, run.Result!.Outcome);
        Assert.Equal(0, run.Result.ThreadsLeft);
        Assert.Empty(run.Step());
        Assert.Same(run.Result, run.RunToEnd());
    }
}
