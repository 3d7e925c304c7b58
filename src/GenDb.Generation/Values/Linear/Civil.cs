namespace GenDb.Generation.Values.Linear;

/// <summary>
/// Proleptic Gregorian dates as day numbers (day 0 is 0001-01-01, as DateOnly.DayNumber), for any
/// year including BC ones that only bounds can name; and the fixed-width digits dates and times are
/// written with. The conversions are Howard Hinnant's days_from_civil / civil_from_days.
/// </summary>
internal static class Civil
{
    public const long MicrosPerSecond = 1_000_000;
    public const long MicrosPerDay = 86_400 * MicrosPerSecond;

    /// <summary>Days from 0000-03-01 to 0001-01-01 in the algorithm's era-based count.</summary>
    private const long EpochShift = 306;

    /// <summary>Day number of 10000-01-01: the first day that no longer has a four-digit year.</summary>
    public static readonly long EndOfYear9999 = DayNumber(10000, 1, 1);

    /// <summary>The day number of a date; <paramref name="year"/> is astronomical (1 BC is 0).</summary>
    public static long DayNumber(long year, int month, int day)
    {
        year -= month <= 2 ? 1 : 0;
        var era = (year >= 0 ? year : year - 399) / 400;
        var yearOfEra = year - (era * 400);
        var dayOfYear = ((153 * (month + (month > 2 ? -3 : 9))) + 2) / 5 + day - 1;
        var dayOfEra = (yearOfEra * 365) + (yearOfEra / 4) - (yearOfEra / 100) + dayOfYear;
        return (era * 146_097) + dayOfEra - EpochShift;
    }

    /// <summary>The date of a day number (0001-01-01 .. 9999-12-31).</summary>
    public static (int Year, int Month, int Day) FromDayNumber(long dayNumber)
    {
        var z = dayNumber + EpochShift;
        var era = (z >= 0 ? z : z - 146_096) / 146_097;
        var dayOfEra = z - (era * 146_097);
        var yearOfEra = (dayOfEra - (dayOfEra / 1460) + (dayOfEra / 36_524) - (dayOfEra / 146_096)) / 365;
        var dayOfYear = dayOfEra - ((365 * yearOfEra) + (yearOfEra / 4) - (yearOfEra / 100));
        var mp = ((5 * dayOfYear) + 2) / 153;
        var day = (int)(dayOfYear - (((153 * mp) + 2) / 5) + 1);
        var month = (int)(mp < 10 ? mp + 3 : mp - 9);
        var year = (int)(yearOfEra + (era * 400) + (month <= 2 ? 1 : 0));
        return (year, month, day);
    }

    /// <summary>Writes <c>YYYY-MM-DD</c>.</summary>
    public static void WriteDate(long dayNumber, ValueBuilder output)
    {
        var (year, month, day) = FromDayNumber(dayNumber);
        var span = output.GetSpan(10);
        WriteDigits(span, year, 4);
        span[4] = (byte)'-';
        WriteDigits(span[5..], month, 2);
        span[7] = (byte)'-';
        WriteDigits(span[8..], day, 2);
        output.Advance(10);
    }

    /// <summary>Writes <c>HH:MM:SS</c> and, with <paramref name="fractionDigits"/> &gt; 0, <c>.fff</c>.</summary>
    public static void WriteTime(long microsOfDay, int fractionDigits, ValueBuilder output)
    {
        var seconds = microsOfDay / MicrosPerSecond;
        var span = output.GetSpan(16);
        WriteDigits(span, (int)(seconds / 3600), 2);
        span[2] = (byte)':';
        WriteDigits(span[3..], (int)(seconds / 60 % 60), 2);
        span[5] = (byte)':';
        WriteDigits(span[6..], (int)(seconds % 60), 2);
        var length = 8;
        if (fractionDigits > 0)
        {
            span[8] = (byte)'.';
            var fraction = microsOfDay % MicrosPerSecond;
            for (var i = fractionDigits; i < 6; i++)
            {
                fraction /= 10;
            }

            WriteDigits(span[9..], (int)fraction, fractionDigits);
            length += 1 + fractionDigits;
        }

        output.Advance(length);
    }

    /// <summary>Writes <paramref name="value"/> as exactly <paramref name="width"/> digits, zero-padded.</summary>
    public static void WriteDigits(Span<byte> span, int value, int width)
    {
        for (var i = width - 1; i >= 0; i--)
        {
            span[i] = (byte)('0' + (value % 10));
            value /= 10;
        }
    }
}
