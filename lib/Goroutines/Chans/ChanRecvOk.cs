namespace Goroutines;

/// <summary>
/// What `ch.RecvOk()` returns: await it once. The operation behind it is reused by the goroutine's next
/// call; awaiting this handle a second time is refused with a message.
/// </summary>
public readonly struct ChanRecvOk<T>
{
    private readonly ChanRecvOkOp<T> op;
    private readonly int generation;

    internal ChanRecvOk(ChanRecvOkOp<T> op)
    {
        this.op = op;
        generation = op.generation;
    }

    public ChanRecvOkOp<T> GetAwaiter() => op.AwaiterFor(generation);
}
