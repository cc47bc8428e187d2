using System.Collections.Generic;

namespace Goroutines;

/// <summary>
/// Go's randomOrder (proc.go): visits every P exactly once in a pseudo-random order —
/// a random start plus a random increment that is coprime with the number of Ps.
/// </summary>
internal sealed class StealOrder
{
    private int count;
    private int[] coprimes = [];

    internal void Reset(int n)
    {
        count = n;
        var list = new List<int>();
        for (var i = 1; i <= n; i++)
            if (Gcd(i, n) == 1) list.Add(i);
        coprimes = list.ToArray();
    }

    /// <summary>The order of P ids for one round, starting from the random number i.</summary>
    internal IEnumerable<int> Start(uint i)
    {
        var n = count;
        var pos = (int)(i % (uint)n);
        var inc = coprimes[(int)(i / (uint)n % (uint)coprimes.Length)];
        for (var k = 0; k < n; k++)
        {
            yield return pos;
            pos = (pos + inc) % n;
        }
    }

    private static int Gcd(int a, int b)
    {
        while (b != 0) (a, b) = (b, a % b);
        return a;
    }
}
