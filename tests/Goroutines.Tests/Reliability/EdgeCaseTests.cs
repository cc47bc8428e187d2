using Goroutines;
using static Goroutines.Runtime;

namespace Goroutines.Tests.Reliability;

/// <summary>
/// Issue 7: the edges students find — extreme durations, awaits that leave the scheduler, blocking
/// syscall actions, exceptions that misbehave themselves.
/// </summary>
public class EdgeCaseTests
{
    [Fact]
    public void A_syscall_action_that_blocks_past_the_limit_ends_the_run_and_its_thread_is_reported()
    {
        var release = new ManualResetEventSlim();
        try
        {
            var run = Run(async () => await Syscall(() => release.Wait(TimeSpan.FromSeconds(30))),
                new RunOptions { MaxProcs = 1, Timeout = TimeSpan.FromMilliseconds(400) });

            Assert.Equal(Outcome.TimedOut, run.Outcome);
            Assert.Contains("goroutine 1 [syscall]:", run.Message);
            Assert.Contains("did not stop: .NET cannot kill a thread", run.Message);
            Assert.Equal(1, run.ThreadsLeft);
        }
        finally
        {
            release.Set();
        }
    }

    [Fact]
    public void A_foreign_await_that_never_completes_is_IO_wait_not_deadlock_and_the_run_ends_at_its_limit()
    {
        var run = Run(async () => await new TaskCompletionSource().Task,
            new RunOptions { MaxProcs = 2, Timeout = TimeSpan.FromMilliseconds(400) });

        Assert.Equal(Outcome.TimedOut, run.Outcome);
        Assert.Contains("goroutine 1 [IO wait]:", run.Message);   // as Go: a goroutine in netpoll is not a deadlock
        Assert.Equal(0, run.ThreadsLeft);
    }

    [Fact]
    public void Library_calls_from_Task_Run_panic_with_advice_to_stay_on_the_goroutine()
    {
        var run = Run(async () => await Task.Run(() => Println("from the thread pool")),
            new RunOptions { MaxProcs = 2, Timeout = TimeSpan.FromSeconds(10) });

        Assert.Equal(Outcome.Panic, run.Outcome);
        Assert.Contains("avoid ConfigureAwait(false) and Task.Run inside goroutines", run.Message);
        Assert.Equal(0, run.ThreadsLeft);
    }

    [Fact]
    public void A_value_whose_ToString_throws_panics_the_run_in_Println()
    {
        var run = Run(() => Println(new BadToString()), new RunOptions { MaxProcs = 1 });

        Assert.Equal(Outcome.Panic, run.Outcome);
        Assert.StartsWith("panic: System.FormatException: no text for you\n\ngoroutine 1 [running]:", run.Message);
    }

    [Fact]
    public void ConfigureAwait_false_in_a_goroutine_panics_with_advice_instead_of_hanging_until_the_limit()
    {
        var run = Run(async () =>
        {
            await Task.Delay(1).ConfigureAwait(false);
            Println("after");
        }, new RunOptions { MaxProcs = 2, Timeout = TimeSpan.FromSeconds(5) });

        Assert.Equal(Outcome.Panic, run.Outcome);
        Assert.Contains("avoid ConfigureAwait(false)", run.Message);
    }

    [Fact]
    public void A_huge_Timeout_is_accepted_or_refused_with_a_message_that_says_what_to_do()
    {
        RunResult? run = null;
        var e = Record.Exception(() => run = Run(() => Println("hi"), new RunOptions { MaxProcs = 1, Timeout = TimeSpan.MaxValue }));

        if (e != null) Assert.Contains("Timeout", e.Message);
        else Assert.Equal(["hi"], run!.Output);
    }

    [Fact]
    public void Sleeping_or_working_for_TimeSpan_MaxValue_lasts_forever_not_no_time()
    {
        var sleep = Run(async () => { await Sleep(TimeSpan.MaxValue); Println("woke"); }, new RunOptions { MaxProcs = 1, Lockstep = true, Timeout = TimeSpan.FromSeconds(1) });
        var work = Run(async () => { await Work(TimeSpan.MaxValue); Println("worked"); }, new RunOptions { MaxProcs = 1, Timeout = TimeSpan.FromMilliseconds(300) });

        Assert.Empty(sleep.Output);
        Assert.Equal(Outcome.TimedOut, sleep.Outcome);   // the limit applies to virtual time too; the sleep outlasts it
        Assert.Equal(Outcome.TimedOut, work.Outcome);
        Assert.Empty(work.Output);
    }

    [Fact]
    public void A_syscall_of_TimeSpan_MaxValue_blocks_until_the_limit()
    {
        var run = Run(async () => await Syscall(TimeSpan.MaxValue), new RunOptions { MaxProcs = 1, Timeout = TimeSpan.FromMilliseconds(300) });

        Assert.Equal(Outcome.TimedOut, run.Outcome);
        Assert.Equal(0, run.ThreadsLeft);
    }

    [Fact]
    public void An_exception_escaping_an_async_void_method_in_a_goroutine_panics_the_run()
    {
        var run = Run(async () =>
        {
            Go(() =>
            {
                async void Fire()
                {
                    await Gosched();
                    throw new InvalidOperationException("from async void");
                }
                Fire();
            });
            // Long enough for the goroutine to run on a loaded machine; the panic ends the run at once.
            await Sleep(TimeSpan.FromSeconds(10));
        }, new RunOptions { MaxProcs = 1, Timeout = TimeSpan.FromSeconds(30) });

        Assert.Equal(Outcome.Panic, run.Outcome);
        Assert.Contains("from async void", run.Message);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Two_operations_of_one_goroutine_awaited_together_end_the_run_saying_why_instead_of_hanging(bool sameChannel)
    {
        // The first operation parks and keeps its channel locked until the goroutine has unwound; a second
        // one started meanwhile (Task.WhenAll) would wait on that lock forever. One P, so the sender cannot
        // run before main parks (at two Ps it may already wait with its value, and nothing parks).
        var run = Run(async () =>
        {
            var c1 = new Chan<int>();
            var c2 = sameChannel ? c1 : new Chan<int>();
            async Task<int> Take(Chan<int> c) => await c.Recv();
            Go(async () => { await c1.Send(1); await c2.Send(2); });
            await Task.WhenAll(Take(c1), Take(c2));
        }, new RunOptions { MaxProcs = 1, Timeout = TimeSpan.FromSeconds(10) });

        Assert.Equal(Outcome.Panic, run.Outcome);
        Assert.Contains("already parking on another operation", run.Message);
        Assert.Contains("await each operation before starting the next", run.Message);
        Assert.Equal(0, run.ThreadsLeft);
    }

    [Fact]
    public void An_exception_whose_Message_throws_still_gives_a_panic_report_naming_its_type()
    {
        var run = Run(() => throw new MessageThrows(), new RunOptions { MaxProcs = 1 });

        Assert.Equal(Outcome.Panic, run.Outcome);
        Assert.StartsWith("panic: ", run.Message);
        Assert.Contains(nameof(MessageThrows), run.Message);
        Assert.DoesNotContain("internal scheduler error", run.Message);
    }

    private sealed class BadToString
    {
        public override string ToString() => throw new FormatException("no text for you");
    }

    private sealed class MessageThrows : Exception
    {
        public override string Message => throw new InvalidOperationException("the message getter failed");
    }
}
