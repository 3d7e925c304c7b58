using GenDb.Generation.Randomness;

namespace GenDb.Generation.Semantics.Entities;

/// <summary>A point of a row's timeline.</summary>
internal enum TimePoint
{
    Created,
    Started,
    Milestone,
    Ended,
    Updated,
    Deleted,
    Expires,
    LastSeen,
    Birth,
    Hire,

    /// <summary>When the row falls due (an invoice, a task): 7 to 90 days after it was created.</summary>
    Due,
}

/// <summary>
/// The timeline of one row, in seconds since 1970-01-01 UTC: created ≤ started ≤ milestone ≤ ended;
/// started ≤ updated ≤ deleted; updated ≤ last seen; born 18 to 89 years before created; hired
/// after the 18th birthday and before the reference time; due on a usual payment term (7 to 90
/// days, mostly 30) after created.
/// </summary>
internal readonly struct Timeline
{
    public const long Day = 86_400;

    /// <summary>A mean Gregorian year (365.2425 days).</summary>
    public const long Year = 31_556_952;

    private readonly long _created;
    private readonly long _started;
    private readonly long _milestone;
    private readonly long _ended;
    private readonly long _updated;
    private readonly long _deleted;
    private readonly long _expires;
    private readonly long _lastSeen;
    private readonly long _birth;
    private readonly long _hire;
    private readonly long _due;

    private Timeline(long created, long started, long milestone, long ended, long updated, long deleted, long expires, long lastSeen, long birth, long hire, long due)
    {
        _due = due;
        _created = created;
        _started = started;
        _milestone = milestone;
        _ended = ended;
        _updated = updated;
        _deleted = deleted;
        _expires = expires;
        _lastSeen = lastSeen;
        _birth = birth;
        _hire = hire;
    }

    public long this[TimePoint point] => point switch
    {
        TimePoint.Created => _created,
        TimePoint.Started => _started,
        TimePoint.Milestone => _milestone,
        TimePoint.Ended => _ended,
        TimePoint.Updated => _updated,
        TimePoint.Deleted => _deleted,
        TimePoint.Expires => _expires,
        TimePoint.LastSeen => _lastSeen,
        TimePoint.Birth => _birth,
        TimePoint.Due => _due,
        _ => _hire,
    };

    public static Timeline Of(TimelineSource source, long row)
    {
        // Only +, -, *, / and sqrt, which IEEE 754 rounds the same everywhere: the same bytes on
        // every machine (Math.Log and Math.Pow may differ in the last bit between platforms).
        var rng = RowSeed.For(source.Key, row);
        var now = source.Reference;

        // Rows are more often recent: the age has density 2(1 - a) over the history.
        var created = now - (long)(source.History * (1 - Math.Sqrt(rng.NextDouble())));
        var started = created + (long)rng.NextBelow(3_600);

        // Most things end within days, a few take weeks.
        var span = rng.NextDouble();
        var ended = started + 3_600 + (long)(span * span * 30 * Day);
        var late = rng.NextDouble();
        var milestone = started + (long)((ended - started) * rng.NextDouble());
        var updated = started + (long)((Math.Max(now, started) - started) * late * late);
        var deleted = updated + (long)((Math.Max(now, updated) - updated) * rng.NextDouble());
        var lastSeen = updated + (long)((Math.Max(now, updated) - updated) * rng.NextDouble());
        var expires = created + Year * (1 + (long)rng.NextBelow(5)) + (long)rng.NextBelow(30 * Day);

        // Ages 18..89 at creation, younger more often (the minimum of two uniform draws).
        var ageYears = 18 + (long)(72 * Math.Min(rng.NextDouble(), rng.NextDouble()));
        var birth = created - ageYears * Year - (long)rng.NextBelow(Year - Day) - Day;
        var adult = birth + 18 * Year + 2 * Day;
        var earliestHire = Math.Max(adult, now - 20 * Year);
        var hire = earliestHire + (long)((Math.Max(now, earliestHire) - earliestHire) * rng.NextDouble());

        // Drawn last, so the points above are the same as before due dates existed.
        var due = created + DueTerm(rng.NextBelow(100)) * Day;
        return new Timeline(created, started, milestone, ended, updated, deleted, expires, lastSeen, birth, hire, due);
    }

    /// <summary>Payment terms in days, as invoices use them: net 30 far more often than net 90.</summary>
    private static long DueTerm(ulong draw) => draw switch
    {
        < 10 => 7,
        < 28 => 14,
        < 73 => 30,
        < 81 => 45,
        < 93 => 60,
        _ => 90,
    };
}

/// <summary>Where the timelines of one table come from, and the reference time they end at.</summary>
/// <param name="Reference">Seconds since 1970-01-01 UTC: "now" for generated data, fixed so runs repeat.</param>
/// <param name="History">How far back rows were created, in seconds.</param>
internal sealed record TimelineSource(ulong Key, long Reference, long History);
