namespace GenDb.Generation.Semantics.Columns;

/// <summary>
/// Reads the date and timestamp constants of CHECKs and partition bounds
/// (<c>2022-01-01</c>, <c>2022-01-01 00:00:00+00</c>, <c>infinity</c>) as positions on the
/// timeline: days or seconds since 1970-01-01 UTC.
/// </summary>
internal static class InstantLiteral
{
    /// <summary>Far beyond any generated value: an infinite bound is no bound.</summary>
    private const decimal Infinite = 1e20m;

    public static decimal? Days(string literal) =>
        Micros(literal, applyOffset: false) is { } micros ? micros / 86_400_000_000m : null;

    public static decimal? Seconds(string literal, bool applyOffset) =>
        Micros(literal, applyOffset) is { } micros ? micros / 1_000_000m : null;

    private static decimal? Micros(string literal, bool applyOffset)
    {
        var text = literal.AsSpan().Trim();
        if (text.SequenceEqual("infinity"))
        {
            return Infinite;
        }

        if (text.SequenceEqual("-infinity"))
        {
            return -Infinite;
        }

        if (text.Length < 10 || text[4] != '-' || text[7] != '-'
            || !TryDigits(text[..4], out var year) || !TryDigits(text[5..7], out var month) || !TryDigits(text[8..10], out var day)
            || month is < 1 or > 12 || day < 1 || year < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return null;
        }

        decimal micros = (new DateOnly(year, month, day).DayNumber - DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber) * 86_400_000_000m;
        text = text[10..];
        if (text.IsEmpty)
        {
            return micros;
        }

        if (text[0] is not (' ' or 'T') || text.Length < 9 || text[3] != ':' || text[6] != ':'
            || !TryDigits(text[1..3], out var hour) || !TryDigits(text[4..6], out var minute) || !TryDigits(text[7..9], out var second))
        {
            return null;
        }

        micros += ((hour * 60m) + minute) * 60_000_000m + second * 1_000_000m;
        text = text[9..];
        if (!text.IsEmpty && text[0] == '.')
        {
            var digits = 1;
            while (digits < text.Length && char.IsAsciiDigit(text[digits]))
            {
                digits++;
            }

            if (digits > 1 && TryDigits(text[1..Math.Min(digits, 7)], out var fraction))
            {
                micros += fraction * RuleView.Pow10(7 - Math.Min(digits, 7));
            }

            text = text[digits..];
        }

        if (text.IsEmpty)
        {
            return micros;
        }

        if (text[0] is not ('+' or '-') || text.Length < 3 || !TryDigits(text[1..3], out var offsetHours))
        {
            return null;
        }

        var offsetMinutes = text.Length >= 6 && text[3] == ':' && TryDigits(text[4..6], out var m) ? m : 0;
        var offset = (offsetHours * 60m + offsetMinutes) * 60_000_000m;
        return applyOffset ? micros - (text[0] == '+' ? offset : -offset) : micros;
    }

    private static bool TryDigits(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = value * 10 + (c - '0');
        }

        return !text.IsEmpty;
    }
}
