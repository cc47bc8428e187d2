using System;
using System.Threading;

namespace Goroutines;

/// <summary>
/// One thread's events, in the order it recorded them (so in Seq order): written by that thread only, without a
/// lock, like a Go P's trace buffer, and as Go's tracer does, as variable-length integers (7 bits a byte), about
/// 25 bytes an event. Chunks grow from 64 KB to 1 MB, so a small run stays small and a big one is not copied;
/// readers see records up to Length, published after each write. A position is chunk &lt;&lt; 20 | offset.
/// </summary>
internal sealed class EventBuffer
{
    private const int FirstChunk = 1 << 16;
    private const int LastChunk = 1 << 20;
    private const int Room = 1 + 12 * 10 + 256 * 2;   // the longest record: the reason, 12 numbers of up to 10 bytes, 256 queue lengths

    private byte[][] chunks = new byte[8][];
    private int chunk = -1;      // the chunk being written
    private int offset;          // where in it the next record goes
    private long length;         // position after the last published record
    internal readonly long[] PerKind = new long[Enum.GetValues<EventKind>().Length];

    internal EventBuffer(Tracer owner) { Owner = owner; }

    internal Tracer Owner { get; }

    // Cache of the last text interned from this thread: the same constant string comes again and again.
    internal string? LastText;
    internal int LastTextId;

    /// <summary>The position after the last published record: readers read up to here.</summary>
    internal long Length => Volatile.Read(ref length);

    /// <summary>Writes one record and every P's queue length, then publishes it.</summary>
    internal void Append(in EventRecord e, P[] ps)
    {
        if (chunk < 0 || offset + Room + 1 > chunks[chunk].Length) NextChunk();
        var buf = chunks[chunk];
        var at = offset;
        buf[at++] = e.Reason;
        Put(buf, ref at, (ulong)e.Seq);
        Put(buf, ref at, (ulong)e.TimeNs);
        Put(buf, ref at, (ulong)(e.P + 1));
        Put(buf, ref at, (ulong)(e.M + 1));
        Put(buf, ref at, (ulong)e.G);
        Put(buf, ref at, Zig(e.Arg));
        Put(buf, ref at, Zig(e.A));
        Put(buf, ref at, Zig(e.B));
        Put(buf, ref at, (ulong)e.GlobalQueue);
        Put(buf, ref at, (ulong)e.Threads);
        Put(buf, ref at, (ulong)ps.Length);
        foreach (var pp in ps) Put(buf, ref at, (ulong)Math.Max(0, pp.RunqLen()));
        offset = at;
        Volatile.Write(ref length, ((long)chunk << 20) | (uint)at);
    }

    /// <summary>Where the record at or after pos starts (past a chunk's end mark).</summary>
    internal long Start(long pos)
    {
        var (buf, at) = Find(pos);
        return buf[at] == EndOfChunk ? ((pos >> 20) + 1) << 20 : pos;
    }

    /// <summary>The record starting at pos (see Start); next is the position after it.</summary>
    internal EventRecord Read(long pos, out long next)
    {
        var (buf, at) = Find(pos);
        var e = new EventRecord
        {
            Reason = buf[at++],
            Seq = (long)Get(buf, ref at),
            TimeNs = (long)Get(buf, ref at),
            P = (int)Get(buf, ref at) - 1,
            M = (int)Get(buf, ref at) - 1,
            G = (long)Get(buf, ref at),
            Arg = Unzig(Get(buf, ref at)),
            A = Unzig(Get(buf, ref at)),
            B = Unzig(Get(buf, ref at)),
            GlobalQueue = (int)Get(buf, ref at),
            Threads = (int)Get(buf, ref at),
            Procs = (int)Get(buf, ref at),
        };
        for (var i = 0; i < e.Procs; i++) Get(buf, ref at);
        next = (pos & ~(long)(LastChunk - 1)) | (uint)at;
        return e;
    }

    /// <summary>Every P's queue length in the record starting at pos.</summary>
    internal int[] QueuesAt(long pos)
    {
        var (buf, at) = Find(pos);
        at++;                                            // the reason
        for (var i = 0; i < 10; i++) Get(buf, ref at);   // seq, time, P, M, G, arg, a, b, global queue, threads
        var lengths = new int[(int)Get(buf, ref at)];
        for (var i = 0; i < lengths.Length; i++) lengths[i] = (int)Get(buf, ref at);
        return lengths;
    }

    /// <summary>The Seq of the record starting at pos (the merge's key), without reading the rest.</summary>
    internal long SeqAt(long pos)
    {
        var (buf, at) = Find(pos);
        at++;
        return (long)Get(buf, ref at);
    }

    private (byte[] Buf, int At) Find(long pos) => (Volatile.Read(ref chunks)[(int)(pos >> 20)], (int)(pos & (LastChunk - 1)));

    // A record never spans chunks: the last one is followed by EndOfChunk, and the next starts a new chunk.
    private const byte EndOfChunk = byte.MaxValue;

    private void NextChunk()
    {
        if (chunk >= 0) chunks[chunk][offset] = EndOfChunk;
        var list = chunks;
        if (chunk + 1 == list.Length)
        {
            Array.Resize(ref list, list.Length * 2);
            Volatile.Write(ref chunks, list);
        }
        list[chunk + 1] = GC.AllocateUninitializedArray<byte>(chunk + 1 >= 4 ? LastChunk : FirstChunk << (chunk + 1));   // 64 KB … 1 MB
        chunk++;
        offset = 0;
    }

    private static ulong Zig(long v) => (ulong)((v << 1) ^ (v >> 63));
    private static long Unzig(ulong v) => (long)(v >> 1) ^ -(long)(v & 1);

    private static void Put(byte[] buf, ref int at, ulong v)
    {
        while (v >= 0x80)
        {
            buf[at++] = (byte)(v | 0x80);
            v >>= 7;
        }
        buf[at++] = (byte)v;
    }

    private static ulong Get(byte[] buf, ref int at)
    {
        ulong v = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = buf[at++];
            v |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80) return v;
        }
    }
}
