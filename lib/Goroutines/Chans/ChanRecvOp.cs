namespace Goroutines;

/// <summary>An awaited `ch.Recv()`: the value, or the zero value once the channel is closed and empty.</summary>
public sealed class ChanRecvOp<T> : ChanRecvCore<T>
{
    private ChanRecvOp(Chan<T>? c) : base(c) { }

    /// <summary>The calling goroutine's finished receive operation, reused, or a new one.</summary>
    internal static ChanRecvOp<T> Get(Chan<T>? c)
    {
        if (Sched.CurrentM?.curg is not { } g || Reuse<ChanRecvOp<T>>(ref g.recvOpCache) is not { } op)
            return new ChanRecvOp<T>(c);
        op.c = c;
        return op;
    }

    public T GetResult()
    {
        ThrowRaised();
        TakeResult();
        var result = value;
        Release();
        return result;
    }
}
