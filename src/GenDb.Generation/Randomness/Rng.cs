using System.Numerics;
using System.Runtime.CompilerServices;

namespace GenDb.Generation.Randomness;

/// <summary>
/// xoshiro256** seeded through SplitMix64: fast, and the same sequence on every machine and
/// runtime (System.Random's algorithm is an implementation detail, so it is not used for data).
/// </summary>
public struct Rng
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    public Rng(ulong seed)
    {
        _s0 = SplitMix(ref seed);
        _s1 = SplitMix(ref seed);
        _s2 = SplitMix(ref seed);
        _s3 = SplitMix(ref seed);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextUInt64()
    {
        var result = BitOperations.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = BitOperations.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, bound), without modulo bias (Lemire's method); 0 when bound is 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextBelow(ulong bound)
    {
        if (bound == 0)
        {
            return 0;
        }

        var high = Math.BigMul(NextUInt64(), bound, out var low);
        if (low < bound)
        {
            var threshold = (0 - bound) % bound;
            while (low < threshold)
            {
                high = Math.BigMul(NextUInt64(), bound, out low);
            }
        }

        return high;
    }

    /// <summary>Uniform in [minInclusive, maxInclusive]; the whole long range is allowed.</summary>
    public long NextInclusive(long minInclusive, long maxInclusive)
    {
        if (maxInclusive < minInclusive)
        {
            throw new ArgumentOutOfRangeException(nameof(maxInclusive), "The range is empty.");
        }

        var span = (ulong)(maxInclusive - minInclusive);
        var offset = span == ulong.MaxValue ? NextUInt64() : NextBelow(span + 1);
        return unchecked(minInclusive + (long)offset);
    }

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>True with the given probability.</summary>
    public bool Chance(double probability) => NextDouble() < probability;

    private static ulong SplitMix(ref ulong state)
    {
        state += 0x9E3779B97F4A7C15UL;
        var z = state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
