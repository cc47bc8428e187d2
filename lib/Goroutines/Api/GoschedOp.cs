using System;

namespace Goroutines;

/// <summary>An awaited Gosched(): the goroutine yields and goes to the tail of the global queue.</summary>
public sealed class GoschedOp : GoOp
{
    internal GoschedOp() { }

    private protected override string Name => "Gosched()";

    public GoschedOp GetAwaiter()
    {
        Start();
        return this;
    }

    public void GetResult() => ThrowRaised();

    private protected override bool TryComplete(G g) => false;

    private protected override void Park(G g, Action continuation)
    {
        g.resume = continuation;
        g.m!.mcallFn = g.m.sched.goschedM;
    }
}
