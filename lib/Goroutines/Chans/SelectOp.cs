using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace Goroutines;

/// <summary>
/// An awaited Select(...): Go's selectgo. Pass 1 looks at the cases in a random order (so every ready
/// case is equally likely) with all the channels locked; if none is ready, default runs, or the
/// goroutine waits on every channel at once (pass 2) until one case wins; pass 3 then takes it off
/// the other channels. The result is the index of the chosen case; its body has run. Leaves out the
/// compiler's rewrite of a one-case select (a plain send or receive, with that wait reason) and of a
/// select with one case and default (selectnbsend/selectnbrecv), the block profile and the race detector.
/// </summary>
public sealed class SelectOp : GoOp
{
    private readonly SelectCase[] cases;
    private RuntimeLock[] locks = [];    // distinct channel locks, in lock order
    private int[] lockorder = [];        // the cases with a channel, sorted by channel (Go's lockorder)
    private int chosen = -1;
    private bool blockForever;

    internal SelectOp(SelectCase[] cases)
    {
        this.cases = cases;
        if (cases.Count(c => c.IsDefault) > 1)
            throw new ArgumentException("A Select can have at most one Default case.", nameof(cases));
    }

    private protected override string Name => "Select(...)";

    public SelectOp GetAwaiter()
    {
        Start();
        return this;
    }

    /// <summary>Runs the chosen case's body and returns its index.</summary>
    public int GetResult()
    {
        ThrowRaised();
        cases[chosen].Run();
        return chosen;
    }

    private protected override bool TryComplete(G g)
    {
        var sched = SchedOf(g);
        var pollorder = PollOrder(sched);
        // Go starts the lock order from the poll order, so cases on the same channel wait in a random order.
        lockorder = pollorder.OrderBy(i => cases[i].ChanId).ToArray();
        locks = lockorder.Select(i => cases[i]).DistinctBy(c => c.ChanId).Select(c => c.Lock!).ToArray();
        if (locks.Length == 0)
        {
            chosen = Array.FindIndex(cases, c => c.IsDefault);
            if (chosen >= 0) return true;
            blockForever = true;
            return false;
        }
        LockAll();
        G? ready = null;
        try
        {
            foreach (var i in pollorder)
            {
                if (!cases[i].TryLocked(out ready)) continue;
                chosen = i;
                break;
            }
        }
        catch
        {
            UnlockAll();
            throw;
        }
        if (chosen < 0) chosen = Array.FindIndex(cases, c => c.IsDefault);
        if (chosen >= 0)
        {
            UnlockAll();
            if (ready != null)
                sched.Goready(g.m!, ready, CaseWoke, sched.trace.On ? g.goid << 32 | (long)chosen << 16 | (long)sched.trace.Intern(cases[chosen].Describe()) : 0);
            return true;
        }
        // Pass 2: wait on every channel. The locks stay held until the park commits.
        Volatile.Write(ref g.selectDone, 0);
        g.param = null;
        foreach (var i in lockorder) cases[i].EnqueueLocked(g, i);
        return false;
    }

    private protected override void Park(G g, Action continuation)
    {
        if (blockForever)
        {
            Sched.Gopark(g, continuation, null, null, cases.Length == 0 ? "select (no cases)" : "select", "forever");
            return;
        }
        Sched.Gopark(g, () => { AfterWake(g); continuation(); }, static (gp, op) => ((SelectOp)op!).SelParkCommit(gp), this, "select", "select");
    }

    /// <summary>Go's selparkcommit: the G is parked; release the channels. Leaves out activeStackChans
    /// and parkingOnChan, which tell the GC's stack shrinker about the sudogs.</summary>
    private bool SelParkCommit(G g)
    {
        UnlockAll();
        return true;
    }

    /// <summary>Pass 3: find the winning case and leave every other channel's queue.</summary>
    private void AfterWake(G g)
    {
        var won = g.param!;
        g.param = null;
        LockAll();
        for (var i = 0; i < cases.Length; i++)
            if (i != won.caseIndex) cases[i].DequeueLocked();
        UnlockAll();
        chosen = won.caseIndex;
        cases[chosen].Won(won);
    }

    /// <summary>A random permutation of the cases that have a channel (Go's pollorder, Fisher–Yates).</summary>
    private int[] PollOrder(Sched sched)
    {
        var order = new List<int>(cases.Length);
        for (var i = 0; i < cases.Length; i++)
            if (cases[i].Lock != null) order.Add(i);
        for (var i = order.Count - 1; i > 0; i--)
        {
            var j = (int)sched.selectRand.Next((uint)i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
        return order.ToArray();
    }

    private void LockAll()
    {
        foreach (var l in locks) l.Enter();
    }

    private void UnlockAll()
    {
        for (var i = locks.Length - 1; i >= 0; i--) locks[i].Exit();
    }

    // A = the waker's goid (high 32 bits), the case's index (next 16) and its description (interned, low 16).
    private static readonly Reason CaseWoke = Sched.Readying(static (in EventRecord e, Tracer t) =>
        $"select: G{e.A >> 32}'s case {(e.A >> 16) & 0xFFFF} ({t.Text(e.A & 0xFFFF)}) was ready and woke G{e.G}");
}
