namespace Goroutines;

/// <summary>
/// What `ch.Send(v)`, `ch.Recv()` and `ch.RecvOk()` return: await it once. The operation behind it is the
/// goroutine's own, reused by its next call (one pooled operation and a version token, as dotnet's channels
/// do); awaiting this handle a second time is refused with a message.
/// </summary>
public readonly struct ChanOp<TOp> where TOp : GoOp
{
    private readonly TOp op;
    private readonly int generation;

    internal ChanOp(TOp op)
    {
        this.op = op;
        generation = op.generation;
    }

    public TOp GetAwaiter()
    {
        op.Start(generation);
        return op;
    }
}
