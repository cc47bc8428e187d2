using System.Diagnostics;
using Goroutines;
using static Goroutines.Runtime;

namespace Goroutines.Tests.Reliability;

/// <summary>
/// Issue 7, load: a bounded soak of random channel programs at random MaxProcs in Parallel mode. Each
/// program is built so that its ending is known in advance — pipelines, fan-in, fan-out through
/// selects and buffered channels; with one receive too many (a deadlock), a source that panics
/// part-way (a panic), or a goroutine that works forever while main waits (a time-out) — and every
/// run must end exactly that way, with every value delivered once when it completes, and every
/// thread gone.
/// </summary>
public class SoakTests
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(30);

    private enum Ending { Completed, Deadlock, Panic, TimedOut }

    private sealed record Plan(int Procs, int Stages, int Width, int Values, int Cap, Ending Ending, bool UseSelect, bool Yield)
    {
        public bool ExtraReceive => Ending == Ending.Deadlock;
        public Outcome Expected => (Outcome)(int)Ending;
    }

    private static Plan RandomPlan(Random rnd) => new(
        Procs: rnd.Next(1, 9),
        Stages: rnd.Next(1, 4),
        Width: rnd.Next(1, 6),
        Values: rnd.Next(0, 200),
        Cap: rnd.Next(0, 3) == 0 ? 0 : rnd.Next(1, 8),
        Ending: rnd.Next(16) switch { 0 or 1 => Ending.Deadlock, 2 or 3 => Ending.Panic, 4 => Ending.TimedOut, _ => Ending.Completed },
        UseSelect: rnd.Next(2) == 0,
        Yield: rnd.Next(3) == 0);

    /// <summary>
    /// A source sends Values numbers; Stages layers of Width workers forward them (through a select on
    /// a quit channel, or a plain receive) into the next channel; main sums what comes out. With
    /// ExtraReceive, main then receives once more from a channel nobody will ever close: a deadlock.
    /// </summary>
    private static RunResult Execute(Plan p, out long sum, bool lockstep = false, int seed = 1)
    {
        long total = 0;
        var run = Run(async () =>
        {
            var chans = Enumerable.Range(0, p.Stages + 1).Select(_ => new Chan<int>(p.Cap)).ToArray();
            var quit = new Chan<bool>();
            Go(async () =>
            {
                for (var i = 1; i <= p.Values; i++)
                {
                    if (p.Ending == Ending.Panic && i > p.Values / 2) throw new InvalidOperationException($"source failed at {i}");
                    await chans[0].Send(i);
                }
                if (p.Ending == Ending.Panic) throw new InvalidOperationException("source failed at the end");
                chans[0].Close();
            });
            for (var s = 0; s < p.Stages; s++)
            {
                var input = chans[s];
                var output = chans[s + 1];
                var wg = new WaitGroup();
                wg.Add(p.Width);
                for (var w = 0; w < p.Width; w++)
                {
                    Go(async () =>
                    {
                        while (true)
                        {
                            int v;
                            bool ok;
                            if (p.UseSelect)
                            {
                                (v, ok) = (0, false);
                                var stop = false;
                                await Select(input.OnRecvOk((x, o) => (v, ok) = (x, o)), quit.OnRecv(_ => stop = true));
                                if (stop) break;
                            }
                            else
                            {
                                (v, ok) = await input.RecvOk();
                            }
                            if (!ok) break;
                            if (p.Yield) await Gosched();
                            await output.Send(v);
                        }
                        wg.Done();
                    });
                }
                Go(async () => { await wg.Wait(); output.Close(); });
            }
            if (p.Ending == Ending.TimedOut)
                Go(async () => { while (true) await Work(TimeSpan.FromMicroseconds(50)); });   // keeps the run alive: no deadlock, only the limit
            while (true)
            {
                var (v, ok) = await chans[^1].RecvOk();
                if (!ok) break;
                total += v;
            }
            if (p.Ending == Ending.TimedOut) await new Chan<int>().Recv();
            if (p.ExtraReceive) await new Chan<int>().Recv();   // nobody will ever send: all goroutines asleep
        }, new RunOptions { MaxProcs = p.Procs, RecordEvents = false, Lockstep = lockstep, CheckInvariants = lockstep, Seed = seed, Timeout = p.Ending == Ending.TimedOut ? TimeSpan.FromMilliseconds(50) : TimeSpan.FromSeconds(30) });
        sum = total;
        return run;
    }

    [Fact]
    public void Random_channel_programs_at_random_MaxProcs_in_Parallel_mode_end_as_predicted_with_every_thread_gone() =>
        Soak(lockstep: false, Budget, maxRuns: 3000);

    [Fact]
    public void The_same_programs_in_Lockstep_with_the_invariant_checker_on_end_as_predicted_and_break_no_invariant() =>
        Soak(lockstep: true, TimeSpan.FromSeconds(15), maxRuns: 600);

    private static void Soak(bool lockstep, TimeSpan budget, int maxRuns)
    {
        var seed = Environment.TickCount;
        var rnd = new Random(seed);
        var watch = Stopwatch.StartNew();
        var runs = 0;
        var endings = new Dictionary<Outcome, int>();
        while (watch.Elapsed < budget && runs < maxRuns)
        {
            var plan = RandomPlan(rnd);
            var run = Execute(plan, out var sum, lockstep, rnd.Next());
            runs++;
            var what = $"seed {seed}, run {runs}: {plan}\n{run}";
            Assert.True(run.Outcome == plan.Expected, what);
            Assert.True(run.ThreadsLeft == 0, what);
            endings[run.Outcome] = endings.GetValueOrDefault(run.Outcome) + 1;
            switch (plan.Ending)
            {
                case Ending.Completed or Ending.Deadlock:
                    Assert.True((long)plan.Values * (plan.Values + 1) / 2 == sum, $"sum {sum}; {what}");
                    if (plan.Ending == Ending.Deadlock)
                        Assert.StartsWith("fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 [chan receive]:", run.Message);
                    break;
                case Ending.Panic:
                    Assert.Matches(@"^panic: System.InvalidOperationException: source failed at (\d+|the end)\n\ngoroutine \d+ \[running\]:\ncreated by ", run.Message);
                    break;
                case Ending.TimedOut:
                    Assert.Contains("did not end within its time limit", run.Message);
                    break;
            }
        }
        Assert.True(runs >= 50, $"only {runs} runs in {budget}");
        Assert.True(endings.Count == 4, $"not every ending among {runs} runs: {string.Join(", ", endings)}");
    }
}
