namespace Goroutines;

/// <summary>
/// What `ch.Send(v)` returns: await it once. The operation behind it is reused by the goroutine's next
/// call; awaiting this handle a second time is refused with a message.
/// </summary>
public readonly struct ChanSend<T>
{
    private readonly ChanSendOp<T> op;
    private readonly int generation;

    internal ChanSend(ChanSendOp<T> op)
    {
        this.op = op;
        generation = op.generation;
    }

    public ChanSendOp<T> GetAwaiter() => op.AwaiterFor(generation);
}
