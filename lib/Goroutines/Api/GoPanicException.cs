using System;

namespace Goroutines;

/// <summary>
/// A Go runtime panic raised by the library ("send on closed channel", "close of nil channel", …),
/// or, with Fatal, a Go fatal error ("sync: unlock of unlocked mutex"). Catching it is Go's recover.
/// </summary>
public sealed class GoPanicException : Exception
{
    public GoPanicException(string message, bool fatal = false) : base(message) { Fatal = fatal; }

    /// <summary>A fatal error cannot be recovered in Go; here the run ends if it escapes.</summary>
    public bool Fatal { get; }
}
