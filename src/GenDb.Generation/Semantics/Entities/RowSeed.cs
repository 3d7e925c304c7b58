using GenDb.Generation.Randomness;

namespace GenDb.Generation.Semantics.Entities;

/// <summary>
/// The seed of an entity of one row. Generators of different columns compute the same entity for
/// the same row from the same key (<see cref="StableSeed"/> of the table's seed, the entity kind
/// and its role), without seeing each other.
/// </summary>
internal static class RowSeed
{
    public static ulong Key(ulong tableSeed, string kind, string role) =>
        StableSeed.Derive(unchecked((long)tableSeed), "gendb.entity", kind, role);

    /// <summary>The stream of <paramref name="row"/>'s entity: a SplitMix64 finalizer of key and row.</summary>
    public static Rng For(ulong key, long row) => new(Mix(key ^ (unchecked((ulong)row) * 0x9E3779B97F4A7C15UL)));

    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}

/// <summary>
/// A bijection of [0, size) keyed by a seed: distinct rows get distinct, random-looking numbers
/// (account numbers, ISBNs), so uniqueness holds by construction. Cycle-walks an invertible
/// xorshift-multiply permutation of the smallest power of two that holds <c>size</c>.
/// </summary>
internal readonly struct IndexPermutation
{
    private readonly ulong _size;
    private readonly ulong _mask;
    private readonly int _shift;
    private readonly ulong _key;
    private readonly ulong _multiplier;

    public IndexPermutation(ulong size, ulong seed)
    {
        _size = size;
        var bits = 64 - System.Numerics.BitOperations.LeadingZeroCount(Math.Max(size - 1, 1));
        _mask = bits >= 64 ? ulong.MaxValue : (1UL << bits) - 1;
        _shift = Math.Max(1, bits / 2);
        _key = RowSeed.Mix(seed) & _mask;

        // Odd multipliers are invertible modulo any power of two.
        _multiplier = (RowSeed.Mix(seed + 1) | 1) & _mask | 1;
    }

    public ulong Size => _size;

    /// <summary>The image of <paramref name="index"/>, which must be below <see cref="Size"/>.</summary>
    public ulong Apply(ulong index)
    {
        var x = index;
        do
        {
            x = Round(Round(x));
        }
        while (x >= _size);

        return x;
    }

    private ulong Round(ulong x)
    {
        x = (x ^ _key) & _mask;
        x = (x * _multiplier) & _mask;
        x ^= x >> _shift;
        return x;
    }
}
