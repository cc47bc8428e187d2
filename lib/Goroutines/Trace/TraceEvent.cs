using System;
using System.Collections.Generic;

namespace Goroutines;

/// <summary>
/// One scheduler event: when, where (P, M, G), what, and the rule that fired, in one sentence.
/// P and M are -1 and G is 0 when the event has none. Read from the run's compact record: the sentence
/// (Reason, Detail) and the queue lengths are made the first time they are read.
/// </summary>
public sealed record TraceEvent
{
    private readonly Tracer? tracer;
    private readonly EventBuffer? buffer;
    private readonly long position;
    private readonly EventRecord record;
    private string? detail, reason;
    private int[]? localQueues;

    /// <summary>An event with every field given (tests and tools that build events by hand).</summary>
    public TraceEvent(long Seq, long TimeNs, EventKind Kind, int P, int M, long G, long Arg, string Detail, string Reason,
        int GlobalQueue, int[] LocalQueues, int Threads)
    {
        this.Seq = Seq;
        this.TimeNs = TimeNs;
        this.Kind = Kind;
        this.P = P;
        this.M = M;
        this.G = G;
        this.Arg = Arg;
        detail = Detail;
        reason = Reason;
        this.GlobalQueue = GlobalQueue;
        localQueues = LocalQueues;
        this.Threads = Threads;
    }

    internal TraceEvent(Tracer tracer, EventBuffer buffer, long position, long timeNs)
    {
        this.tracer = tracer;
        this.buffer = buffer;
        this.position = position;
        record = buffer.Read(position, out _);
        Seq = record.Seq;
        TimeNs = timeNs;
        Kind = Goroutines.Reason.Of(record.Reason).Kind;
        P = record.P;
        M = record.M;
        G = record.G;
        Arg = record.Arg;
        GlobalQueue = record.GlobalQueue;
        Threads = record.Threads;
    }

    public long Seq { get; init; }
    public long TimeNs { get; init; }
    public EventKind Kind { get; init; }
    public int P { get; init; }
    public int M { get; init; }
    public long G { get; init; }
    public long Arg { get; init; }
    public int GlobalQueue { get; init; }
    public int Threads { get; init; }

    /// <summary>A word or two: the block reason ("chan receive"), "preempted", …; often empty.</summary>
    public string Detail
    {
        get => detail ??= Goroutines.Reason.Of(record.Reason).Detail is { } d ? d(in record, tracer!) : "";
        init => detail = value;
    }

    /// <summary>The rule that fired, in one sentence.</summary>
    public string Reason
    {
        get => reason ??= Goroutines.Reason.Of(record.Reason).Text(in record, tracer!);
        init => reason = value;
    }

    /// <summary>Every P's local queue length at that moment (runnext not counted), P0 first.</summary>
    public int[] LocalQueues
    {
        get => localQueues ??= buffer!.QueuesAt(position);
        init => localQueues = value;
    }

    /// <summary>The same values: two events are equal when every field, and every queue length, is.</summary>
    public bool Equals(TraceEvent? other) =>
        other is not null && Seq == other.Seq && TimeNs == other.TimeNs && Kind == other.Kind && P == other.P && M == other.M &&
        G == other.G && Arg == other.Arg && GlobalQueue == other.GlobalQueue && Threads == other.Threads &&
        Detail == other.Detail && Reason == other.Reason && LocalQueues.AsSpan().SequenceEqual(other.LocalQueues);

    public override int GetHashCode() => HashCode.Combine(Seq, TimeNs, Kind, P, M, G, Reason);

    /// <summary>The event in one line, e.g. "  1.2µs P0 M0 G1  GoCreate  runnext: G2 …".</summary>
    public override string ToString()
    {
        var p = P < 0 ? "  " : "P" + P;
        var m = M < 0 ? "  " : "M" + M;
        var g = G == 0 ? "" : "G" + G;
        return $"{TimeNs / 1000.0,10:0.0}µs {p,-3} {m,-3} {g,-5} {Kind,-20} {Reason}";
    }
}
