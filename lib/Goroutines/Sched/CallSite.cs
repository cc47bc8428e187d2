namespace Goroutines;

/// <summary>Where a goroutine was created: the caller of Go(...), for Go's "created by … in goroutine N" line.</summary>
internal readonly record struct CallSite(string Func, string File, int Line);
