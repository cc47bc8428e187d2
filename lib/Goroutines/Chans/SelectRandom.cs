namespace Goroutines;

/// <summary>
/// The seeded random numbers select uses for its poll order (Go's cheaprandn in selectgo): one
/// xorshift32 generator per run, shared by every select, so a Lockstep run chooses the same cases every time.
/// </summary>
internal sealed class SelectRandom
{
    private readonly object gate = new();
    private uint state;

    internal SelectRandom(int seed) { state = (uint)seed * 2654435761u + 1; }

    /// <summary>A number in [0, n).</summary>
    internal uint Next(uint n)
    {
        lock (gate)
        {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            return (uint)(((ulong)state * n) >> 32);
        }
    }
}
