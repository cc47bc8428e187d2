using Goroutines;
using static Goroutines.Runtime;

namespace Goroutines.Tests.Reliability;

/// <summary>
/// Issue 7, bad input: every mistake in using the library throws an exception whose message says what
/// to do. (SchedulerTests covers MaxProcs = 0, Go outside a run, a negative Sleep and a Recv awaited twice.)
/// </summary>
public class BadInputTests
{
    private static readonly RunOptions OneP = new() { MaxProcs = 1 };

    [Theory]
    [InlineData(-1, "at least 1")]
    [InlineData(int.MinValue, "at least 1")]
    [InlineData(257, "Use a smaller number")]
    [InlineData(1_000_000, "Use a smaller number")]
    [InlineData(int.MaxValue, "Use a smaller number")]
    public void MaxProcs_out_of_range_is_refused_with_the_range_to_use(int procs, string advice)
    {
        var run = Assert.Throws<BadArgumentException>(() => Run(() => { }, new RunOptions { MaxProcs = procs }));
        var start = Assert.Throws<BadArgumentException>(() => Start(() => Task.CompletedTask, new RunOptions { MaxProcs = procs }));

        foreach (var e in new[] { run, start })
        {
            Assert.Contains("MaxProcs", e.Message);
            Assert.Contains(advice, e.Message);
        }
    }

    [Fact]
    public void The_largest_MaxProcs_the_model_accepts_runs()
    {
        var run = Run(() => Println(GOMAXPROCS()), new RunOptions { MaxProcs = 256, RecordEvents = false });

        Assert.Equal(Outcome.Completed, run.Outcome);
        Assert.Equal(["256"], run.Output);
        Assert.Equal(0, run.ThreadsLeft);
    }

    public static TheoryData<string, Func<RunOptions>, string> BadOptions => new()
    {
        { "Timeout", () => new RunOptions { Timeout = TimeSpan.Zero }, "Timeout must be positive" },
        { "Timeout", () => new RunOptions { Timeout = TimeSpan.FromSeconds(-1) }, "Timeout must be positive" },
        { "CallCost", () => new RunOptions { CallCost = TimeSpan.FromTicks(-1) }, "CallCost must be zero or more" },
        { "ContextSwitchCost", () => new RunOptions { ContextSwitchCost = TimeSpan.FromMilliseconds(-1) }, "ContextSwitchCost must be zero or more" },
        { "MaxEvents", () => new RunOptions { MaxEvents = -1 }, "MaxEvents must be zero or more" },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void Bad_options_name_the_option_and_its_valid_range(string option, Func<RunOptions> options, string message)
    {
        var e = Assert.Throws<BadArgumentException>(() => Run(() => { }, options()));
        Assert.Equal(option, e.ParamName);
        Assert.Contains(message, e.Message);
        var s = Assert.Throws<BadArgumentException>(() => Start(() => Task.CompletedTask, options()));
        Assert.Contains(message, s.Message);
    }

    [Fact]
    public void A_null_main_is_refused_and_the_message_names_it()
    {
        var a = Assert.Throws<ArgumentNullException>(() => Run((Func<Task>)null!));
        var b = Assert.Throws<ArgumentNullException>(() => Run((Action)null!));
        var c = Assert.Throws<ArgumentNullException>(() => Start(null!));

        Assert.All(new[] { a, b, c }, e => Assert.Equal("main", e.ParamName));
        Assert.All(new[] { a, b, c }, e => Assert.Contains("main", e.Message));
    }

    [Theory]
    [InlineData("Sleep")]
    [InlineData("Work")]
    [InlineData("Syscall")]
    public void A_negative_duration_says_to_give_zero_or_more(string what)
    {
        var d = TimeSpan.FromMilliseconds(-5);
        var e = Assert.Throws<BadArgumentException>(() => what switch
        {
            "Sleep" => (object)Sleep(d),
            "Work" => Work(d),
            _ => Syscall(d),
        });
        Assert.Contains($"{what} needs a duration of zero or more", e.Message);
    }

    [Fact]
    public void A_negative_After_inside_a_run_panics_the_goroutine_with_the_same_advice()
    {
        var run = Run(() => { After(TimeSpan.FromSeconds(-1)); }, OneP);

        Assert.Equal(Outcome.Panic, run.Outcome);
        Assert.Contains("After needs a duration of zero or more", run.Message);
        Assert.Equal(0, run.ThreadsLeft);
    }

    [Fact]
    public void A_null_syscall_action_is_refused()
    {
        var e = Assert.Throws<ArgumentNullException>(() => Syscall((Action)null!));
        Assert.Equal("action", e.ParamName);
    }

    // Every call that needs a goroutine, made from a plain thread: each says to call it inside Runtime.Run.
    public static TheoryData<string> OutsideCalls => new()
    {
        "ch.Send", "ch.Recv", "ch.RecvOk", "ch.Close", "Select", "Gosched", "Sleep", "Work", "Syscall",
        "Println", "NumGoroutine", "GOMAXPROCS", "After", "mu.Lock", "wg.Wait", "Go(Action)", "LockOSThread",
    };

    [Theory]
    [MemberData(nameof(OutsideCalls))]
    public async Task Calls_outside_a_run_say_to_make_them_inside_Runtime_Run(string call)
    {
        var ch = new Chan<int>(1);
        var mu = new Mutex();
        var wg = new WaitGroup();
        wg.Add(1);
        Func<Task> act = call switch
        {
            "ch.Send" => async () => await ch.Send(1),
            "ch.Recv" => async () => await ch.Recv(),
            "ch.RecvOk" => async () => await ch.RecvOk(),
            "ch.Close" => () => { ch.Close(); return Task.CompletedTask; },
            "Select" => async () => await Select(ch.OnRecv(), Default()),
            "Gosched" => async () => await Gosched(),
            "Sleep" => async () => await Sleep(TimeSpan.FromMilliseconds(1)),
            "Work" => async () => await Work(TimeSpan.FromMilliseconds(1)),
            "Syscall" => async () => await Syscall(TimeSpan.FromMilliseconds(1)),
            "Println" => () => { Println("hi"); return Task.CompletedTask; },
            "NumGoroutine" => () => { NumGoroutine(); return Task.CompletedTask; },
            "GOMAXPROCS" => () => { GOMAXPROCS(); return Task.CompletedTask; },
            "After" => () => { After(TimeSpan.FromMilliseconds(1)); return Task.CompletedTask; },
            "mu.Lock" => async () => await mu.Lock(),
            "wg.Wait" => async () => await wg.Wait(),
            "Go(Action)" => () => { Go(() => { }); return Task.CompletedTask; },
            "LockOSThread" => () => { LockOSThread(); return Task.CompletedTask; },
            _ => throw new ArgumentException(call),
        };

        var e = await Assert.ThrowsAsync<MisuseException>(act);

        Assert.Contains("was called outside a goroutine", e.Message);
        Assert.Contains("inside the function you pass to Runtime.Run", e.Message);
        Assert.Equal(0, ch.Len);   // nothing happened to the channel
    }

    [Fact]
    public void A_run_inside_a_run_is_refused_with_what_to_do_instead()
    {
        var run = Run(() =>
        {
            try { Run(() => { }); }
            catch (InvalidOperationException e) { Println(e.Message); }
            try { Start(() => Task.CompletedTask).Dispose(); }
            catch (InvalidOperationException e) { Println(e.Message); }
        }, OneP);

        Assert.Equal(Outcome.Completed, run.Outcome);
        Assert.Equal(2, run.Output.Count);
        Assert.Contains("start goroutines with Go(...) instead", run.Output[0]);
        Assert.Contains("Start a stepped run from outside any run", run.Output[1]);
    }

    [Fact]
    public void GOMAXPROCS_during_a_run_changes_the_Ps_and_an_absurd_value_says_what_to_do()
    {
        var run = Run(() =>
        {
            Println(GOMAXPROCS(0), GOMAXPROCS(2), GOMAXPROCS(-1));   // asking (n < 1) or keeping the same value changes nothing
            Println(GOMAXPROCS(4), GOMAXPROCS());                   // a real change stops the world and resizes
            try { GOMAXPROCS(100_000); }
            catch (ArgumentOutOfRangeException e) { Println(e.Message); }
        }, new RunOptions { MaxProcs = 2 });

        Assert.Equal(Outcome.Completed, run.Outcome);
        Assert.Equal("2 2 2", run.Output[0]);
        Assert.Equal("2 4", run.Output[1]);
        Assert.Contains("more than this model supports", run.Output[2]);
    }

    [Fact]
    public void A_Select_with_two_Defaults_is_refused_when_it_is_made()
    {
        var ch = new Chan<int>();
        var e = Assert.Throws<ArgumentException>(() => Select(ch.OnRecv(), Default(), Default()));
        Assert.Contains("at most one Default", e.Message);
    }

    [Fact]
    public void A_Select_given_a_null_case_list_is_refused()
    {
        var e = Assert.Throws<ArgumentNullException>(() => Select(null!));
        Assert.Equal("cases", e.ParamName);
    }

    // Each library awaitable, awaited a second time: the run panics with a message that names the
    // operation and says to await the call itself.
    [Theory]
    [InlineData("send", "ch.Send(...)")]
    [InlineData("recvok", "ch.RecvOk()")]
    [InlineData("gosched", "Gosched()")]
    [InlineData("sleep", "Sleep(...)")]
    [InlineData("work", "Work(...)")]
    [InlineData("syscall", "Syscall(...)")]
    [InlineData("select", "Select(...)")]
    [InlineData("lock", "mu.Lock()")]
    [InlineData("wait", "wg.Wait()")]
    public void Awaiting_any_operation_twice_names_it_and_says_to_await_the_call_itself(string op, string name)
    {
        foreach (var lockstep in new[] { false, true })
        {
            var run = Run(async () =>
            {
                var ch = new Chan<int>(4);
                var mu = new Mutex();
                var wg = new WaitGroup();
                switch (op)
                {
                    case "send": { var o = ch.Send(1); await o; await o; break; }
                    case "recvok": { await ch.Send(1); await ch.Send(2); var o = ch.RecvOk(); await o; await o; break; }
                    case "gosched": { var o = Gosched(); await o; await o; break; }
                    case "sleep": { var o = Sleep(TimeSpan.FromMicroseconds(10)); await o; await o; break; }
                    case "work": { var o = Work(TimeSpan.FromMicroseconds(10)); await o; await o; break; }
                    case "syscall": { var o = Syscall(TimeSpan.FromMicroseconds(10)); await o; await o; break; }
                    case "select": { var o = Select(ch.OnSend(1)); await o; await o; break; }
                    case "lock": { var o = mu.Lock(); await o; mu.Unlock(); await o; break; }
                    case "wait": { var o = wg.Wait(); await o; await o; break; }
                }
            }, new RunOptions { MaxProcs = 1, Lockstep = lockstep });

            Assert.Equal(Outcome.Panic, run.Outcome);
            Assert.Contains($"{name} was awaited twice", run.Message);
            Assert.Contains("await the call itself, once", run.Message);
            Assert.Contains("goroutine 1 [running]:", run.Message);
            Assert.Equal(0, run.ThreadsLeft);
        }
    }

    [Fact]
    public void A_negative_channel_capacity_panics_inside_a_run_with_Gos_text_too()
    {
        var run = Run(() => { _ = new Chan<string>(-3); }, OneP);

        Assert.Equal(Outcome.Panic, run.Outcome);
        Assert.StartsWith("panic: makechan: size out of range\n\ngoroutine 1 [running]:", run.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public void Step_of_zero_or_fewer_events_says_n_must_be_at_least_1(int n)
    {
        using var run = Start(async () => await Gosched(), new RunOptions { MaxProcs = 1 });

        var e = Assert.Throws<BadArgumentException>(() => run.Step(n));
        Assert.Contains("Step(n) needs n ≥ 1", e.Message);
        Assert.False(run.Ended);   // the refused call did not disturb the run
        Assert.Equal(Outcome.Completed, run.RunToEnd().Outcome);
    }

    [Fact]
    public void StepUntil_without_a_predicate_is_refused()
    {
        using var run = Start(async () => await Gosched(), new RunOptions { MaxProcs = 1 });

        var e = Assert.Throws<ArgumentNullException>(() => run.StepUntil(null!));
        Assert.Equal("predicate", e.ParamName);
    }

    [Fact]
    public void A_disposed_stepped_run_can_still_be_asked_about_and_disposed_again_without_harm()
    {
        var run = Start(async () =>
        {
            var ch = new Chan<int>();
            Go(async () => { while (true) await ch.Send(1); });
            while (true) await ch.Recv();
        }, new RunOptions { MaxProcs = 2 });
        run.Step(10);
        run.Dispose();

        run.Dispose();
        Assert.True(run.Ended);
        Assert.All(run.Step(), e => Assert.Equal(EventKind.RunEnd, e.Kind));   // at most the end, not yet taken
        Assert.Empty(run.Step());
        Assert.Empty(run.StepUntil(_ => true));
        var end = run.RunToEnd();
        Assert.Same(run.Result, end);
        Assert.Equal(Outcome.TimedOut, end.Outcome);
        Assert.Contains("disposed", end.Message);
        Assert.Equal(0, end.ThreadsLeft);
        Assert.NotNull(run.Snapshot);
    }
}
