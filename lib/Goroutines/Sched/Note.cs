using System.Threading;

namespace Goroutines;

/// <summary>
/// A one-shot sleep/wakeup for a thread: Go's note (notesleep / notewakeup / noteclear).
/// Sleep returns once Wakeup has been called (and clears the note), or when the timeout passes.
/// In a Lockstep run the sleep is a wait on the conductor, in virtual time.
/// </summary>
internal sealed class Note
{
    private readonly object gate = new();
    private readonly Conductor? conductor;
    private bool signaled;
    private Turn? sleeper;

    internal Note(Conductor? conductor) { this.conductor = conductor; }

    /// <summary>notesleep + noteclear. Returns false if the timeout (ns, -1 = forever) passed first.</summary>
    internal bool Sleep(long timeoutNs = -1)
    {
        if (conductor != null) return SleepLockstep(timeoutNs);
        lock (gate)
        {
            if (!signaled)
            {
                if (timeoutNs < 0)
                    while (!signaled) Monitor.Wait(gate);
                else if (!Monitor.Wait(gate, (int)System.Math.Min(int.MaxValue, (timeoutNs + 999_999) / 1_000_000)) && !signaled)
                    return false;
            }
            signaled = false;
            return true;
        }
    }

    /// <summary>notewakeup.</summary>
    internal void Wakeup()
    {
        if (conductor != null)
        {
            signaled = true;
            if (sleeper != null) conductor.Wake(sleeper);
            return;
        }
        lock (gate)
        {
            signaled = true;
            Monitor.Pulse(gate);
        }
    }

    private bool SleepLockstep(long timeoutNs)
    {
        var until = timeoutNs < 0 ? -1 : conductor!.Now + timeoutNs;
        sleeper = Conductor.Current;
        while (!signaled && !conductor!.Released)
        {
            if (!conductor.Block(until, interruptible: true) && !signaled) break;   // the timeout came
        }
        sleeper = null;
        var was = signaled;
        signaled = false;
        return was;
    }
}
