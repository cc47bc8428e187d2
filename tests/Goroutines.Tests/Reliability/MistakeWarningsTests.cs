using Goroutines;
using static Goroutines.Runtime;

namespace Goroutines.Tests.Reliability;

/// <summary>
/// Mistakes a run survives but a student must hear about (issue 11.3): a library operation created and never
/// awaited, a goroutine that reaches no safe point, and library misuse shown as advice, not library frames.
/// </summary>
public class MistakeWarningsTests
{
    private static readonly RunOptions OneP = new() { MaxProcs = 1, Timeout = TimeSpan.FromSeconds(20) };

    [Fact]
    public void Main_that_forgets_to_await_wg_Wait_completes_with_a_warning_that_names_it()
    {
        var run = Run(async () =>
        {
            var wg = new WaitGroup();
            wg.Add(1);
            Go(() => { Println("worker"); wg.Done(); });
#pragma warning disable CS4014   // the mistake under test
            wg.Wait();   // no await, so main does not wait
#pragma warning restore CS4014
        }, OneP);

        Assert.Equal(Outcome.Completed, run.Outcome);
        Assert.Empty(run.Output);
        var warning = Assert.Single(run.Warnings);
        Assert.Equal("warning: goroutine 1 called wg.Wait() and never awaited it, so it did not wait for it. Write `await wg.Wait()`.", warning);
        Assert.Equal("", run.Message);   // DESIGN §3.8: empty when Completed; the warning is in Warnings and ToString
        Assert.Contains(warning, run.ToString());
    }

    [Fact]
    public void A_goroutine_that_forgets_to_await_a_send_is_named_when_it_makes_its_next_call()
    {
        var run = Run(async () =>
        {
            var ch = new Chan<int>(1);
            var done = new Chan<bool>();
            Go(async () =>
            {
#pragma warning disable CS4014   // the mistake under test
                ch.Send(1);                         // never awaited: nothing is sent
#pragma warning restore CS4014
                await done.Send(true);
            });
            await done.Recv();
            Println(ch.Len);
        }, OneP);

        Assert.Equal(Outcome.Completed, run.Outcome);
        Assert.Equal(["0"], run.Output);
        Assert.Equal(["warning: goroutine 6 called ch.Send(...) and never awaited it, so it did not wait for it. Write `await ch.Send(...)`."], run.Warnings);
    }

    [Fact]
    public void A_program_that_awaits_every_operation_has_no_warnings()
    {
        var run = Run(async () =>
        {
            var ch = new Chan<int>();
            var wg = new WaitGroup();
            var mu = new Goroutines.Mutex();
            wg.Add(1);
            Go(async () =>
            {
                await mu.Lock();
                mu.Unlock();
                await ch.Send(1);
                await Sleep(TimeSpan.FromMilliseconds(1));
                await Work(TimeSpan.FromMicroseconds(10));
                await Gosched();
                wg.Done();
            });
            Println(await ch.Recv());
            await wg.Wait();
        }, OneP);

        Assert.Equal(Outcome.Completed, run.Outcome);
        Assert.Empty(run.Warnings);
        Assert.Equal("", run.Message);
    }

    [Fact]
    public void A_goroutine_that_holds_its_P_far_past_10_ms_without_a_safe_point_is_named_with_what_to_use_instead()
    {
        var run = Run(async () =>
        {
            var wg = new WaitGroup();
            wg.Add(1);
            Go(() =>
            {
                Thread.Sleep(500);   // blocks the M's thread: no safe point, sysmon cannot stop it
                wg.Done();
            });
            await wg.Wait();
        }, OneP);

        Assert.Equal(Outcome.Completed, run.Outcome);
        var warning = Assert.Single(run.Warnings);
        Assert.StartsWith("warning: goroutine 6 ran for ", warning);
        Assert.Contains("without reaching a safe point", warning);
        Assert.Contains("Go 1.14 and later would have preempted it", warning);
        Assert.Contains("`await Work(d)`", warning);
        Assert.Contains("`await Sleep(d)`", warning);
    }

    [Fact]
    public void A_goroutine_doing_long_Work_reaches_safe_points_and_gets_no_warning()
    {
        var run = Run(async () =>
        {
            Go(async () => await Work(TimeSpan.FromMilliseconds(150)));
            await Work(TimeSpan.FromMilliseconds(150));
            await Gosched();
        }, OneP);

        Assert.Equal(Outcome.Completed, run.Outcome);
        Assert.Empty(run.Warnings);
    }

    [Fact]
    public void A_thread_that_had_to_be_abandoned_tells_the_student_to_restart_the_kernel()
    {
        var spin = new System.Runtime.CompilerServices.StrongBox<bool>(true);
        try
        {
            var run = Run(async () =>
            {
                Go(() => { while (Volatile.Read(ref spin.Value)) { } });   // calls nothing: cannot be stopped
                await Gosched();
            }, new RunOptions { MaxProcs = 1, Timeout = TimeSpan.FromSeconds(1) });

            Assert.Equal(Outcome.TimedOut, run.Outcome);
            Assert.Equal(1, run.ThreadsLeft);
            Assert.Contains(run.Warnings, w => w.Contains("could not be stopped") && w.Contains("restart the kernel"));
            Assert.Contains(run.Warnings, w => w.StartsWith("warning: goroutine 6 ran for ", StringComparison.Ordinal));
        }
        finally
        {
            Volatile.Write(ref spin.Value, false);   // let the abandoned thread end
        }
    }

    [Fact]
    public void Library_misuse_shows_its_advice_and_the_callers_frame_not_the_librarys()
    {
        var goLine = ThisLine() + 1;
        var go = Assert.Throws<MisuseException>(() => Go(() => { }));
        var bad = Assert.Throws<BadArgumentException>(() => Run(() => { }, new RunOptions { MaxProcs = 0 }));

        foreach (var (e, advice) in new (Exception, string)[] { (go, "Go(...) was called outside a goroutine"), (bad, "MaxProcs (GOMAXPROCS) must be at least 1") })
        {
            var text = e.ToString();
            Assert.StartsWith(advice, text);
            Assert.DoesNotContain("Goroutines.Runtime", text);
            Assert.DoesNotContain("RunOptions.Validate", text);
            Assert.Contains(nameof(MistakeWarningsTests), text);   // where the caller made the call
        }
        Assert.Contains($"line {goLine}", go.ToString());               // the line of the call
        Assert.IsAssignableFrom<InvalidOperationException>(go);       // still what code catching the old types expects
        Assert.IsAssignableFrom<ArgumentOutOfRangeException>(bad);
    }

    private static int ThisLine([System.Runtime.CompilerServices.CallerLineNumber] int line = 0) => line;
}
