using System;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Threading;

namespace Goroutines;

/// <summary>
/// The base of every awaitable library operation (a channel send, Sleep, Work, …). Awaiting one is a
/// safe point: if sysmon asked the goroutine to stop, it yields first (Go's preemption at a
/// function call). If the operation cannot complete now, OnCompleted parks the goroutine: it keeps
/// the continuation and lets the M run the scheduler (Go's gopark).
/// </summary>
public abstract class GoOp : ICriticalNotifyCompletion
{
    private protected G? gp;
    private int started;
    internal int generation;   // bumped each time a pooled operation is reused: a stale handle is refused
    private bool preemptFirst;
    private bool goyieldFirst;
    private bool frozen;
    private ExceptionDispatchInfo? raised;   // a panic the operation raised when retried after a preemption

    private protected GoOp() { HandedOut(); }

    /// <summary>
    /// The operation was given to the goroutine calling the library: it should await it. If its previous
    /// operation was never awaited, the run will warn (a forgotten `await` makes a goroutine not wait).
    /// </summary>
    private protected void HandedOut()
    {
        if (Sched.CurrentM is not { curg: { } g } mp) return;
        if (g.unawaited is { } earlier && earlier != this) mp.sched.WarnUnawaited(g, earlier);
        g.unawaited = this;
    }

    /// <summary>The name used in warnings.</summary>
    internal string OperationName => Name;

    /// <summary>What the operation is called in error messages, e.g. "ch.Recv()".</summary>
    private protected abstract string Name { get; }

    /// <summary>Does the operation now if it can (returns true), else prepares to park (returns false).</summary>
    private protected abstract bool TryComplete(G g);

    /// <summary>Parks the goroutine: Sched.Gopark with the operation's commit function.</summary>
    private protected abstract void Park(G g, Action continuation);

    /// <summary>GetAwaiter of a pooled operation, through its handle: the handle must be of this use.</summary>
    internal void Start(int handleGeneration)
    {
        if (handleGeneration != generation)
            throw new InvalidOperationException(
                $"{Name} was awaited twice. Each call gives a new operation: await the call itself, once — e.g. `await ch.Recv()` inside the loop, not a stored operation.");
        Start();
    }

    /// <summary>
    /// The calling goroutine's finished operation of this type, taken from its cache slot, or null.
    /// A goroutine keeps one send and one receive operation, so ping-pong allocates nothing.
    /// </summary>
    private protected static TOp? Reuse<TOp>(ref object? slot) where TOp : GoOp
    {
        if (slot is not TOp op) return null;
        slot = null;
        op.HandedOut();
        return op;
    }

    /// <summary>Makes a finished operation ready for its goroutine's next call (Go reuses its sudogs the same way).</summary>
    private protected void Recycle()
    {
        started = 0;
        preemptFirst = false;
        goyieldFirst = false;
        frozen = false;
        raised = null;
        gp = null;
        generation++;
    }

    /// <summary>Called by each GetAwaiter: an operation is awaited once (by the goroutine that made it).</summary>
    private protected void Start()
    {
        if (started != 0)
            throw new InvalidOperationException(
                $"{Name} was awaited twice. Each call gives a new operation: await the call itself, once — e.g. `await ch.Recv()` inside the loop, not a stored operation.");
        started = 1;
        if (Sched.CurrentM?.curg is { } g && g.unawaited == this) g.unawaited = null;
    }

    public bool IsCompleted
    {
        get
        {
            var g = Runtime.CurrentG(Name);
            gp = g;
            var sched = g.m!.sched;
            sched.Checkpoint(libraryCall: true);
            if (sched.stopping) { frozen = true; return false; }
            if (g.m!.mcallFn != null)
                throw new InvalidOperationException(
                    $"{Name} started while this goroutine was already parking on another operation (e.g. two library calls awaited together with Task.WhenAll). " +
                    "A goroutine does one thing at a time, as in Go: await each operation before starting the next, and use more goroutines (with a channel or WaitGroup) to wait for several things at once.");
            if (g.goyieldOwed) { goyieldFirst = true; return false; }
            if (g.preempt) { preemptFirst = true; return false; }
            return TryComplete(g);
        }
    }

    public void OnCompleted(Action continuation) => UnsafeOnCompleted(continuation);

    public void UnsafeOnCompleted(Action continuation)
    {
        var g = gp!;
        var mp = g.m!;
        if (frozen)
        {
            // The run has ended: the goroutine is never resumed, its M leaves the loop.
            mp.mcallFn = static _ => null;
            return;
        }
        if (goyieldFirst)
        {
            // A starvation hand-off in Mutex.Unlock owes Go's goyield: take it, then try the operation.
            goyieldFirst = false;
            g.goyieldOwed = false;
            g.resume = () => Retry(continuation);
            mp.mcallFn = mp.sched.goyieldM;
            return;
        }
        if (preemptFirst)
        {
            preemptFirst = false;
            YieldForPreemption(g, continuation);
            return;
        }
        Park(g, continuation);
    }

    /// <summary>Stop at this safe point (gopreempt_m); when resumed, try the operation again.</summary>
    private protected void YieldForPreemption(G g, Action continuation)
    {
        g.resume = () => Retry(continuation);
        g.m!.mcallFn = g.m.sched.gopreemptM;
    }

    /// <summary>Ends the operation with the run: the goroutine is never resumed.</summary>
    private protected void Freeze(G g)
    {
        g.m!.mcallFn = static _ => null;
    }

    /// <summary>
    /// Tries the operation again after a preemption or a wakeup. This runs on the M, outside the
    /// goroutine's own code: a panic the operation raises (send on a closed channel) is kept and thrown
    /// by GetResult, inside the goroutine's code, where its try/catch can recover it — as in Go, where
    /// the panic happens in the goroutine that made the call, whatever M or P it resumed on.
    /// </summary>
    private protected void Retry(Action continuation)
    {
        bool done;
        try
        {
            done = IsCompleted;
        }
        catch (Exception e) when (e is not RunStoppedException)
        {
            raised = ExceptionDispatchInfo.Capture(e);
            done = true;
        }
        if (done) continuation();
        else UnsafeOnCompleted(continuation);
    }

    /// <summary>Called first by GetResult: throws the panic Retry kept, in the goroutine's code.</summary>
    private protected void ThrowRaised()
    {
        var e = raised;
        if (e == null) return;
        raised = null;
        e.Throw();
    }

    /// <summary>Go's getg().m.p's scheduler, for operations that need it.</summary>
    private protected Sched SchedOf(G g) => g.m!.sched;
}
