namespace Goroutines;

/// <summary>
/// Channel operations. They are extension methods so that a null channel behaves as Go's nil
/// channel: `await ch.Recv()` on null blocks forever, `ch.Close()` on null panics.
/// </summary>
public static class ChanOps
{
    /// <summary>Go's `ch &lt;- v`.</summary>
    public static ChanOp<ChanSendOp<T>> Send<T>(this Chan<T>? ch, T v) => new(ChanSendOp<T>.Get(ch, v));

    /// <summary>Go's `v := &lt;-ch`.</summary>
    public static ChanOp<ChanRecvOp<T>> Recv<T>(this Chan<T>? ch) => new(ChanRecvOp<T>.Get(ch));

    /// <summary>Go's `v, ok := &lt;-ch`: ok is false when the channel is closed and empty.</summary>
    public static ChanOp<ChanRecvOkOp<T>> RecvOk<T>(this Chan<T>? ch) => new(ChanRecvOkOp<T>.Get(ch));

    /// <summary>Go's close(ch): receivers get the zero value once the buffer is empty; senders panic.</summary>
    public static void Close<T>(this Chan<T>? ch)
    {
        var g = Runtime.CurrentG("ch.Close()");
        Sched.TakeOwedGoyield();
        if (ch == null) throw new GoPanicException("close of nil channel");
        ch.CloseChan(g.m!.sched);
    }

    /// <summary>A select case that receives from ch and passes the value to then.</summary>
    public static SelectCase OnRecv<T>(this Chan<T>? ch, System.Action<T>? then = null) => new RecvCase<T>(ch, then == null ? null : (v, _) => then(v));

    /// <summary>A select case that receives from ch with Go's ok flag.</summary>
    public static SelectCase OnRecvOk<T>(this Chan<T>? ch, System.Action<T, bool> then) => new RecvCase<T>(ch, then);

    /// <summary>A select case that sends v on ch, then runs then.</summary>
    public static SelectCase OnSend<T>(this Chan<T>? ch, T v, System.Action? then = null) => new SendCase<T>(ch, v, then);
}
