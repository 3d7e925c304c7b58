using GenDb.Generation.Randomness;
using GenDb.Generation.Semantics.Columns;
using GenDb.Generation.Semantics.Entities;
using GenDb.Generation.Values;

namespace GenDb.Generation.Semantics.Generators;

/// <summary>
/// A point of the row's timeline as a date, timestamp or timestamptz. Columns of one row read
/// the same timeline, so created ≤ updated ≤ deleted and started ≤ ended hold across them.
/// </summary>
/// <param name="window">In the column's units (days for date, seconds otherwise): its bounds and partitions.</param>
internal sealed class TimelineGenerator(TimelineSource source, TimePoint point, ValueKind kind, UnitWindow window) : ConceptGenerator(unique: false)
{
    public override void Write(long row, ref Rng rng, ValueBuilder output)
    {
        var seconds = Timeline.Of(source, row)[point];

        // Birthdays and hiring days are days, whatever the column's type.
        if (point is TimePoint.Birth or TimePoint.Hire)
        {
            seconds -= ((seconds % Timeline.Day) + Timeline.Day) % Timeline.Day;
        }

        if (kind == ValueKind.Date)
        {
            var days = window.Adjust(FloorDiv(seconds, Timeline.Day));
            Literal.Instant(output, days * Timeline.Day, kind);
        }
        else
        {
            Literal.Instant(output, window.Adjust(seconds), kind);
        }
    }

    /// <summary>The natural range of a point, in seconds, given the source's reference time and history.</summary>
    public static (long Lo, long Hi) NaturalRange(TimelineSource source, TimePoint point)
    {
        var now = source.Reference;
        var first = now - source.History;
        return point switch
        {
            TimePoint.Birth => (first - 90 * Timeline.Year, now - 18 * Timeline.Year),
            TimePoint.Hire => (now - 20 * Timeline.Year - Timeline.Day, now),
            TimePoint.Expires => (first, now + 6 * Timeline.Year),
            TimePoint.Ended or TimePoint.Milestone => (first, now + 32 * Timeline.Day),
            TimePoint.Due => (first + 7 * Timeline.Day, now + 91 * Timeline.Day),
            _ => (first, now + Timeline.Day),
        };
    }

    public static long FloorDiv(long a, long b) => (a / b) - (a % b < 0 ? 1 : 0);
}

/// <summary>Ages in whole years at the row's creation, agreeing with its birth date.</summary>
internal sealed class AgeGenerator(TimelineSource source, UnitWindow window, bool birthYear) : ConceptGenerator(unique: false)
{
    public override void Write(long row, ref Rng rng, ValueBuilder output)
    {
        var timeline = Timeline.Of(source, row);
        var birth = DateOnly.FromDateTime(DateTime.UnixEpoch.AddSeconds(timeline[TimePoint.Birth]));
        if (birthYear)
        {
            output.Append(window.Adjust(birth.Year));
            return;
        }

        var created = DateOnly.FromDateTime(DateTime.UnixEpoch.AddSeconds(timeline[TimePoint.Created]));
        var age = created.Year - birth.Year - (created < birth.AddYears(created.Year - birth.Year) ? 1 : 0);
        output.Append(window.Adjust(age));
    }
}

/// <summary>Times of day in quarter hours: opening times in the morning, closing times in the evening.</summary>
internal sealed class TimeOfDayGenerator(string variant) : ConceptGenerator(unique: false)
{
    public override void Write(long row, ref Rng rng, ValueBuilder output)
    {
        var (from, to) = variant switch
        {
            "opening" => (6 * 4, 11 * 4),
            "closing" => (16 * 4, 23 * 4),
            _ => (7 * 4, 22 * 4),
        };
        var quarter = rng.NextInclusive(from, to);
        Literal.TwoDigits(output, quarter / 4);
        output.Append((byte)':');
        Literal.TwoDigits(output, quarter % 4 * 15);
        output.Append(":00"u8);
    }
}

/// <summary>An interval of minutes to days, as PostgreSQL's <c>hh:mm:ss</c> or <c>n days hh:mm:ss</c>.</summary>
internal sealed class IntervalGenerator() : ConceptGenerator(unique: false)
{
    public override void Write(long row, ref Rng rng, ValueBuilder output)
    {
        // Mostly minutes, sometimes hours or days.
        var scale = rng.NextDouble();
        var seconds = 60 + (long)(scale * scale * scale * 7 * Timeline.Day);
        var days = seconds / Timeline.Day;
        if (days > 0)
        {
            output.Append(days).Append(" days "u8);
        }

        var rest = seconds % Timeline.Day;
        Literal.TwoDigits(output, rest / 3600);
        output.Append((byte)':');
        Literal.TwoDigits(output, rest / 60 % 60);
        output.Append((byte)':');
        Literal.TwoDigits(output, rest % 60);
    }
}
