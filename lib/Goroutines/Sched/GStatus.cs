namespace Goroutines;

/// <summary>A goroutine's status, as Go's _Gidle … _Gdead (runtime2.go). The numbers are Go's.</summary>
public enum GStatus
{
    Idle = 0,
    Runnable = 1,
    Running = 2,
    Syscall = 3,
    Waiting = 4,
    Dead = 6,
}
