using Goroutines;

namespace Goroutines.Tests.Sched;

/// <summary>The spin-then-yield lock that sched.lock and channels use (Go's runtime mutex).</summary>
public class RuntimeLockTests
{
    [Fact]
    public void Two_threads_incrementing_under_it_never_lose_an_update()
    {
        var lk = new RuntimeLock();
        long counter = 0;
        const int perThread = 200_000;
        var threads = Enumerable.Range(0, 2).Select(_ => new Thread(() =>
        {
            for (var i = 0; i < perThread; i++)
            {
                lk.Enter();
                var v = counter;          // a read-modify-write that only mutual exclusion keeps whole
                counter = v + 1;
                lk.Exit();
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => Assert.True(t.Join(TimeSpan.FromSeconds(60))));

        Assert.Equal(2L * perThread, counter);
    }

#if DEBUG
    [Fact]
    public void Taking_it_twice_on_one_thread_is_reported_as_a_scheduler_bug_in_debug_builds_instead_of_spinning_forever()
    {
        var lk = new RuntimeLock();
        lk.Enter();
        var e = Assert.Throws<InvalidOperationException>(lk.Enter);
        Assert.Contains("taken twice", e.Message);
        lk.Exit();
    }

    [Fact]
    public void AssertHeld_passes_for_the_holder_and_refuses_everyone_else_in_debug_builds()
    {
        var lk = new RuntimeLock();
        Assert.Throws<InvalidOperationException>(() => lk.AssertHeld());   // nobody holds it

        lk.Enter();
        lk.AssertHeld();                                            // this thread does
        Exception? other = null;
        var t = new Thread(() => other = Record.Exception(() => lk.AssertHeld()));
        t.Start();
        Assert.True(t.Join(TimeSpan.FromSeconds(60)));
        lk.Exit();

        Assert.IsType<InvalidOperationException>(other);           // another thread does not
        Assert.Contains("without it", other!.Message);
    }
#endif
}
