namespace Goroutines;

/// <summary>What sysmon remembers about a P between its ticks (Go's sysmontick).</summary>
internal struct SysmonTick
{
    internal long schedtick;
    internal long schedwhen;
    internal long syscalltick;
    internal long syscallwhen;
}
