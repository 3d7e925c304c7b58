using System.Globalization;

namespace GenDb.Generation.Values.Linear;

/// <summary>
/// interval, stepped by the finest field its type modifier keeps: years, months, days, hours,
/// minutes, or seconds at its precision. Comparisons count a month as 30 days (interval_cmp), so
/// bounds are read that way. Values are written canonically (<c>3 days 04:05:06</c>, <c>14 mons</c>),
/// so distinct steps are distinct intervals.
/// </summary>
internal sealed class IntervalType : LinearType
{
    private const long MicrosPerMonth = 30 * Civil.MicrosPerDay;

    private readonly int _monthsPerStep;
    private readonly long _microsPerStep;
    private readonly int _fractionDigits;

    private IntervalType(string typeSql, int monthsPerStep, long microsPerStep, int fractionDigits, long maxSteps, long windowHigh)
        : base(typeSql, -maxSteps, maxSteps, anchor: 0, windowLow: 0, windowHigh: windowHigh)
    {
        _monthsPerStep = monthsPerStep;
        _microsPerStep = microsPerStep;
        _fractionDigits = fractionDigits;
    }

    public static IntervalType Create(string typeSql, IntervalField field, int? precision)
    {
        const long MaxDays = 1_000_000;
        return field switch
        {
            IntervalField.Year => new IntervalType(typeSql, 12, 0, 0, 10_000, 10),
            IntervalField.Month => new IntervalType(typeSql, 1, 0, 0, 120_000, 120),
            _ => Create(typeSql, field switch
            {
                IntervalField.Day => Civil.MicrosPerDay,
                IntervalField.Hour => 3600 * Civil.MicrosPerSecond,
                IntervalField.Minute => 60 * Civil.MicrosPerSecond,
                _ => TimestampType.UnitOf(precision),
            }, field == IntervalField.Second && precision is { } p ? Math.Clamp(p, 0, 6) : 0, MaxDays),
        };
    }

    private static IntervalType Create(string typeSql, long microsPerStep, int fractionDigits, long maxDays) =>
        new(typeSql, 0, microsPerStep, fractionDigits, maxDays * Civil.MicrosPerDay / microsPerStep, 30 * Civil.MicrosPerDay / microsPerStep);

    public override bool TryParse(string literal, out decimal steps)
    {
        steps = 0;
        if (!TryParseMicros(literal, out var micros))
        {
            return false;
        }

        steps = _monthsPerStep > 0 ? micros / (MicrosPerMonth * (decimal)_monthsPerStep) : micros / _microsPerStep;
        return true;
    }

    public override void Write(long k, ValueBuilder output)
    {
        if (_monthsPerStep == 12)
        {
            output.Append(k).Append(" years"u8);
            return;
        }

        if (_monthsPerStep == 1)
        {
            output.Append(k).Append(" mons"u8);
            return;
        }

        var micros = k * _microsPerStep;
        var days = micros / Civil.MicrosPerDay;
        var rest = micros % Civil.MicrosPerDay;
        if (days != 0)
        {
            output.Append(days).Append(days is 1 or -1 ? " day"u8 : " days"u8);
            if (rest == 0)
            {
                return;
            }

            output.Append((byte)' ');
        }

        // Each part carries its own sign: "-1 days -02:00:00" is minus 26 hours.
        if (rest < 0)
        {
            output.Append((byte)'-');
            rest = -rest;
        }

        Civil.WriteTime(rest, _fractionDigits, output);
    }

    /// <summary>
    /// <c>1 year 2 mons 3 days 04:05:06.5</c>, <c>-1 days</c>, <c>2 hours ago</c>, <c>@ 1 day</c>:
    /// PostgreSQL's own output and the common input words, as microseconds with 30-day months.
    /// </summary>
    internal static bool TryParseMicros(string literal, out decimal micros)
    {
        micros = 0;
        var tokens = literal.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var negate = false;
        for (var i = 0; i < tokens.Length; i++)
        {
            var token = tokens[i];
            if (token == "@")
            {
                continue;
            }

            if (token.Equals("ago", StringComparison.OrdinalIgnoreCase))
            {
                negate = true;
                continue;
            }

            if (token.Contains(':', StringComparison.Ordinal))
            {
                if (!TryClock(token, out var clock))
                {
                    return false;
                }

                micros += clock;
                continue;
            }

            if (!decimal.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var amount))
            {
                return false;
            }

            var unit = i + 1 < tokens.Length ? UnitMicros(tokens[++i]) : Civil.MicrosPerSecond;
            if (unit == 0)
            {
                return false;
            }

            micros += amount * unit;
        }

        if (negate)
        {
            micros = -micros;
        }

        return tokens.Length > 0;
    }

    private static bool TryClock(string token, out decimal micros)
    {
        micros = 0;
        var sign = 1;
        var text = token.AsSpan();
        if (text[0] is '-' or '+')
        {
            sign = text[0] == '-' ? -1 : 1;
            text = text[1..];
        }

        var parts = text.ToString().Split(':');
        if (parts.Length is < 2 or > 3
            || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var hours)
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minutes))
        {
            return false;
        }

        decimal seconds = 0;
        if (parts.Length == 3 && !decimal.TryParse(parts[2], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out seconds))
        {
            return false;
        }

        micros = sign * ((((hours * 60) + minutes) * 60 * (decimal)Civil.MicrosPerSecond) + (seconds * Civil.MicrosPerSecond));
        return true;
    }

    private static long UnitMicros(string word)
    {
        var upper = word.ToUpperInvariant();
        return upper switch
        {
            "MS" or "MSEC" or "MSECS" or "MILLISECOND" or "MILLISECONDS" => 1000,
            "US" or "USEC" or "USECS" or "MICROSECOND" or "MICROSECONDS" => 1,
            _ => upper.TrimEnd('S') switch
            {
                "MILLENNIUM" or "MILLENNIA" => 12_000 * MicrosPerMonth,
                "CENTURY" or "CENTURIE" => 1_200 * MicrosPerMonth,
                "DECADE" => 120 * MicrosPerMonth,
                "YEAR" or "Y" or "YR" => 12 * MicrosPerMonth,
                "MON" or "MONTH" => MicrosPerMonth,
                "WEEK" or "W" => 7 * Civil.MicrosPerDay,
                "DAY" or "D" => Civil.MicrosPerDay,
                "HOUR" or "H" or "HR" => 3600 * Civil.MicrosPerSecond,
                "MIN" or "MINUTE" or "M" => 60 * Civil.MicrosPerSecond,
                "SEC" or "SECOND" => Civil.MicrosPerSecond,
                _ => 0,
            },
        };
    }
}
