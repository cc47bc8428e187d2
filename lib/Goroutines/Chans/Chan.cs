using System;
using System.Threading;

namespace Goroutines;

/// <summary>
/// A Go channel: Go's hchan (chan.go) — a ring buffer of Cap values, a queue of waiting receivers
/// and one of waiting senders, and a lock. `new Chan&lt;int&gt;()` is unbuffered, `new Chan&lt;int&gt;(3)`
/// holds 3. A null Chan is Go's nil channel: sending or receiving blocks forever, closing panics.
/// Send, Recv, RecvOk and Close are extension methods (ChanOps) so that they work on null too.
/// </summary>
public sealed class Chan<T>
{
    internal readonly RuntimeLock lk = new();
    internal readonly long id = ChanIds.Next();                      // Go sorts select's locks by address; we use this
    private readonly T[] buf;
    private int qcount;
    private int sendx;
    private int recvx;
    internal bool closed;
    internal WaitQ recvq;
    internal WaitQ sendq;

    /// <summary>Go's make(chan T, capacity). Leaves out the 64 KiB element-size limit and the maxAlloc
    /// bound on the buffer's bytes (Go panics "makechan: size out of range" past it).</summary>
    public Chan(int capacity = 0)
    {
        if (capacity < 0) throw new GoPanicException("makechan: size out of range");
        buf = new T[capacity];
    }

    /// <summary>Go's len(ch): values in the buffer. Leaves out Go 1.23's timer channels, whose len is always 0.</summary>
    public int Len => Volatile.Read(ref qcount);

    /// <summary>Go's cap(ch): the buffer's size.</summary>
    public int Cap => buf.Length;

    /// <summary>
    /// Go's chansend after the closed check, with lk held: hand v straight to a waiting receiver
    /// (returned in ready, to goready), or put it in the buffer. False: the sender must wait.
    /// Leaves out the race detector and the block profile's releasetime.
    /// </summary>
    internal bool SendLocked(T v, out G? ready)
    {
        ready = null;
        if (recvq.Dequeue() is Sudog<T> sg)
        {
            sg.elem = v;
            sg.success = true;
            sg.g.param = sg;
            ready = sg.g;
            return true;
        }
        if (qcount < buf.Length)
        {
            buf[sendx] = v;
            sendx = (sendx + 1) % buf.Length;
            Volatile.Write(ref qcount, qcount + 1);
            return true;
        }
        return false;
    }

    /// <summary>
    /// Go's chanrecv, with lk held: closed and empty gives the zero value and ok = false; a waiting
    /// sender hands over its value (through the buffer's head if buffered); else the buffer's head.
    /// False: the receiver must wait. Leaves out the race detector and the block profile's releasetime.
    /// </summary>
    internal bool RecvLocked(out T v, out bool ok, out G? ready)
    {
        ready = null;
        if (closed && qcount == 0)
        {
            v = default!;
            ok = false;
            return true;
        }
        if (sendq.Dequeue() is Sudog<T> sg)
        {
            if (buf.Length == 0)
            {
                v = sg.elem;
            }
            else
            {
                // The buffer is full: take its head and put the sender's value at its tail (the same slot).
                v = buf[recvx];
                buf[recvx] = sg.elem;
                recvx = (recvx + 1) % buf.Length;
                sendx = recvx;
            }
            sg.success = true;
            sg.g.param = sg;
            ready = sg.g;
            ok = true;
            return true;
        }
        if (qcount > 0)
        {
            v = buf[recvx];
            buf[recvx] = default!;
            recvx = (recvx + 1) % buf.Length;
            Volatile.Write(ref qcount, qcount - 1);
            ok = true;
            return true;
        }
        v = default!;
        ok = false;
        return false;
    }

    /// <summary>
    /// Go's closechan: mark closed, then wake every receiver (with the zero value) and every sender
    /// (who will panic). They are readied in reverse order of a LIFO list, so the last waiter is
    /// readied first and the first waiter ends up in runnext. Leaves out the race detector and the
    /// block profile's releasetime.
    /// </summary>
    internal void CloseChan(Sched sched)
    {
        var list = new GList();
        lk.Enter();
        try
        {
            if (closed) throw new GoPanicException("close of closed channel");
            closed = true;
            while (recvq.Dequeue() is Sudog<T> sg)
            {
                sg.elem = default!;
                sg.success = false;
                sg.g.param = sg;
                list.Push(sg.g);
            }
            while (sendq.Dequeue() is Sudog<T> sg)
            {
                sg.success = false;
                sg.g.param = sg;
                list.Push(sg.g);
            }
        }
        finally
        {
            lk.Exit();
        }
        while (list.Pop() is { } gp)
            sched.Goready(gp, ClosedWakes);
    }

    private static readonly Reason ClosedWakes = Sched.Readying(static (in EventRecord e, Tracer _) => $"close: the channel was closed, so waiting G{e.G} wakes");
    private static readonly Reason TimerValue = Sched.Readying(static (in EventRecord e, Tracer _) => $"timer: a value arrived on G{e.G}'s timer channel");

    /// <summary>Sends from the runtime itself (a timer's channel): never blocks, drops the value if full.</summary>
    internal void SendFromRuntime(T v, Sched sched)
    {
        G? ready = null;
        lk.Enter();
        var sent = !closed && SendLocked(v, out ready);
        lk.Exit();
        if (!sent) return;
        if (ready != null) sched.Goready(ready, TimerValue);
    }

    public override string ToString() => $"Chan<{typeof(T).Name}>(len {Len}, cap {Cap}{(closed ? ", closed" : "")})";
}
