using System;

namespace Goroutines;

/// <summary>
/// An argument or option the library cannot use (MaxProcs 0, a negative duration, …). Its message says
/// what to use instead; a notebook shows that message and where the cell made the call, not the
/// library's stack frames (the kernel shows an exception's ToString()).
/// </summary>
public sealed class BadArgumentException : ArgumentOutOfRangeException
{
    private readonly string advice;

    public BadArgumentException(string paramName, object? actualValue, string message) : base(paramName, actualValue, message)
    {
        advice = message;
    }

    /// <summary>The advice and where in the student's code the call was made — no library frames.</summary>
    public override string ToString() => UserFrame.Render(this, advice, 0);
}
