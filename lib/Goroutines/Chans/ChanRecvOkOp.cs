namespace Goroutines;

/// <summary>An awaited `ch.RecvOk()`: Go's `v, ok := &lt;-ch`.</summary>
public sealed class ChanRecvOkOp<T> : ChanRecvCore<T>
{
    private ChanRecvOkOp(Chan<T>? c) : base(c) { }

    private protected override string Name => "ch.RecvOk()";

    /// <summary>The calling goroutine's finished receive operation, reused, or a new one.</summary>
    internal static ChanRecvOkOp<T> Get(Chan<T>? c)
    {
        if (Sched.CurrentM?.curg is not { } g || Reuse<ChanRecvOkOp<T>>(ref g.recvOpCache) is not { } op)
            return new ChanRecvOkOp<T>(c);
        op.c = c;
        return op;
    }

    public (T Value, bool Ok) GetResult()
    {
        ThrowRaised();
        TakeResult();
        var result = (value, ok);
        Release();
        return result;
    }
}
