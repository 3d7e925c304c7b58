using GenDb.Generation.Randomness;
using GenDb.Generation.Semantics.Columns;
using GenDb.Generation.Values;

namespace GenDb.Generation.Semantics.Generators;

/// <summary>Text literals of numbers and instants, written without allocating.</summary>
internal static class Literal
{
    /// <summary>10^0 to 10^18, every power a long holds.</summary>
    private static readonly long[] Powers = BuildPowers();

    public static long Pow10(int exponent) => Powers[exponent];

    /// <summary><paramref name="units"/> of 10^-<paramref name="scale"/>: 12345 at scale 2 is <c>123.45</c>.</summary>
    public static void Number(ValueBuilder output, long units, int scale)
    {
        if (scale == 0)
        {
            output.Append(units);
            return;
        }

        var unit = Powers[scale];
        if (units < 0)
        {
            output.Append((byte)'-');
            units = -units;
        }

        output.Append(units / unit);
        output.Append((byte)'.');
        var fraction = units % unit;
        for (var digit = unit / 10; digit > 0; digit /= 10)
        {
            output.Append((byte)('0' + (fraction / digit % 10)));
        }
    }

    /// <summary>
    /// A date (<paramref name="seconds"/> since 1970 UTC, its day), a timestamp, or a timestamptz
    /// with an explicit <c>+00</c> so the session's TimeZone does not move it.
    /// </summary>
    public static void Instant(ValueBuilder output, long seconds, ValueKind kind)
    {
        var at = DateTime.UnixEpoch.AddSeconds(seconds);
        switch (kind)
        {
            case ValueKind.Date:
                output.AppendFormatted(at, "yyyy-MM-dd");
                break;
            case ValueKind.TimestampTz:
                output.AppendFormatted(at, "yyyy-MM-dd HH:mm:ss");
                output.Append("+00"u8);
                break;
            default:
                output.AppendFormatted(at, "yyyy-MM-dd HH:mm:ss");
                break;
        }
    }

    /// <summary>Two digits, zero-padded.</summary>
    public static void TwoDigits(ValueBuilder output, long value)
    {
        output.Append((byte)('0' + (value / 10 % 10)));
        output.Append((byte)('0' + (value % 10)));
    }

    /// <summary><paramref name="count"/> random decimal digits.</summary>
    public static void Digits(ValueBuilder output, ref Rng rng, int count)
    {
        for (var i = 0; i < count; i++)
        {
            output.Append((byte)('0' + rng.NextBelow(10)));
        }
    }

    /// <summary><paramref name="value"/> (not negative) as exactly <paramref name="width"/> digits, zero-padded.</summary>
    public static void Padded(ValueBuilder output, long value, int width)
    {
        for (var digit = width - 1; digit >= 0; digit--)
        {
            output.Append((byte)('0' + (digit > 18 ? 0 : value / Powers[digit] % 10)));
        }
    }

    /// <summary>How many decimal digits <paramref name="value"/> (not negative) has.</summary>
    public static int DigitCount(long value)
    {
        var digits = 1;
        while (digits < 19 && value >= Powers[digits])
        {
            digits++;
        }

        return digits;
    }

    private static long[] BuildPowers()
    {
        var powers = new long[19];
        powers[0] = 1;
        for (var i = 1; i < powers.Length; i++)
        {
            powers[i] = powers[i - 1] * 10;
        }

        return powers;
    }
}
