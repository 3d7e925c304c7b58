using System.Globalization;

namespace GenDb.Generation.Values.Linear;

/// <summary>Reads numeric constants as CHECK definitions print them (<c>0</c>, <c>9.99</c>, <c>-1.5e3</c>, <c>Infinity</c>).</summary>
internal static class NumberLiteral
{
    private static readonly decimal[] PowersOfTen = [.. Enumerable.Range(0, 29).Select(e => Pow10(e))];

    /// <summary>
    /// The value as a decimal; magnitudes beyond decimal's range (and infinities) saturate to
    /// ±<see cref="decimal.MaxValue"/>, which reads as "no bound". False for NaN and non-numbers.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> text, out decimal value)
    {
        text = text.Trim();
        if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            return true;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && !double.IsNaN(d))
        {
            value = Math.Abs(d) < 1 ? 0m : d > 0 ? decimal.MaxValue : decimal.MinValue;
            return true;
        }

        value = 0;
        return false;
    }

    /// <summary><paramref name="value"/> × 10^<paramref name="exponent"/>, saturating instead of overflowing.</summary>
    public static decimal ScaleBy(decimal value, int exponent)
    {
        if (exponent >= 0)
        {
            var factor = PowersOfTen[Math.Min(exponent, 28)];
            return Math.Abs(value) > decimal.MaxValue / factor
                ? (value > 0 ? decimal.MaxValue : decimal.MinValue)
                : value * factor;
        }

        return value / PowersOfTen[Math.Min(-exponent, 28)];
    }

    /// <summary>Digits after the decimal point once trailing zeros are dropped.</summary>
    public static int Scale(decimal value)
    {
        // Dividing by 1 with 28 zero decimals normalises away trailing zeros.
        var normalized = value / 1.0000000000000000000000000000m;
        return normalized.Scale;
    }

    public static long Pow10Long(int exponent)
    {
        var result = 1L;
        for (var i = 0; i < exponent; i++)
        {
            result *= 10;
        }

        return result;
    }

    private static decimal Pow10(int exponent)
    {
        var result = 1m;
        for (var i = 0; i < exponent; i++)
        {
            result *= 10;
        }

        return result;
    }
}
