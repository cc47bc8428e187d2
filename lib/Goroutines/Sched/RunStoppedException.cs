using System;

namespace Goroutines;

/// <summary>Unwinds an M's thread out of the scheduler loop once the run has ended.</summary>
internal sealed class RunStoppedException : Exception
{
    internal RunStoppedException() : base("the run has ended") { }
}
