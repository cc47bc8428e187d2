namespace Goroutines;

/// <summary>An awaited `ch.RecvOk()`: Go's `v, ok := &lt;-ch`.</summary>
public sealed class ChanRecvOkOp<T> : ChanRecvCore<T>
{
    internal ChanRecvOkOp(Chan<T>? c) : base(c) { }

    private protected override string Name => "ch.RecvOk()";

    public ChanRecvOkOp<T> GetAwaiter()
    {
        Start();
        return this;
    }

    public (T Value, bool Ok) GetResult()
    {
        TakeResult();
        return (value, ok);
    }
}
