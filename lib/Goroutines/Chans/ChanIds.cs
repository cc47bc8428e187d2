using System.Threading;

namespace Goroutines;

/// <summary>
/// Channel ids, one sequence for channels of every element type: select sorts its locks by them
/// (Go sorts by address) and locks a channel that appears twice once. A counter inside the generic
/// Chan&lt;T&gt; would restart for each T, and a Chan&lt;int&gt; and a Chan&lt;string&gt; would share an id.
/// </summary>
internal static class ChanIds
{
    private static long last;

    internal static long Next() => Interlocked.Increment(ref last);
}
