namespace Goroutines;

/// <summary>How a run ended.</summary>
public enum Outcome
{
    /// <summary>main returned; goroutines still alive are listed in RunResult.Leaked.</summary>
    Completed,
    /// <summary>Nothing could ever run again: "fatal error: all goroutines are asleep - deadlock!".</summary>
    Deadlock,
    /// <summary>An exception escaped a goroutine: Go's "panic: …" report.</summary>
    Panic,
    /// <summary>The time limit passed; RunResult.Message reports what every M and G was doing.</summary>
    TimedOut,
}
