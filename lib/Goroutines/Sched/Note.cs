using System.Threading;

namespace Goroutines;

/// <summary>
/// A one-shot sleep/wakeup for a thread: Go's note (notesleep / notewakeup / noteclear).
/// Sleep returns once Wakeup has been called (and clears the note), or when the timeout passes.
/// </summary>
internal sealed class Note
{
    private readonly object gate = new();
    private bool signaled;

    /// <summary>notesleep + noteclear. Returns false if the timeout (ms, -1 = forever) passed first.</summary>
    internal bool Sleep(int timeoutMs = Timeout.Infinite)
    {
        lock (gate)
        {
            if (!signaled)
            {
                if (timeoutMs == Timeout.Infinite)
                    while (!signaled) Monitor.Wait(gate);
                else if (!Monitor.Wait(gate, timeoutMs) && !signaled)
                    return false;
            }
            signaled = false;
            return true;
        }
    }

    /// <summary>notewakeup.</summary>
    internal void Wakeup()
    {
        lock (gate)
        {
            signaled = true;
            Monitor.Pulse(gate);
        }
    }
}
