using System;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;

namespace Goroutines;

/// <summary>
/// The workbook's Go: start a run, create goroutines, yield, sleep, work, make syscalls, print.
/// Use it with <c>using static Goroutines.Runtime;</c> so that lessons read like Go.
/// </summary>
public static class Runtime
{
    /// <summary>
    /// Runs main as goroutine 1 on a fresh scheduler with GOMAXPROCS = options.MaxProcs Ps, until main
    /// returns, the program deadlocks or panics, or the time limit passes. Every M thread is gone when
    /// it returns.
    /// </summary>
    public static RunResult Run(Func<Task> main, RunOptions? options = null)
    {
        if (main == null) throw new ArgumentNullException(nameof(main), "Pass the program to run, e.g. Run(async () => { Go(...); await wg.Wait(); }).");
        options ??= new RunOptions();
        options.Validate();
        if (Sched.CurrentM != null)
            throw new MisuseException(
                "Runtime.Run was called inside a goroutine. A run cannot contain another run: start goroutines with Go(...) instead.");
        return new Sched(options).Run(main);
    }

    /// <summary>
    /// Starts main as a Lockstep run (deterministic, virtual time) and returns it paused at its first
    /// step. Step through it, look at its Snapshot, and Dispose it when done.
    /// </summary>
    public static SteppedRun Start(Func<Task> main, RunOptions? options = null)
    {
        if (main == null) throw new ArgumentNullException(nameof(main), "Pass the program to run, e.g. Run(async () => { Go(...); await wg.Wait(); }).");
        options ??= new RunOptions();
        options.Validate();
        if (Sched.CurrentM != null)
            throw new MisuseException("Runtime.Start was called inside a goroutine. Start a stepped run from outside any run.");
        var lockstep = options.ForStepping();
        return new SteppedRun(main, lockstep);
    }

    /// <summary>A synchronous main, for programs that never block.</summary>
    public static RunResult Run(Action main, RunOptions? options = null)
    {
        if (main == null) throw new ArgumentNullException(nameof(main), "Pass the program to run, e.g. Run(async () => { Go(...); await wg.Wait(); }).");
        return Run(() => { main(); return Task.CompletedTask; }, options);
    }

    /// <summary>
    /// Go's `go f()`: creates a goroutine. It goes into this P's runnext slot (the G there moves to the
    /// queue's tail); the caller keeps running, so the new goroutine does not start yet.
    /// </summary>
    public static void Go(Func<Task> f,
        [CallerMemberName] string caller = "", [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        Spawn(f, f, null, new CallSite(caller, file, line));

    /// <summary>Go's `go f()` for a body that never blocks.</summary>
    public static void Go(Action f,
        [CallerMemberName] string caller = "", [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        Spawn(f, null, f, new CallSite(caller, file, line));

    private static void Spawn(Delegate? f, Func<Task>? body, Action? action, CallSite site)
    {
        if (f == null)
            throw new GoPanicException("go of nil func value", fatal: true);
        if (Sched.CurrentM?.curg == null) CurrentG("Go(...)", site.Line);   // throws, naming the line of the call
        var g = CurrentG("Go(...)");
        Goroutines.Sched.TakeOwedGoyield();
        var mp = g.m!;
        if (mp.p == null)
            throw new MisuseException("Go(...) was called inside a Syscall action, where the goroutine has no P. Start goroutines before or after the syscall.");
        mp.sched.Newproc(mp, body, action, site);
    }

    /// <summary>Go's runtime.Gosched: yield the P. The goroutine goes to the tail of the global queue.</summary>
    public static GoschedOp Gosched() => new();

    /// <summary>Go's time.Sleep: park on this P's timer heap; when it fires, the goroutine goes to runnext.</summary>
    public static SleepOp Sleep(TimeSpan d) => new(CheckDuration(d, nameof(Sleep)));

    /// <summary>CPU-bound work for d: real spinning, with a safe point every few microseconds (Go ≥ 1.14's async preemption).</summary>
    public static WorkOp Work(TimeSpan d) => new(CheckDuration(d, nameof(Work)));

    /// <summary>A blocking system call that lasts d: entersyscall, block the M, exitsyscall.</summary>
    public static SyscallOp Syscall(TimeSpan d) => new(CheckDuration(d, nameof(Syscall)), null);

    /// <summary>A blocking system call that runs action on the M (which must not call this library).</summary>
    public static SyscallOp Syscall(Action action)
    {
        if (action == null) throw new ArgumentNullException(nameof(action), "Pass the blocking call to make, e.g. Syscall(() => File.ReadAllText(path)), or a duration: Syscall(TimeSpan.FromMilliseconds(5)).");
        return new SyscallOp(TimeSpan.Zero, action);
    }

    /// <summary>Go's fmt.Println: the values separated by spaces, as one line of the run's output. Leaves
    /// out the write system call (entersyscall … exitsyscall) that Go's Println makes on os.Stdout.</summary>
    public static void Println(params object?[] values)
    {
        var g = CurrentG("Println(...)");
        Goroutines.Sched.TakeOwedGoyield();   // a starvation hand-off in mu.Unlock() owes a yield: the waiter prints first
        var sched = g.m!.sched;
        sched.output.Add(GoFormat.Println(values ?? [null]));
        sched.Checkpoint(libraryCall: true);   // printing takes time (Go's write), and another M may move meanwhile
    }

    /// <summary>
    /// Go's runtime.GOMAXPROCS: returns the previous number of Ps; with n > 0 it stops the world, makes or
    /// destroys Ps (procresize; the goroutines of destroyed Ps go to the head of the global queue) and
    /// starts the world again.
    /// </summary>
    public static int GOMAXPROCS(int n = 0)
    {
        var g = CurrentG("GOMAXPROCS(...)");
        Goroutines.Sched.TakeOwedGoyield();
        if (n > Goroutines.Sched.MaxProcsLimit)
            throw new BadArgumentException(nameof(n), n, $"GOMAXPROCS({n}) is more than this model supports ({Goroutines.Sched.MaxProcsLimit}).");
        if (g.m!.p == null)
            throw new MisuseException("GOMAXPROCS(n) was called inside a Syscall action, where the goroutine has no P. Call it before or after the syscall.");
        return g.m.sched.Gomaxprocs(g.m, n);
    }

    /// <summary>
    /// Go's select: waits until one case can proceed, runs its body and returns its index. Among ready
    /// cases one is chosen uniformly at random; with Default, it never waits; with no cases, it blocks
    /// forever.
    /// </summary>
    public static SelectOp Select(params SelectCase[] cases)
    {
        if (cases == null) throw new ArgumentNullException(nameof(cases), "Pass the cases, e.g. Select(ch.OnRecv(v => Println(v)), Default()); Select() with none blocks forever.");
        return new SelectOp(cases);
    }

    /// <summary>Select's default case: runs when no other case is ready.</summary>
    public static SelectCase Default(Action? then = null) => new DefaultCase(then);

    /// <summary>Go's time.After: a channel that receives the run's clock time once d has passed. Leaves out
    /// Go 1.23's timer channels: this one has a 1-slot buffer, and its timer stays on the P's heap
    /// (where checkdead sees it) until it fires, even if nobody waits on the channel.</summary>
    public static Chan<TimeSpan> After(TimeSpan d)
    {
        var g = CurrentG("After(...)");
        Goroutines.Sched.TakeOwedGoyield();
        CheckDuration(d, nameof(After));
        var sched = g.m!.sched;
        var c = new Chan<TimeSpan>(1);
        var when = Durations.After(sched.Nanotime(), d);
        g.m.p!.timers.Add(new Timer(when, () => c.SendFromRuntime(TimeSpan.FromTicks(sched.Nanotime() / 100), sched)));
        sched.WakeNetPoller(when);
        return c;
    }

    /// <summary>
    /// Go's runtime.LockOSThread: this goroutine will run only on its current M (OS thread), and that M
    /// runs nothing else until UnlockOSThread. If the goroutine returns while locked, the thread exits.
    /// </summary>
    public static void LockOSThread()
    {
        var g = CurrentG("LockOSThread()");
        Goroutines.Sched.TakeOwedGoyield();
        g.m!.sched.LockOSThread(g.m, g);
    }

    /// <summary>Go's runtime.UnlockOSThread: undoes one LockOSThread (calls nest).</summary>
    public static void UnlockOSThread()
    {
        var g = CurrentG("UnlockOSThread()");
        Goroutines.Sched.TakeOwedGoyield();
        Goroutines.Sched.UnlockOSThread(g.m!, g);
    }

    /// <summary>Go's runtime.NumGoroutine: the goroutines that exist now.</summary>
    public static int NumGoroutine()
    {
        var g = CurrentG("NumGoroutine()");
        Goroutines.Sched.TakeOwedGoyield();
        return g.m!.sched.NumGoroutine();
    }

    /// <summary>The goroutine running on this thread, or an error that says what to do.</summary>
    internal static G CurrentG(string what, int callerLine = 0)
    {
        var mp = Sched.CurrentM;
        var g = mp?.curg;
        if (g != null) return g;
        throw new MisuseException(mp == null
            ? $"{what} was called outside a goroutine. Call it inside the function you pass to Runtime.Run(async () => {{ … }}). " +
              "(If this is inside a run: the code resumed on a thread outside the scheduler — avoid ConfigureAwait(false) and Task.Run inside goroutines.)"
            : $"{what} was called by the scheduler itself, not by a goroutine.", callerLine);
    }

    private static TimeSpan CheckDuration(TimeSpan d, string what)
    {
        if (d < TimeSpan.Zero)
            throw new BadArgumentException(nameof(d), d, $"{what} needs a duration of zero or more, e.g. TimeSpan.FromMilliseconds(10).");
        return d;
    }
}
