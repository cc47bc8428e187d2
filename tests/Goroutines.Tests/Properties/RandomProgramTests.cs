using CsCheck;
using Goroutines;
using static Goroutines.Runtime;

namespace Goroutines.Tests.Properties;

/// <summary>
/// Random goroutine programs in Lockstep with the invariant checker on: every run must end as
/// Completed or with a correct deadlock report, and no invariant may break. CsCheck shrinks a
/// failing program to a small one.
/// </summary>
public class RandomProgramTests
{
    public abstract record Op;
    public sealed record Send(int Ch, int V) : Op;
    public sealed record Recv(int Ch) : Op;
    public sealed record SelectOn(int A, int B, bool SendOnA, bool WithDefault) : Op;
    public sealed record SleepFor(int Us) : Op;
    public sealed record SyscallFor(int Us) : Op;
    public sealed record Yield : Op;
    public sealed record WorkFor(int Us) : Op;
    public sealed record LockThread : Op;
    public sealed record UnlockThread : Op;
    public sealed record SetProcs(int N) : Op;
    public sealed record Spawn(Op[] Body) : Op
    {
        public override string ToString() => $"Spawn {{ {string.Join(", ", Body.Select(o => o.ToString()))} }}";
    }

    public sealed record Program(int Procs, int Seed, int[] Caps, Op[] Main)
    {
        public override string ToString() =>
            $"Program(Procs={Procs}, Seed={Seed}, Caps=[{string.Join(",", Caps)}], Main={{ {string.Join(", ", Main.Select(o => o.ToString()))} }})";
    }

    private static readonly Gen<Op> Leaf = Gen.OneOf<Op>(
        Gen.Select(Gen.Int[0, 2], Gen.Int[0, 9], (c, v) => (Op)new Send(c, v)),
        Gen.Int[0, 2].Select(c => (Op)new Recv(c)),
        Gen.Select(Gen.Int[0, 2], Gen.Int[0, 2], Gen.Bool, Gen.Bool, (a, b, s, d) => (Op)new SelectOn(a, b, s, d)),
        Gen.Int[0, 3000].Select(us => (Op)new SleepFor(us)),
        Gen.Int[0, 2000].Select(us => (Op)new SyscallFor(us)),
        Gen.Const<Op>(new Yield()),
        Gen.Int[0, 15000].Select(us => (Op)new WorkFor(us)),
        Gen.Const<Op>(new LockThread()),
        Gen.Const<Op>(new UnlockThread()),
        Gen.Int[1, 4].Select(n => (Op)new SetProcs(n)));

    private static readonly Gen<Op> AnyOp = Gen.Frequency(
        (6, Leaf),
        (1, Leaf.Array[0, 5].Select(body => (Op)new Spawn(body))));

    private static readonly Gen<Program> Programs = Gen.Select(
        Gen.Int[1, 4], Gen.Int[0, 1000], Gen.Int[0, 2].Array[3], AnyOp.Array[1, 10],
        (procs, seed, caps, main) => new Program(procs, seed, caps, main));

    private static async Task Interpret(Op[] ops, Chan<int>[] chans)
    {
        foreach (var op in ops)
        {
            switch (op)
            {
                case Send s: await chans[s.Ch].Send(s.V); break;
                case Recv r: await chans[r.Ch].Recv(); break;
                case SelectOn s:
                    await Select(
                        s.SendOnA ? chans[s.A].OnSend(1) : chans[s.A].OnRecv(),
                        chans[s.B].OnRecv(),
                        s.WithDefault ? Default() : chans[s.B].OnRecv());
                    break;
                case SleepFor s: await Sleep(TimeSpan.FromMicroseconds(s.Us)); break;
                case SyscallFor s: await Syscall(TimeSpan.FromMicroseconds(s.Us)); break;
                case Yield: await Gosched(); break;
                case WorkFor w: await Work(TimeSpan.FromMicroseconds(w.Us)); break;
                case LockThread: LockOSThread(); break;
                case UnlockThread: UnlockOSThread(); break;
                case SetProcs sp: GOMAXPROCS(sp.N); break;
                case Spawn sp:
                    var body = sp.Body;
                    Go(() => Interpret(body, chans));
                    break;
            }
        }
    }

    internal static RunResult Execute(Program p) => Run(async () =>
    {
        var chans = p.Caps.Select(c => new Chan<int>(c)).ToArray();
        await Interpret(p.Main, chans);
    }, new RunOptions { MaxProcs = p.Procs, Lockstep = true, Seed = p.Seed, CheckInvariants = true, Timeout = TimeSpan.FromSeconds(30) });

    [Fact]
    public void Random_programs_end_completed_or_in_a_correct_deadlock_and_never_break_an_invariant()
    {
        Programs.Sample(p =>
        {
            var run = Execute(p);
            Assert.True(run.Outcome is Outcome.Completed or Outcome.Deadlock, $"{run.Outcome}: {run.Message}");
            Assert.Equal(0, run.ThreadsLeft);
            if (run.Outcome == Outcome.Deadlock)
            {
                Assert.StartsWith("fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 [", run.Message);
                var statuses = run.Message.Split('\n').Where(l => l.StartsWith("goroutine "))
                    .Select(l => l[(l.IndexOf('[') + 1)..l.IndexOf(']')].Replace(", locked to thread", ""));
                Assert.All(statuses, s => Assert.Contains(s, new[] { "chan send", "chan receive", "select" }));
            }
        }, iter: 500, threads: 1);
    }

    [Fact]
    public void Found_by_the_property_an_M_that_polled_at_virtual_time_zero_must_not_look_like_one_still_waiting_in_netpoll()
    {
        var p = new Program(3, 681, [1, 2, 1],
        [
            new Spawn([new SelectOn(2, 0, true, true), new SleepFor(1335), new SelectOn(2, 1, false, false), new Recv(2)]),
            new SleepFor(1966), new SleepFor(1997), new SleepFor(1628), new Yield(),
            new Spawn([new Send(1, 9), new SleepFor(1831), new WorkFor(10543), new SyscallFor(164)]),
            new SleepFor(1081), new Yield(), new SleepFor(2590),
        ]);
        Assert.Equal(Outcome.Completed, Execute(p).Outcome);
    }

    [Fact]
    public void Found_by_the_property_a_goroutine_that_starts_during_a_stop_the_world_and_calls_GOMAXPROCS_gets_a_P_again()
    {
        var p = new Program(2, 737, [1, 1, 0],
        [
            new WorkFor(3280),
            new Spawn([new SetProcs(1), new SelectOn(0, 2, false, true), new SetProcs(1), new SleepFor(1444), new SleepFor(2852)]),
            new UnlockThread(), new SetProcs(1), new Recv(0),
        ]);
        var run = Execute(p);
        Assert.Equal(Outcome.Deadlock, run.Outcome);   // main waits on channel 0, which nobody sends to
        Assert.StartsWith("fatal error: all goroutines are asleep - deadlock!", run.Message);
    }

    [Fact]
    public void The_same_random_program_gives_the_same_trace_every_time()
    {
        Programs.Sample(p =>
        {
            var a = Execute(p);
            var b = Execute(p);
            Assert.Equal(a.Events.Select(e => e.ToString()), b.Events.Select(e => e.ToString()));
        }, iter: 30, threads: 1);
    }
}
