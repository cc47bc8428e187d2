namespace Goroutines;

/// <summary>An awaited `ch.Recv()`: the value, or the zero value once the channel is closed and empty.</summary>
public sealed class ChanRecvOp<T> : ChanRecvCore<T>
{
    internal ChanRecvOp(Chan<T>? c) : base(c) { }

    public ChanRecvOp<T> GetAwaiter()
    {
        Start();
        return this;
    }

    public T GetResult()
    {
        TakeResult();
        return value;
    }
}
