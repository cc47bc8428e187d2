using System.Text;

namespace Goroutines;

// checkdead and Go's goroutine headers for reports (proc.go, traceback.go).
internal sealed partial class Sched
{
    /// <summary>
    /// Go's checkdead, when an M goes idle: if no M is running Go code, no timer is pending and some
    /// goroutine waits, nothing can ever wake it — "all goroutines are asleep - deadlock!".
    /// Caller holds lk. Leaves out the c-archive/c-shared and panicking early returns, the cgo extra M,
    /// the "inconsistent counts" throw, _Gpreempted and faketime's jump to the next timer.
    /// </summary>
    private void Checkdead()
    {
        lk.AssertHeld();
        var run = mcount - nmidle - nmidlelocked - nmsys;
        if (run > 0 || stopping) return;
        var waiting = 0;
        foreach (var gp in AllGs())
        {
            if (gp.system) continue;
            switch (gp.Status)
            {
                case GStatus.Waiting:
                    waiting++;
                    break;
                case GStatus.Runnable:
                case GStatus.Running:
                case GStatus.Syscall:
                    Finish(Outcome.Panic, $"fatal error: checkdead: runnable g (G{gp.goid}, {gp.Status}) — a bug in the scheduler model\n\n" + Tracebacks(null));
                    return;
            }
        }
        if (waiting == 0)
        {
            Finish(Outcome.Deadlock, "fatal error: no goroutines (main called runtime.Goexit) - deadlock!");
            return;
        }
        foreach (var pp in allp)
            if (pp.timers.Len > 0) return;   // a timer will wake someone
        Finish(Outcome.Deadlock, "fatal error: all goroutines are asleep - deadlock!\n\n" + Tracebacks(null));
    }

    /// <summary>
    /// Go's incidlelocked: change the count of Ms that checkdead does not count as running; a rise may
    /// mean every M is now idle, so checkdead looks.
    /// </summary>
    private void Incidlelocked(int v)
    {
        using (lk.Hold())
        {
            nmidlelocked += v;
            if (v > 0) Checkdead();
        }
    }

    /// <summary>Every live goroutine's header and "created by" trailer, first one first (Go's tracebackothers).
    /// Leaves out the stack frames, "goroutine running on other thread; stack unavailable" and GOTRACEBACK's levels.</summary>
    internal string Tracebacks(G? first)
    {
        var sb = new StringBuilder();
        if (first != null) AppendTraceback(sb, first);
        foreach (var gp in AllGs())
            if (gp != first && gp.Status != GStatus.Dead && !gp.system && gp.goid != 0)
                AppendTraceback(sb, gp);
        return sb.ToString().TrimEnd('\n');
    }

    private void AppendTraceback(StringBuilder sb, G gp)
    {
        sb.Append(Header(gp)).Append('\n').Append(TraceTrailer(gp)).Append('\n');
    }

    /// <summary>Go's goroutineheader: "goroutine 7 [chan receive]:", with ", N minutes" after a minute of waiting.
    /// Leaves out the " (scan)" mark and the "gp=0x… m=… mp=0x…" form of GOTRACEBACK=system.</summary>
    internal string Header(G gp)
    {
        var status = gp.Status switch
        {
            GStatus.Waiting => gp.waitreason,
            GStatus.Runnable => "runnable",
            GStatus.Running => "running",
            GStatus.Syscall => "syscall",
            GStatus.Dead => "dead",
            _ => "idle",
        };
        if (gp.Status is GStatus.Waiting or GStatus.Syscall && gp.waitsince != 0)
        {
            var minutes = (Nanotime() - gp.waitsince) / 60_000_000_000L;
            if (minutes >= 1) status += $", {minutes} minutes";
        }
        if (gp.lockedm != null) status += ", locked to thread";
        return $"goroutine {gp.goid} [{status}]:";
    }
}
