namespace Goroutines;

/// <summary>Cheap seeded random numbers for scheduler choices (Go's cheaprand): a xorshift generator.</summary>
internal struct FastRand
{
    private ulong state;

    internal FastRand(ulong seed) { state = seed == 0 ? 0x9E3779B97F4A7C15UL : seed; }

    internal uint Next()
    {
        var x = state;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        state = x;
        return (uint)(x >> 32);
    }

    /// <summary>A number in [0, n): Go's cheaprandn.</summary>
    internal uint Next(uint n) => (uint)(((ulong)Next() * n) >> 32);
}
