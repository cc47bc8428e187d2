using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Goroutines;

// How a run ends: main returns, deadlock, panic or time limit; then every M thread is joined.
internal sealed partial class Sched
{
    private readonly ManualResetEventSlim done = new(false);
    private readonly RunWarnings warnings = new();
    private int finished;
    private Outcome outcome;
    private string message = "";

    // Counters for RunStats.
    internal long statSteals, statStolen, statOverflows, statPreemptions, statRetakes;
    internal int statThreads, statPeakThreads;

    /// <summary>The run has ended (or is ending): the M threads leave their loops.</summary>
    internal WaitHandle Done => done.WaitHandle;

    internal IEnumerable<G> AllGs() => allgs.Snapshot();

    /// <summary>Ends the run once: the first outcome wins. Every M notices at its next safe point.</summary>
    internal void Finish(Outcome result, string text)
    {
        if (Interlocked.CompareExchange(ref finished, 1, 0) != 0) return;
        output.Close();
        if (result == Outcome.Completed) leakedAtEnd = Leaked();
        outcome = result;
        message = text;
        if (trace.On) trace.Emit(RunEnds, null, CurrentM, CurrentM?.curg, (int)result);
        stopping = true;
        platform.Release();
        done.Set();
        stepGate?.Ended();
    }

    /// <summary>Goroutine gp created op and never awaited it: without `await` it did not wait for it.</summary>
    internal void WarnUnawaited(G gp, GoOp op)
    {
        if (gp.owner != this || gp.system) return;
        var name = op.OperationName;
        warnings.Add($"unawaited {gp.goid} {name}",
            $"warning: goroutine {gp.goid} called {name} and never awaited it, so it did not wait for it. Write `await {name}`.");
    }

    /// <summary>
    /// Goroutine gp has run on for ranNs although sysmon asked it to stop after 10 ms: it reaches no
    /// safe point (Thread.Sleep, a loop that calls nothing). Said once per goroutine.
    /// </summary>
    private void WarnUnpreemptible(G gp, long ranNs)
    {
        if (gp.unpreemptibleWarned || gp.system) return;
        gp.unpreemptibleWarned = true;
        warnings.Add($"unpreemptible {gp.goid}",
            $"warning: goroutine {gp.goid} ran for {ranNs / 1_000_000} ms without reaching a safe point; sysmon asked it to stop after 10 ms, " +
            "but Thread.Sleep or a loop that calls no library function cannot be stopped, so it held its P (and its thread) all along. " +
            "Go 1.14 and later would have preempted it with a signal; here it behaves as in Go before 1.14. " +
            "Use `await Work(d)` for CPU work and `await Sleep(d)` to wait.");
    }

    // Arg = the Outcome (also the Detail, by name).
    private static readonly Reason RunEnds = new(EventKind.RunEnd, static (in EventRecord e, Tracer _) => EndReason((Outcome)e.Arg),
        static (in EventRecord e, Tracer _) => ((Outcome)e.Arg).ToString());

    private static string EndReason(Outcome result) => result switch
    {
        Outcome.Completed => "main returned: the program exits and every other goroutine vanishes",
        Outcome.Deadlock => "checkdead: no M is running, no timer is pending and goroutines are waiting — deadlock",
        Outcome.Panic => "a goroutine panicked: the whole program stops",
        _ => "the run passed its time limit",
    };

    /// <summary>An exception escaped goroutine gp: Go's "panic: …" report, and the run stops. Leaves out
    /// printpanics' chain of nested panics ("[recovered]"), the stack frames and GOTRACEBACK's levels.</summary>
    private void Panicked(G gp, Task task)
    {
        var e = task.Exception?.InnerException ?? new TaskCanceledException();
        var text = e is GoPanicException { Fatal: true }
            ? $"fatal error: {SafeMessage(e)}\n\n" + Tracebacks(gp)
            : $"panic: {PanicValue(e)}\n\n{Header(gp)}\n" + TraceTrailer(gp);
        Finish(Outcome.Panic, text.TrimEnd('\n'));
    }

    private static string PanicValue(Exception e) =>
        e is GoPanicException || e.GetType() == typeof(Exception) ? SafeMessage(e) : $"{e.GetType().FullName}: {SafeMessage(e)}";

    /// <summary>The exception's message — or, if reading it throws too, a note saying so.</summary>
    private static string SafeMessage(Exception e)
    {
        try { return e.Message; }
        catch (Exception inner) { return $"(its Message could not be read: {inner.GetType().Name})"; }
    }

    /// <summary>The last frame of a goroutine's traceback: main.main(), or Go's "created by … in goroutine N" and where.</summary>
    private string TraceTrailer(G gp) =>
        gp == mainG
            ? "main.main()\n"
            : $"created by {gp.createdByFunc} in goroutine {gp.parentGoid}\n\t{gp.createdAtFile}:{gp.createdAtLine}\n";

    /// <summary>What every M and G was doing when the time limit passed.</summary>
    private string TimeoutReport()
    {
        var sb = new StringBuilder();
        sb.Append(platform.TimeLimitText()).Append("\n\nThreads:\n");
        M[] ms;
        using (lk.Hold()) ms = allm.ToArray();
        foreach (var mp in ms)
            sb.Append($"  {mp}{(mp == sysmonM ? " (sysmon)" : "")}: {Doing(mp)}{(mp.p != null ? $", holding {mp.p}" : "")}\n");
        sb.Append("\nGoroutines:\n");
        foreach (var gp in AllGs())
        {
            if (gp.Status == GStatus.Dead || gp.goid == 0) continue;
            sb.Append("  ").Append(Header(gp));
            if (gp.Status == GStatus.Running && gp.m != null) sb.Append($" on {gp.m}");
            sb.Append('\n');
        }
        sb.Append('\n').Append(stwOwner is { } owner ? StuckWorldReport(owner) : TimeoutAdvice());
        return sb.ToString();
    }

    private const string NoSafePointAdvice =
        "A goroutine that never reaches a safe point (a loop that calls no library function) cannot be stopped: " +
        "its thread is abandoned and keeps running in the background. Give loops an `await Work(...)`, `await Gosched()` or a channel operation.";

    private const string SchedulerBugAdvice =
        "Nothing in the program holds this up: it is a bug in the scheduler model, not in your code. Please report it with this text.";

    /// <summary>The advice for a time-out with no stop-the-world pending: it depends on whether a goroutine was running.</summary>
    private string TimeoutAdvice() =>
        AllGs().Any(g => !g.system && g.goid != 0 && g.Status == GStatus.Running)
            ? NoSafePointAdvice
            : "No goroutine was running when the time limit passed, so no loop without a safe point held the run up: look at what the goroutines above wait for. " +
              "If the program only needs longer, raise RunOptions.Timeout.";

    /// <summary>
    /// A stop-the-world that has not finished: which P it still waits for, and why that P has not
    /// stopped. The no-safe-point advice is given only when a goroutine running on that P's M was
    /// asked to stop and has not reached a safe point; a P that nothing holds up is a scheduler bug.
    /// </summary>
    private string StuckWorldReport(M owner)
    {
        var sb = new StringBuilder();
        var who = owner.curg is { } g ? $"G{g.goid} on {owner}" : owner.ToString();
        var pending = allp.Where(pp => pp.Status != PStatus.GcStop).ToList();
        sb.Append($"The world is stopping and cannot finish: {who} stops it for {stwWhy} and still waits for ")
          .Append(pending.Count == 0 ? "no P (it was about to go on)" : string.Join(", ", pending.Select(pp => pp.ToString())))
          .Append(".\n");
        var advice = new List<string>();
        foreach (var pp in pending)
        {
            var (text, why) = WhyNotStopped(pp);
            sb.Append($"  {pp}: {text}\n");
            if (!advice.Contains(why)) advice.Add(why);
        }
        if (advice.Count == 0) advice.Add(SchedulerBugAdvice);
        sb.Append(string.Join("\n", advice));
        return sb.ToString();
    }

    private const string BlockedCallAdvice =
        "A goroutine blocked in a call the scheduler does not know about keeps its P and cannot be stopped. Make blocking calls through `await Syscall(() => ...)`, which lets go of the P.";

    /// <summary>Why pp has not stopped for the world, and the advice that fits: a goroutine's own code, or a scheduler bug.</summary>
    private (string Text, string Advice) WhyNotStopped(P pp)
    {
        var mp = pp.m;
        M? handed;
        using (lk.Hold()) handed = allm.FirstOrDefault(m => m.nextp == pp);
        if (mp == null && handed != null) return ($"handed to {handed}, which has not taken it ({Doing(handed)})", SchedulerBugAdvice);
        if (mp == null) return ($"{pp.Status}, held by no M and not on the idle list, so nothing will stop it", SchedulerBugAdvice);
        if (mp.curg is not { Status: GStatus.Running } gp) return ($"held by {mp}, which is {Doing(mp)}", SchedulerBugAdvice);
        if (mp.thread?.ThreadState.HasFlag(ThreadState.WaitSleepJoin) == true)
            return ($"held by {mp}, whose goroutine G{gp.goid} is blocked in a wait the scheduler does not know about (made without Syscall(...)), so it cannot reach a safe point", BlockedCallAdvice);
        return ($"held by {mp}, running G{gp.goid}, which {(gp.preempt ? "was asked to stop and " : "")}has not reached a safe point", NoSafePointAdvice);
    }

    /// <summary>What an M is doing, for reports: "running G6", "in a syscall for G7", "idle (stopm)".</summary>
    /// Reads curg and doing once each: the M may be running while the report is written.
    private static string Doing(M mp)
    {
        var gp = mp.curg;
        var doing = mp.doing;
        return gp != null && doing is "running" or "in a syscall for" ? $"{doing} G{gp.goid}" : doing;
    }

    /// <summary>Wakes every M and joins its thread (with a deadline). Returns the Ms that did not exit.</summary>
    private List<M> Shutdown()
    {
        stopping = true;
        done.Set();
        M[] ms;
        using (lk.Hold()) ms = allm.ToArray();
        platform.Release();
        foreach (var mp in ms) mp.park.Wakeup();
        netpoll.Break();
        sysmonNote?.Wakeup();
        var deadline = Environment.TickCount64 + 2000;
        var stuck = new List<M>();
        foreach (var mp in ms)
        {
            var left = (int)Math.Max(1, deadline - Environment.TickCount64);
            if (mp.thread != null && mp.thread != Thread.CurrentThread && !mp.thread.Join(left)) stuck.Add(mp);
        }
        return stuck;
    }

    // The goroutines alive when main returned, taken then: afterwards their threads run on to let them leave
    // (a Work ends at once), so a goroutine still working then must not count as finished.
    private List<string> leakedAtEnd = [];

    private List<string> Leaked()
    {
        var leaked = new List<string>();
        foreach (var gp in AllGs())
            if (gp != mainG && gp.Status != GStatus.Dead && !gp.system && gp.goid != 0)
                leaked.Add(Header(gp));
        return leaked;
    }

    private RunResult BuildResult(TimeSpan elapsed, List<M> stuck)
    {
        var msg = message;
        if (stuck.Count > 0)
            msg += (msg.Length > 0 ? "\n\n" : "") +
                   $"{stuck.Count} thread{(stuck.Count == 1 ? "" : "s")} ({string.Join(", ", stuck.Select(m => $"{m}: {Doing(m)}"))}) did not stop: " +
                   ".NET cannot kill a thread, so it keeps running in the background until its code returns.";
        var leaked = leakedAtEnd;
        foreach (var gp in AllGs())
            if (gp.unawaited is { } op && gp.Status != GStatus.Dead) WarnUnawaited(gp, op);
        if (stuck.Count > 0)
            warnings.Add("abandoned",
                $"warning: {(stuck.Count == 1 ? "a thread" : $"{stuck.Count} threads")} of this run could not be stopped and {(stuck.Count == 1 ? "keeps" : "keep")} running in the background, " +
                "using a core. If its loop never ends, restart the kernel (Polyglot Notebooks: \"Restart\" in the notebook's toolbar) to stop it.");
        var warned = warnings.ToList();
        // DESIGN §3.8: Message is empty when the run Completed; its warnings are in Warnings (and ToString).
        if (warned.Count > 0 && outcome != Outcome.Completed) msg += (msg.Length > 0 ? "\n\n" : "") + string.Join("\n", warned);
        var events = trace.Events();
        var counts = Counts();
        var stats = new RunStats(
            MaxProcs: gomaxprocs,
            GoroutinesCreated: counts.created,
            GStructs: allgs.Count,
            ThreadsCreated: statThreads,
            PeakThreads: statPeakThreads,
            ContextSwitches: counts.switches,
            Steals: statSteals,
            StolenGoroutines: statStolen,
            GlobalQueueOverflows: statOverflows,
            Preemptions: statPreemptions,
            SyscallRetakes: statRetakes,
            Events: trace.Count,
            TimeInState: trace.On && trace.Dropped == 0 ? StateTimes.From(trace.Brief()) : null);
        return new RunResult(output.SoFar(), outcome, msg, events, trace.Dropped, leaked, stats, options, elapsed, stuck.Count) { Warnings = warned };
    }
}
