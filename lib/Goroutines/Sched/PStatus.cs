namespace Goroutines;

/// <summary>A P's status, as Go's _Pidle … _Pdead (runtime2.go, Go 1.23). The numbers are Go's.</summary>
public enum PStatus
{
    Idle = 0,
    Running = 1,
    Syscall = 2,
    GcStop = 3,
    Dead = 4,
}
