using System;
using System.Threading.Tasks;

namespace Goroutines;

/// <summary>
/// A goroutine: Go's g (runtime2.go). Its "stack" is a chain of C# async state machines; when it
/// parks, the continuation that resumes it is kept in <see cref="resume"/>.
/// </summary>
internal sealed class G
{
    internal long goid;
    internal Sched? owner;                       // the run it belongs to: a run that ended never wakes it again
    internal long parentGoid;
    internal string createdByFunc = "";          // where Go(...) was called, for Go's "created by" trailer
    internal string createdAtFile = "";
    internal int createdAtLine;
    internal GoroutineContext? ctx;              // routes foreign completions back as "IO wait" wakeups

    internal volatile GStatus atomicstatus = GStatus.Runnable;
    internal string waitreason = "";             // why it is waiting, as Go prints it ("chan receive")
    internal Func<Task>? fn;                     // the body, until it first runs
    internal Action? action;                     // or a body that never blocks (Go(Action)), until it runs
    internal Task? rootTask;                     // the body's task: complete = the goroutine returned
    internal Action? resume;                     // the saved continuation (Go's g.sched): what runs when it is resumed
    internal G? schedlink;                       // next G in a gQueue / gList
    internal M? m;                               // the M running it, when running or in a syscall
    internal volatile bool preempt;              // sysmon asks it to stop at its next safe point
    internal bool goyieldOwed;                   // a starvation hand-off in Mutex.Unlock owes Go's goyield: taken at its next library call
    internal long waitsince;                     // when it parked (ns)
    internal Sudog? param;                       // the sudog that woke it (channels, select)
    internal Sudog? sudogCache;                  // its last plain sudog, reused (Go's per-P sudog cache)
    internal object? sendOpCache;                // its last finished ChanSendOp, reused
    internal object? recvOpCache;                // its last finished ChanRecvOp or ChanRecvOkOp, reused
    internal int selectDone;                     // a select's cases race to set this 0 → 1
    internal Action? foreignPending;             // a foreign completion that arrived before the park was committed
    internal bool pollReady;                     // its foreign completion arrived: it waits in netpoll's ready list (Go's pdReady)
    internal bool watchingRoot;                  // a check runs if its body completes while it waits as IO wait
    internal Action? selfPosted;                 // continuations it posted to its own context while running (async iterators)
    internal GoOp? unawaited;                    // the last library operation it created and has not awaited yet
    internal long cpuAtPreempt = -1;            // its M's CPU time when sysmon asked it to stop (-1: unknown)
    internal bool unpreemptibleWarned;           // a warning already says it ran on without reaching a safe point
    internal M? lockedm;                         // LockOSThread: the M it must run on
    internal bool system;                        // a runtime goroutine: hidden from NumGoroutine, tracebacks and checkdead

    internal GStatus Status => atomicstatus;

    public override string ToString() => "G" + goid;
}
