namespace Goroutines;

/// <summary>
/// One case of a Select: `ch.OnRecv(v => …)`, `ch.OnRecvOk((v, ok) => …)`, `ch.OnSend(v, () => …)` or
/// `Default(() => …)`.
/// </summary>
public abstract class SelectCase
{
    private protected SelectCase() { }

    /// <summary>The channel's lock, or null for a nil channel or default (never ready).</summary>
    internal abstract RuntimeLock? Lock { get; }

    /// <summary>The channel's id, for Go's lock order.</summary>
    internal abstract long ChanId { get; }

    internal virtual bool IsDefault => false;

    /// <summary>Pass 1 of selectgo, locks held: do the case now if it is ready.</summary>
    internal abstract bool TryLocked(out G? ready);

    /// <summary>Pass 2, locks held: wait on the channel with a select sudog.</summary>
    internal abstract void EnqueueLocked(G g, int index);

    /// <summary>Pass 3, locks held: leave the channel's queue (this case did not win).</summary>
    internal abstract void DequeueLocked();

    /// <summary>This case won while the goroutine was parked: take the result from its sudog.</summary>
    internal abstract void Won(Sudog sg);

    /// <summary>Runs the case's body after the select chose it.</summary>
    internal abstract void Run();

    internal abstract string Describe();
}
