using System;
using System.Runtime.ExceptionServices;

namespace Goroutines;

/// <summary>
/// An awaited Syscall: Go's entersyscall, the blocking call on this M (the P is left behind, where
/// sysmon may hand it to another M), then exitsyscall. If no P is free on return, the goroutine goes
/// to the global queue and the M sleeps (exitsyscall0).
/// </summary>
public sealed class SyscallOp : GoOp
{
    private readonly TimeSpan d;
    private readonly Action? action;
    private ExceptionDispatchInfo? failure;

    internal SyscallOp(TimeSpan d, Action? action)
    {
        this.d = d;
        this.action = action;
    }

    private protected override string Name => "Syscall(...)";

    public SyscallOp GetAwaiter()
    {
        Start();
        return this;
    }

    public void GetResult()
    {
        ThrowRaised();
        failure?.Throw();
    }

    private protected override bool TryComplete(G g)
    {
        var mp = g.m!;
        var sched = mp.sched;
        sched.Entersyscall(mp, g);
        try
        {
            if (action != null) action();
            else sched.platform.SyscallWait(d);   // blocks the thread; the end of the run cuts it short
        }
        catch (Exception e)
        {
            failure = ExceptionDispatchInfo.Capture(e);
        }
        return sched.Exitsyscall(mp, g);
    }

    private protected override void Park(G g, Action continuation)
    {
        g.resume = continuation;
        g.m!.mcallFn = g.m.sched.exitsyscallNoP;
    }
}
