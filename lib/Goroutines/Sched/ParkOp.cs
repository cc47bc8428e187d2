using System;
using System.Threading.Tasks;

namespace Goroutines;

/// <summary>A park with nothing that will ever wake it (the runtime's idle goroutines, like runfinq).</summary>
internal sealed class ParkOp : GoOp
{
    private readonly string reason;
    private readonly string traceReason;

    internal ParkOp(string reason, string traceReason)
    {
        this.reason = reason;
        this.traceReason = traceReason;
    }

    private protected override string Name => reason;

    public ParkOp GetAwaiter()
    {
        Start();
        return this;
    }

    public void GetResult() => ThrowRaised();

    internal async Task AsTask() => await this;

    private protected override bool TryComplete(G g) => false;

    private protected override void Park(G g, Action continuation) =>
        Sched.Gopark(g, continuation, null, null, reason, traceReason);
}
