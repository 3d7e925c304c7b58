using System.Globalization;

namespace GenDb.Generation.Values.Linear;

/// <summary>
/// Reads date, time and timestamp constants in the ISO form pg_get_constraintdef and partition
/// bounds print (<c>2022-01-01</c>, <c>2022-01-01 00:00:00+00</c>, <c>10:30:00</c>,
/// <c>0044-03-15 BC</c>, <c>infinity</c>), as microseconds since 0001-01-01 or since midnight.
/// </summary>
internal static class TemporalLiteral
{
    /// <summary>Beyond any representable value: a bound at infinity is no bound.</summary>
    private const decimal Infinite = 1e27m;

    /// <summary>Days since 0001-01-01; the time of day, if any, is ignored.</summary>
    public static bool TryParseDate(string literal, out decimal days)
    {
        if (TryInfinity(literal, out days))
        {
            return true;
        }

        var text = literal.AsSpan().Trim();
        var bc = StripBc(ref text);
        if (!TryDate(ref text, bc, out var dayNumber))
        {
            return false;
        }

        days = dayNumber;
        return true;
    }

    /// <summary>
    /// Microseconds since 0001-01-01 00:00. With <paramref name="applyOffset"/> (timestamptz) an
    /// offset moves the instant to UTC; timestamp without time zone ignores it, as PostgreSQL does.
    /// </summary>
    public static bool TryParseTimestamp(string literal, bool applyOffset, out decimal micros)
    {
        if (TryInfinity(literal, out micros))
        {
            return true;
        }

        var text = literal.AsSpan().Trim();
        var bc = StripBc(ref text);
        if (!TryDate(ref text, bc, out var dayNumber))
        {
            return false;
        }

        long timeOfDay = 0;
        var offsetSeconds = 0;
        if (!text.IsEmpty && text[0] is ' ' or 'T')
        {
            text = text[1..];
            if (!TryTime(ref text, out timeOfDay) || !TryOffset(text, out offsetSeconds))
            {
                return false;
            }
        }
        else if (!text.IsEmpty)
        {
            return false;
        }

        micros = (dayNumber * (decimal)Civil.MicrosPerDay) + timeOfDay - (applyOffset ? offsetSeconds * (decimal)Civil.MicrosPerSecond : 0);
        return true;
    }

    /// <summary>Microseconds since midnight; with <paramref name="applyOffset"/> (timetz) moved to UTC.</summary>
    public static bool TryParseTime(string literal, bool applyOffset, out decimal micros)
    {
        micros = 0;
        var text = literal.AsSpan().Trim();
        if (!TryTime(ref text, out var timeOfDay) || !TryOffset(text, out var offsetSeconds))
        {
            return false;
        }

        micros = timeOfDay - (applyOffset ? offsetSeconds * (decimal)Civil.MicrosPerSecond : 0);
        return true;
    }

    private static bool TryInfinity(string literal, out decimal value)
    {
        value = literal.Trim() switch
        {
            "infinity" or "+infinity" => Infinite,
            "-infinity" => -Infinite,
            _ => 0,
        };
        return value != 0;
    }

    private static bool StripBc(ref ReadOnlySpan<char> text)
    {
        if (text.EndsWith(" BC", StringComparison.OrdinalIgnoreCase))
        {
            text = text[..^3];
            return true;
        }

        if (text.EndsWith(" AD", StringComparison.OrdinalIgnoreCase))
        {
            text = text[..^3];
        }

        return false;
    }

    private static bool TryDate(ref ReadOnlySpan<char> text, bool bc, out long dayNumber)
    {
        dayNumber = 0;
        if (text.Length < 8)
        {
            return false;
        }

        var firstDash = text[1..].IndexOf('-') + 1;
        if (firstDash <= 0 || text.Length < firstDash + 6 || text[firstDash + 3] != '-'
            || !long.TryParse(text[..firstDash], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(text.Slice(firstDash + 1, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            || !int.TryParse(text.Slice(firstDash + 4, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            || month is < 1 or > 12 || day is < 1 or > 31)
        {
            return false;
        }

        // Astronomical numbering: 1 BC is year 0.
        dayNumber = Civil.DayNumber(bc ? 1 - year : year, month, day);
        text = text[(firstDash + 6)..];
        return true;
    }

    private static bool TryTime(ref ReadOnlySpan<char> text, out long micros)
    {
        micros = 0;
        if (text.Length < 5 || text[2] != ':'
            || !int.TryParse(text[..2], NumberStyles.None, CultureInfo.InvariantCulture, out var hours)
            || !int.TryParse(text.Slice(3, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var minutes))
        {
            return false;
        }

        text = text[5..];
        long seconds = 0;
        long fraction = 0;
        if (text.Length >= 3 && text[0] == ':')
        {
            if (!long.TryParse(text.Slice(1, 2), NumberStyles.None, CultureInfo.InvariantCulture, out seconds))
            {
                return false;
            }

            text = text[3..];
            if (!text.IsEmpty && text[0] == '.')
            {
                var digits = 0;
                text = text[1..];
                while (!text.IsEmpty && char.IsAsciiDigit(text[0]))
                {
                    if (digits < 6)
                    {
                        fraction = (fraction * 10) + (text[0] - '0');
                        digits++;
                    }

                    text = text[1..];
                }

                for (; digits < 6; digits++)
                {
                    fraction *= 10;
                }
            }
        }

        micros = ((((hours * 60L) + minutes) * 60) + seconds) * Civil.MicrosPerSecond + fraction;
        return true;
    }

    /// <summary><c>+HH</c>, <c>+HH:MM</c>, <c>+HHMM</c>, <c>+HH:MM:SS</c>, <c>Z</c> or nothing, as seconds east of UTC.</summary>
    private static bool TryOffset(ReadOnlySpan<char> text, out int seconds)
    {
        seconds = 0;
        text = text.Trim();
        if (text.IsEmpty || text is "Z" or "z" or "UTC" or "GMT")
        {
            return true;
        }

        if (text[0] is not ('+' or '-'))
        {
            return false;
        }

        var sign = text[0] == '-' ? -1 : 1;
        Span<char> digits = stackalloc char[6];
        var count = 0;
        foreach (var c in text[1..])
        {
            if (char.IsAsciiDigit(c) && count < digits.Length)
            {
                digits[count++] = c;
            }
            else if (c != ':')
            {
                return false;
            }
        }

        if (count is not (2 or 4 or 6))
        {
            return false;
        }

        var value = 0;
        for (var i = 0; i < count; i += 2)
        {
            value = (value * 60) + ((digits[i] - '0') * 10) + (digits[i + 1] - '0');
        }

        for (var i = count; i < 6; i += 2)
        {
            value *= 60;
        }

        seconds = sign * value;
        return true;
    }
}
