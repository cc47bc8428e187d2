using System;

namespace Goroutines;

/// <summary>Select's default: chosen when no other case is ready.</summary>
internal sealed class DefaultCase : SelectCase
{
    private readonly Action? then;

    internal DefaultCase(Action? then) { this.then = then; }

    internal override RuntimeLock? Lock => null;
    internal override long ChanId => 0;
    internal override bool IsDefault => true;
    internal override bool TryLocked(out G? ready) { ready = null; return false; }
    internal override void EnqueueLocked(G g, int index) { }
    internal override void DequeueLocked() { }
    internal override void Won(Sudog sg) { }
    internal override void Run() => then?.Invoke();
    internal override string Describe() => "default";
}
