namespace Goroutines;

/// <summary>
/// What `ch.Recv()` returns: await it once. The operation behind it is reused by the goroutine's next
/// call; awaiting this handle a second time is refused with a message.
/// </summary>
public readonly struct ChanRecv<T>
{
    private readonly ChanRecvOp<T> op;
    private readonly int generation;

    internal ChanRecv(ChanRecvOp<T> op)
    {
        this.op = op;
        generation = op.generation;
    }

    public ChanRecvOp<T> GetAwaiter() => op.AwaiterFor(generation);
}
