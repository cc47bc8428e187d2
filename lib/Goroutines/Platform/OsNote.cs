using System.Threading;

namespace Goroutines;

/// <summary>A note on a real thread: a monitor wait, as Go's futexsleep on Linux.</summary>
internal sealed class OsNote : Note
{
    private readonly object gate = new();
    private bool signaled;

    internal override bool Sleep(long timeoutNs = -1)
    {
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

    internal override void Wakeup()
    {
        lock (gate)
        {
            signaled = true;
            Monitor.Pulse(gate);
        }
    }
}
