using Goroutines;
using static Goroutines.Runtime;

namespace Goroutines.Tests.Fidelity;

/// <summary>
/// The programs of tests/GoReference, written with this library; each expected output is what Go
/// 1.23.5 printed on every run (the program's *.expected.txt).
/// </summary>
public class GoReferenceTests
{
    /// <summary>GOMAXPROCS=1 on either clock: Go is deterministic there, so both must print what Go prints.</summary>
    private static RunOptions OneP(bool lockstep) => new() { MaxProcs = 1, Lockstep = lockstep, Seed = 7 };

    public static TheoryData<bool> Clocks => new() { false, true };

    [Theory]
    [MemberData(nameof(Clocks))]
    public void Chan_handoff_a_sender_to_a_waiting_receiver_keeps_running_until_it_blocks(bool lockstep)
    {
        var run = Run(async () =>
        {
            var ping = new Chan<int>();
            var pong = new Chan<int>();
            var done = new Chan<bool>();
            Go(async () =>
            {
                Println("g start");
                for (var i = 0; i < 3; i++)
                {
                    var v = await ping.Recv();
                    Println("g recv", v);
                    await pong.Send(v * 10);
                    Println("g sent", v * 10);
                }
                Println("g exit");
                done.Close();
            });
            for (var i = 0; i < 3; i++)
            {
                Println("main send", i);
                await ping.Send(i);
                Println("main sent", i);
                var v = await pong.Recv();
                Println("main recv", v);
            }
            await done.Recv();
            Println("main end");
        }, OneP(lockstep));

        Assert.Equal(Expected("chan-handoff"), run.Output);
    }

    [Theory]
    [MemberData(nameof(Clocks))]
    public void Buffered_chan_order_a_receive_from_a_full_buffer_moves_the_first_blocked_senders_value_in(bool lockstep)
    {
        var run = Run(async () =>
        {
            var wg = new WaitGroup();
            var ch = new Chan<int>(3);
            for (var i = 1; i <= 3; i++) await ch.Send(i);
            for (var i = 4; i <= 6; i++)
            {
                var n = i;
                wg.Add(1);
                Go(async () =>
                {
                    Println($"S{n} sending");
                    await ch.Send(n);
                    Println($"S{n} sent");
                    wg.Done();
                });
            }
            await Gosched();
            for (var k = 0; k < 6; k++) Println("main recv", await ch.Recv());
            await wg.Wait();
        }, OneP(lockstep));

        Assert.Equal(Expected("buffered-chan-order"), run.Output);
    }

    [Theory]
    [MemberData(nameof(Clocks))]
    public void NumGoroutine_counts_created_and_blocked_goroutines_and_not_the_runtimes_own(bool lockstep)
    {
        var run = Run(async () =>
        {
            Println("start: " + NumGoroutine());
            var block = new Chan<bool>();
            var wg = new WaitGroup();
            for (var i = 0; i < 3; i++)
            {
                wg.Add(1);
                Go(async () =>
                {
                    await block.Recv();
                    wg.Done();
                });
            }
            Println("after go x3 (not yet run): " + NumGoroutine());
            await Gosched();
            Println("after Gosched (all 3 blocked): " + NumGoroutine());
            block.Close();
            await wg.Wait();
            Println("after close+wg.Wait: " + NumGoroutine());
            await Gosched();
            Println("after another Gosched (all exited): " + NumGoroutine());
        }, OneP(lockstep));

        Assert.Equal(Expected("numgoroutine"), run.Output);
    }

    [Theory]
    [MemberData(nameof(Clocks))]
    public void Gosched_local_vs_global(bool lockstep)
    {
        var run = Run(async () =>
        {
            for (var i = 1; i <= 3; i++)
            {
                var n = i;
                Go(() => Println($"G{n}"));
            }
            Println("main-before-gosched");
            await Gosched();
            Println("main-after-gosched");
        }, OneP(lockstep));

        Assert.Equal(string.Join(" ", Expected("gosched-local-vs-global")), run.OutputLine);
    }

    [Theory]
    [MemberData(nameof(Clocks))]
    public void E4_deadlock_lists_goroutine_1_first_then_the_others_with_their_wait_reasons(bool lockstep)
    {
        var run = Run(async () =>
        {
            var ch = new Chan<int>();
            Go(async () => await ch.Send(1));
            await new Chan<int>().Recv();
        }, OneP(lockstep));

        var go = File.ReadAllText(Path.Combine(GoReferenceDir, "e4-deadlock-chan-send", "e4-deadlock-chan-send.expected.stderr.txt"));
        Assert.Equal(Outcome.Deadlock, run.Outcome);
        Assert.Equal(Headers(go), Headers(run.Message));
        Assert.Equal(["goroutine 1 [chan receive]:", "goroutine 6 [chan send]:"], Headers(run.Message).Skip(1).ToArray());
        Assert.Contains("created by", run.Message);
    }

    [Theory]
    [MemberData(nameof(Clocks))]
    public void Mutex_woken_bit_an_unlock_wakes_nobody_while_the_waiter_it_woke_has_not_run(bool lockstep)
    {
        var run = RunWithoutPreemption(async () =>
        {
            var mu = new Mutex();
            var wg = new WaitGroup();
            await mu.Lock();
            foreach (var name in new[] { "A", "B" })
            {
                wg.Add(1);
                Go(async () =>
                {
                    Println(name + " lock");
                    await mu.Lock();
                    Println(name + " locked");
                    mu.Unlock();
                    wg.Done();
                });
            }
            await Gosched();      // B (runnext) then A block in Lock
            Println("main unlock 1");
            mu.Unlock();          // wakes B: runnext, mutexWoken set
            await mu.Lock();      // B has not run: main takes the lock again
            Println("main unlock 2");
            mu.Unlock();          // mutexWoken is still set: nobody is woken
            await wg.Wait();
            Println("main end");
        }, lockstep);

        Assert.Equal(Expected("mutex-woken-bit"), run.Output);
    }

    [Theory]
    [MemberData(nameof(Clocks))]
    public void Mutex_sema_count_a_late_Lock_takes_the_count_left_for_the_woken_waiter_and_queues_first(bool lockstep)
    {
        var run = RunWithoutPreemption(async () =>
        {
            var mu = new Mutex();
            var wg = new WaitGroup();
            Func<string, Func<Task>> locker = name => async () =>
            {
                Println(name + " lock");
                await mu.Lock();
                Println(name + " locked");
                mu.Unlock();
                wg.Done();
            };
            await mu.Lock();
            wg.Add(2);
            Go(locker("W"));
            await Gosched();      // W blocks in Lock
            Println("main unlock 1");
            mu.Unlock();          // W readied into runnext, m.sema = 1
            await mu.Lock();      // main takes the lock again before W runs
            Go(locker("L"));      // L into runnext; W moves to the local queue
            await Gosched();      // L takes the count and queues at the head; W queues at the tail
            Println("main unlock 2");
            mu.Unlock();          // wakes the head: L
            await wg.Wait();
            Println("main end");
        }, lockstep);

        Assert.Equal(Expected("mutex-sema-count"), run.Output);
    }

    [Theory]
    [MemberData(nameof(Clocks))]
    public void Mutex_starvation_handoff_the_waiter_runs_at_once_and_the_unlocker_goes_to_its_local_queue(bool lockstep)
    {
        var run = RunWithoutPreemption(async () =>
        {
            var mu = new Mutex();
            var wg = new WaitGroup();
            await mu.Lock();
            wg.Add(2);
            Go(async () =>
            {
                Println("W lock");
                await mu.Lock();
                Println("W locked");
                mu.Unlock();
                Println("W unlocked");
                wg.Done();
            });
            await Gosched();                          // W blocks in Lock
            await Work(TimeSpan.FromMilliseconds(3)); // W waits over 1 ms
            mu.Unlock();                              // normal mode: W is woken
            await mu.Lock();                          // main takes the lock again before W runs
            await Gosched();                          // W sets mutexStarving and queues at the head
            var ready = new Chan<bool>();
            Go(async () =>
            {
                Println("Y gosched");
                await ready.Send(true);               // main is readied into runnext
                await Gosched();                      // Y goes to the global queue
                Println("Y after gosched");
                wg.Done();
            });
            await ready.Recv();
            Println("main unlock");
            mu.Unlock();                              // hand-off to W; main owes a yield, taken by the Println
            Println("main after unlock");
            await wg.Wait();
            Println("main end");
        }, lockstep);

        Assert.Equal(Expected("mutex-starvation-handoff"), run.Output);
    }

    [Theory]
    [MemberData(nameof(Clocks))]
    public void Mutex_starvation_handoff_an_unlocker_that_returns_yields_first_and_exits_later(bool lockstep)
    {
        var run = RunWithoutPreemption(async () =>
        {
            var mu = new Mutex();
            var wg = new WaitGroup();
            await mu.Lock();
            wg.Add(1);
            Go(async () =>
            {
                Println("W lock");
                await mu.Lock();
                Println("W locked, goroutines: " + NumGoroutine());
                mu.Unlock();
                wg.Done();
            });
            await Gosched();                          // W blocks in Lock
            await Work(TimeSpan.FromMilliseconds(3)); // W waits over 1 ms
            mu.Unlock();                              // normal mode: W is woken
            await mu.Lock();                          // main takes the lock again before W runs
            await Gosched();                          // W sets mutexStarving and queues at the head
            Go(() =>
            {
                Println("U unlock");
                mu.Unlock();                          // hand-off to W; U owes a yield and takes it as it returns
            });
            Println("main waits, goroutines: " + NumGoroutine());
            await wg.Wait();
            Println("main end, goroutines: " + NumGoroutine());
        }, lockstep);

        Assert.Equal(Expected("mutex-handoff-return"), run.Output);
    }

    [Theory]
    [MemberData(nameof(Clocks))]
    public void Mutex_starvation_handoff_an_unlocker_whose_next_call_is_an_await_yields_before_it(bool lockstep)
    {
        var run = RunWithoutPreemption(async () =>
        {
            var mu = new Mutex();
            var wg = new WaitGroup();
            await mu.Lock();
            wg.Add(2);
            Go(async () =>
            {
                Println("W lock");
                await mu.Lock();
                Println("W locked");
                mu.Unlock();
                wg.Done();
            });
            await Gosched();                          // W blocks in Lock
            await Work(TimeSpan.FromMilliseconds(3)); // W waits over 1 ms
            mu.Unlock();                              // normal mode: W is woken
            await mu.Lock();                          // main takes the lock again before W runs
            await Gosched();                          // W sets mutexStarving and queues at the head
            var ch = new Chan<int>();
            Go(async () =>
            {
                Println("R waits");
                Println("R got " + await ch.Recv());
                wg.Done();
            });
            await Gosched();                          // R blocks in Recv
            Println("main unlock");
            mu.Unlock();                              // hand-off to W; main owes a yield, taken by the send
            await ch.Send(1);
            Println("main sent");
            await wg.Wait();
            Println("main end");
        }, lockstep);

        Assert.Equal(Expected("mutex-handoff-await"), run.Output);
    }

    /// <summary>
    /// On the wall clock, a run that counts is one where sysmon preempted nobody: Go at GOMAXPROCS=1 is
    /// deterministic only while no goroutine runs 10 ms without a switch, and on a loaded machine (or in
    /// a first run that pays for JIT compilation) the model's goroutines can exceed that where Go's
    /// never do. Such runs are retried, up to 5 times; the Lockstep clock needs none of this.
    /// </summary>
    private static RunResult RunWithoutPreemption(Func<Task> main, bool lockstep)
    {
        var run = Run(main, OneP(lockstep));
        for (var i = 0; i < 4 && !lockstep && run.Events.Any(e => e.Kind == EventKind.Preempt); i++) run = Run(main, OneP(lockstep));
        return run;
    }

    [Theory]
    [MemberData(nameof(Clocks))]
    public void E4_deadlock_a_goroutine_blocked_in_Lock_waits_as_sync_Mutex_Lock(bool lockstep)
    {
        var run = Run(async () =>
        {
            var mu = new Mutex();
            await mu.Lock();
            await mu.Lock();
        }, OneP(lockstep));

        var go = File.ReadAllText(Path.Combine(GoReferenceDir, "e4-deadlock-mutex", "e4-deadlock-mutex.expected.stderr.txt"));
        Assert.Equal(Outcome.Deadlock, run.Outcome);
        Assert.Equal(Headers(go), Headers(run.Message));
        Assert.Equal("goroutine 1 [sync.Mutex.Lock]:", Headers(run.Message)[1]);
    }

    /// <summary>
    /// The lines that do not depend on file paths and code offsets: the message and goroutine headers.
    /// The reference program does not import os, so its first goroutine is 5 where ours (like any Go
    /// program using fmt) is 6.
    /// </summary>
    private static string[] Headers(string text) =>
        text.Replace("\r", "").Split('\n')
            .Where(l => l.StartsWith("fatal error:") || l.StartsWith("panic:") || l.StartsWith("goroutine "))
            .Select(l => l.StartsWith("goroutine ") ? System.Text.RegularExpressions.Regex.Replace(l, @"^goroutine 5 ", "goroutine 6 ") : l)
            .ToArray();

    private static string GoReferenceDir
    {
        get
        {
            var dir = AppContext.BaseDirectory;
            while (dir != null && !Directory.Exists(Path.Combine(dir, "tests", "GoReference"))) dir = Path.GetDirectoryName(dir);
            return Path.Combine(dir ?? throw new DirectoryNotFoundException("tests/GoReference not found above " + AppContext.BaseDirectory), "tests", "GoReference");
        }
    }

    private static string[] Expected(string name) =>
        File.ReadAllLines(Path.Combine(GoReferenceDir, name, name + ".expected.txt")).Where(l => l.Length > 0).ToArray();
}
