using System;

namespace Goroutines;

/// <summary>
/// A library call made where it cannot work: Go(...) outside a run, Run inside a goroutine, … Its
/// message says what to do; a notebook shows that message and the line of the cell, not the library's
/// stack frames (the kernel shows an exception's ToString()).
/// </summary>
public sealed class MisuseException : InvalidOperationException
{
    private readonly int line;

    public MisuseException(string message) : this(message, 0) { }

    internal MisuseException(string message, int line) : base(message) { this.line = line; }

    /// <summary>The message and where in the student's code the call was made — no library frames.</summary>
    public override string ToString() => UserFrame.Render(this, Message, line);
}
