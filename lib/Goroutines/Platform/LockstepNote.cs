namespace Goroutines;

/// <summary>A note in a Lockstep run: the sleeper waits for its turn in virtual time; a wakeup ends that wait.</summary>
internal sealed class LockstepNote : Note
{
    private readonly Conductor conductor;
    private bool signaled;
    private Turn? sleeper;

    internal LockstepNote(Conductor conductor) { this.conductor = conductor; }

    internal override bool Sleep(long timeoutNs = -1)
    {
        var until = timeoutNs < 0 ? -1 : conductor.Now + timeoutNs;
        sleeper = Conductor.Current;
        while (!signaled && !conductor.Released)
        {
            if (!conductor.Block(until, interruptible: true) && !signaled) break;   // the timeout came
        }
        sleeper = null;
        var was = signaled;
        signaled = false;
        return was;
    }

    internal override void Wakeup()
    {
        signaled = true;
        if (sleeper != null) conductor.Wake(sleeper);
    }
}
