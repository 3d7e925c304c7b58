using GenDb.Generation.Randomness;

namespace GenDb.Generation.Values.Scalars;

internal static class Hex
{
    private static ReadOnlySpan<byte> Digits => "0123456789abcdef"u8;

    public static void Write(ValueBuilder output, ulong value, int digits)
    {
        var span = output.GetSpan(digits);
        for (var i = digits - 1; i >= 0; i--)
        {
            span[i] = Digits[(int)(value & 0xF)];
            value >>= 4;
        }

        output.Advance(digits);
    }

    /// <summary>A bijection of 64-bit values (MurmurHash3's finaliser): row numbers spread over the bits, still distinct.</summary>
    public static ulong Mix(ulong x)
    {
        x ^= x >> 33;
        x *= 0xFF51AFD7ED558CCDUL;
        x ^= x >> 33;
        x *= 0xC4CEB9FE1A85EC53UL;
        x ^= x >> 33;
        return x;
    }
}

/// <summary>uuid: random version 4; a unique one carries the mixed row number in 64 of its random bits.</summary>
internal sealed class UuidGenerator(bool unique) : IValueGenerator
{
    public bool IsUnique => unique;

    public void Write(long row, ref Rng rng, ValueBuilder output)
    {
        var high = rng.NextUInt64();
        var low = rng.NextUInt64();
        if (unique)
        {
            // Bytes 0-3 and 12-15: clear of the version nibble (byte 6) and the variant bits (byte 8).
            var mixed = Hex.Mix((ulong)row);
            high = (high & 0x0000_0000_FFFF_FFFFUL) | (mixed & 0xFFFF_FFFF_0000_0000UL);
            low = (low & 0xFFFF_FFFF_0000_0000UL) | (mixed & 0x0000_0000_FFFF_FFFFUL);
        }

        high = (high & ~0xF000UL) | 0x4000UL;
        low = (low & ~(0xC0UL << 56)) | (0x80UL << 56);
        Hex.Write(output, high >> 32, 8);
        output.Append((byte)'-');
        Hex.Write(output, (high >> 16) & 0xFFFF, 4);
        output.Append((byte)'-');
        Hex.Write(output, high & 0xFFFF, 4);
        output.Append((byte)'-');
        Hex.Write(output, low >> 48, 4);
        output.Append((byte)'-');
        Hex.Write(output, low & 0xFFFF_FFFF_FFFFUL, 12);
    }
}

/// <summary>bytea in hex form (<c>\x0a1b</c>); a unique value starts with the row number's eight bytes.</summary>
internal sealed class ByteaGenerator(bool unique) : IValueGenerator
{
    public bool IsUnique => unique;

    public void Write(long row, ref Rng rng, ValueBuilder output)
    {
        output.Append("\\x"u8);
        int extra;
        if (unique)
        {
            Hex.Write(output, (ulong)row, 16);
            extra = (int)rng.NextBelow(5);
        }
        else
        {
            extra = 4 + (int)rng.NextBelow(13);
        }

        for (var i = 0; i < extra; i++)
        {
            Hex.Write(output, rng.NextBelow(256), 2);
        }
    }
}

/// <summary>
/// bit(n): exactly n bits; bit varying(n): one to n bits. Unique fixed-length values are the row
/// number in binary; unique varying ones number all bit strings by length (0, 1, 00, 01, ...).
/// </summary>
internal sealed class BitStringGenerator(int? fixedLength, int? maxLength, bool unique, string typeSql, GenerationTarget target) : IValueGenerator
{
    private const int DefaultMaxLength = 64;

    public bool IsUnique => unique;

    public void Write(long row, ref Rng rng, ValueBuilder output)
    {
        if (fixedLength is { } n)
        {
            if (unique && n < 63 && row >= 1L << n)
            {
                throw target.Exhausted(typeSql, row);
            }

            WriteBits(output, n, unique ? (ulong)row : 0, unique ? Math.Min(n, 64) : 0, ref rng);
            return;
        }

        var max = maxLength ?? DefaultMaxLength;
        if (!unique)
        {
            WriteBits(output, 1 + (int)rng.NextBelow((ulong)Math.Min(max, 16)), 0, 0, ref rng);
            return;
        }

        // Bijective base 2: v = row + 2 is 1 followed by the bits; the leading 1 is dropped.
        var v = (ulong)row + 2;
        var length = 63 - System.Numerics.BitOperations.LeadingZeroCount(v);
        if (length > max)
        {
            throw target.Exhausted(typeSql, row);
        }

        WriteBits(output, length, v, length, ref rng);
    }

    /// <summary><paramref name="length"/> bits, the last <paramref name="knownBits"/> from <paramref name="known"/>, the others random.</summary>
    private static void WriteBits(ValueBuilder output, int length, ulong known, int knownBits, ref Rng rng)
    {
        var span = output.GetSpan(length);
        var random = 0UL;
        for (var i = 0; i < length; i++)
        {
            var position = length - 1 - i;
            bool bit;
            if (position < knownBits)
            {
                bit = ((known >> position) & 1) != 0;
            }
            else
            {
                if ((i & 63) == 0)
                {
                    random = rng.NextUInt64();
                }

                bit = ((random >> (i & 63)) & 1) != 0;
            }

            span[i] = bit ? (byte)'1' : (byte)'0';
        }

        output.Advance(length);
    }
}
