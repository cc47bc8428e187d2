namespace Goroutines;

/// <summary>
/// A one-shot sleep/wakeup for a thread: Go's note (notesleep / notewakeup / noteclear). Sleep returns
/// once Wakeup has been called (and clears the note), or when the timeout passes. Each platform has its
/// own (Go's lock_futex.go and lock_sema.go): <see cref="OsNote"/> and <see cref="LockstepNote"/>.
/// </summary>
internal abstract class Note
{
    /// <summary>notesleep + noteclear. Returns false if the timeout (ns, -1 = forever) passed first.</summary>
    internal abstract bool Sleep(long timeoutNs = -1);

    /// <summary>notewakeup.</summary>
    internal abstract void Wakeup();
}
