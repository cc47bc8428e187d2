using System;
using System.Threading;

namespace Goroutines;

/// <summary>Makes an event's sentence (or its Detail) from its record, when someone reads it.</summary>
internal delegate string ReasonText(in EventRecord e, Tracer t);

/// <summary>
/// One rule the scheduler can report: the event's kind and how to say it. Each is a static field next to
/// the code whose decision it explains, so the sentence stays beside the rule; the recorder keeps only its
/// Id and the numbers the sentence needs. Texts (wait reasons, select's case) are interned by the Tracer.
/// </summary>
internal sealed class Reason
{
    private static readonly object gate = new();
    private static Reason[] all = [];   // by Id; replaced, never changed, as reasons are made (static fields, at start)

    internal Reason(EventKind kind, ReasonText text, ReasonText? detail = null)
    {
        Kind = kind;
        Text = text;
        Detail = detail;
        lock (gate)
        {
            if (all.Length >= byte.MaxValue) throw new InvalidOperationException("more than 255 reasons: widen EventRecord.Reason (255 marks a buffer chunk's end)");
            Id = (byte)all.Length;
            Volatile.Write(ref all, [.. all, this]);
        }
    }

    /// <summary>A reason whose Detail is always the same text.</summary>
    internal Reason(EventKind kind, string detail, ReasonText text) : this(kind, text, (in EventRecord _, Tracer _) => detail) { }

    internal byte Id { get; }
    internal EventKind Kind { get; }
    internal ReasonText Text { get; }
    internal ReasonText? Detail { get; }

    internal static Reason Of(byte id) => Volatile.Read(ref all)[id];
}
