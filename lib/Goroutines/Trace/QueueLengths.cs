namespace Goroutines;

/// <summary>
/// Every P's local queue length in one 64-bit word: 9 bits each (a queue holds at most 256) for up to 7 Ps.
/// With more Ps the word is an index into the thread's overflow list, marked by the top bit.
/// </summary>
internal static class QueueLengths
{
    internal const int Packable = 7;
    private const int Bits = 9;
    private const ulong Mask = (1 << Bits) - 1;
    internal const ulong Spilled = 1UL << 63;

    /// <summary>Packs the lengths of ps' queues (ps.Length ≤ Packable).</summary>
    internal static ulong Pack(P[] ps)
    {
        ulong w = 0;
        for (var i = 0; i < ps.Length; i++)
            w |= (ulong)Clamp(ps[i].RunqLen()) << (i * Bits);
        return w;
    }

    internal static int[] Unpack(ulong w, int count)
    {
        var lengths = new int[count];
        for (var i = 0; i < count; i++) lengths[i] = (int)((w >> (i * Bits)) & Mask);
        return lengths;
    }

    // A length read without the P's lock can be briefly off while its owner and a thief both move; never past 9 bits.
    internal static int Clamp(int n) => n < 0 ? 0 : n > (int)Mask ? (int)Mask : n;
}
