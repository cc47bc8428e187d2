using System;
using System.Collections.Generic;
using System.Threading;

namespace Goroutines;

/// <summary>
/// The Lockstep clock's conductor. The Ms are still real threads, but only the one holding the turn
/// moves. At every checkpoint and every wait, the conductor hands the turn to the thread whose next
/// action is earliest in virtual time, breaking ties with the run's seed; virtual time advances only
/// when every thread that could move is waiting for a later time. The same program and seed give
/// the same schedule, on any machine.
/// </summary>
internal sealed class Conductor
{
    [ThreadStatic] private static Turn? current;

    private readonly object gate = new();
    private readonly List<Turn> turns = new();
    private FastRand rand;
    private Turn? holder;
    private long now;
    private volatile bool released;

    /// <summary>The run has ended and threads move freely.</summary>
    internal bool Released => released;

    internal Conductor(int seed) { rand = new FastRand((ulong)(uint)seed * 0x2545F4914F6CDD1DUL + 0x9E37UL); }

    /// <summary>The virtual time, in nanoseconds since the run started.</summary>
    internal long Now => Volatile.Read(ref now);

    /// <summary>Whether the calling thread is one of the run's (holds a turn).</summary>
    internal static Turn? Current => current;

    /// <summary>
    /// A cost of about ns: between half and one and a half times it, seeded. Real code never takes the
    /// same time twice; this noise is what lets different seeds interleave threads differently.
    /// </summary>
    internal long Jitter(long ns)
    {
        lock (gate) return ns / 2 + rand.Next((uint)Math.Min(ns + 1, uint.MaxValue));
    }

    /// <summary>A new thread joins, able to move now. Called before its thread starts.</summary>
    internal Turn Register(string name)
    {
        lock (gate)
        {
            var t = new Turn(name) { readyAt = now };
            turns.Add(t);
            return t;
        }
    }

    /// <summary>The first call of a run's thread: wait for its first turn.</summary>
    internal void Enter(Turn t)
    {
        current = t;
        if (!released) t.go.Wait();
    }

    /// <summary>The run starts: the first turn is handed out.</summary>
    internal void Begin()
    {
        lock (gate) PassTurn()?.go.Release();
    }

    /// <summary>The thread leaves the run for good.</summary>
    internal void Exit(Turn t)
    {
        lock (gate)
        {
            t.exited = true;
            if (holder == t) PassTurn()?.go.Release();
        }
        current = null;
    }

    /// <summary>A checkpoint: the thread may go on, or another thread ready at the same time moves first.</summary>
    internal void Yield()
    {
        var t = current;
        if (t == null || released) return;
        lock (gate)
        {
            if (released) return;
            t.readyAt = now;
            if (!HandOn(t)) return;
        }
        t.go.Wait();
    }

    /// <summary>
    /// Waits until virtual time `until` (or forever with -1), or — if interruptible or forever —
    /// until Wake. Returns true if it was woken, false if the time came.
    /// </summary>
    internal bool Block(long until, bool interruptible)
    {
        var t = current;
        if (t == null || released) return true;
        lock (gate)
        {
            if (released) return t.woken;
            t.blocked = true;
            t.interruptible = interruptible || until < 0;
            t.woken = false;
            t.readyAt = until < 0 ? long.MaxValue : Math.Max(now, until);
            if (!HandOn(t)) return t.woken;
        }
        t.go.Wait();
        return t.woken;
    }

    /// <summary>Ends t's wait now (a note was signalled, a preemption request arrived). Called by the holder.</summary>
    internal void Wake(Turn t)
    {
        if (released) return;
        lock (gate)
        {
            if (!t.blocked || !t.interruptible) return;
            t.blocked = false;
            t.woken = true;
            t.readyAt = now;
        }
    }

    /// <summary>The run has ended: every thread moves freely again, so it can leave.</summary>
    internal void Release()
    {
        lock (gate)
        {
            if (released) return;
            released = true;
            foreach (var t in turns) t.go.Release();
        }
    }

    /// <summary>Hands the turn on from t (the holder, its wait marked); false if t keeps it. Caller holds the gate.</summary>
    private bool HandOn(Turn t)
    {
        var next = PassTurn();
        if (next == t) return false;
        next?.go.Release();
        return true;
    }

    /// <summary>
    /// Chooses who gets the turn: the thread that can move earliest; among those that can move at the same
    /// virtual time, a seeded random one. The caller releases it (unless it is the caller). Caller holds the gate.
    /// </summary>
    private Turn? PassTurn()
    {
        var best = long.MaxValue;
        foreach (var c in turns)
            if (!c.exited && c.readyAt < best) best = c.readyAt;
        holder = null;
        if (best == long.MaxValue) return null;   // every thread waits for a wakeup that only the end of the run brings
        var ready = 0;
        foreach (var c in turns)
            if (!c.exited && c.readyAt == best) ready++;
        var pick = ready == 1 ? 0 : (int)rand.Next((uint)ready);
        Turn next = null!;
        foreach (var c in turns)
            if (!c.exited && c.readyAt == best && pick-- == 0) { next = c; break; }
        if (best > now) now = best;
        if (next.blocked && !next.woken) next.blocked = false;
        holder = next;
        return next;
    }
}
