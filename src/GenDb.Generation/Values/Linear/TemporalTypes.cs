namespace GenDb.Generation.Values.Linear;

/// <summary>date: the step is a day (day 0 is 0001-01-01); values stay within four-digit years.</summary>
internal sealed class DateType(string typeSql) : LinearType(
    typeSql,
    0,
    Civil.EndOfYear9999 - 1,
    anchor: Civil.DayNumber(2020, 1, 1),
    windowLow: Civil.DayNumber(2000, 1, 1),
    windowHigh: Civil.DayNumber(2030, 12, 31))
{
    public override bool TryParse(string literal, out decimal steps) => TemporalLiteral.TryParseDate(literal, out steps);

    public override void Write(long k, ValueBuilder output) => Civil.WriteDate(k, output);
}

/// <summary>
/// timestamp and timestamptz: the step is the column's precision (a second when it has none), from
/// 0001-01-01 00:00 UTC. timestamptz is written with an explicit <c>+00</c>, so the session's
/// TimeZone never shifts a value across a bound.
/// </summary>
internal sealed class TimestampType : LinearType
{
    private readonly long _unit;
    private readonly int _fractionDigits;
    private readonly bool _withZone;

    public TimestampType(string typeSql, int? precision, bool withZone)
        : this(typeSql, UnitOf(precision), precision is { } p ? Math.Clamp(p, 0, 6) : 0, withZone)
    {
    }

    private TimestampType(string typeSql, long unit, int fractionDigits, bool withZone)
        : base(
            typeSql,
            0,
            ((Civil.EndOfYear9999 * Civil.MicrosPerDay) - 1) / unit,
            anchor: Civil.DayNumber(2020, 1, 1) * Civil.MicrosPerDay / unit,
            windowLow: Civil.DayNumber(2000, 1, 1) * Civil.MicrosPerDay / unit,
            windowHigh: ((Civil.DayNumber(2031, 1, 1) * Civil.MicrosPerDay) - 1) / unit)
    {
        _unit = unit;
        _fractionDigits = fractionDigits;
        _withZone = withZone;
    }

    /// <summary>Microseconds per step: 10^(6-p) for a precision p, a whole second without one.</summary>
    internal static long UnitOf(int? precision) =>
        precision is { } p ? NumberLiteral.Pow10Long(6 - Math.Clamp(p, 0, 6)) : Civil.MicrosPerSecond;

    public override bool TryParse(string literal, out decimal steps)
    {
        var ok = TemporalLiteral.TryParseTimestamp(literal, _withZone, out var micros);
        steps = micros / _unit;
        return ok;
    }

    public override void Write(long k, ValueBuilder output)
    {
        var micros = k * _unit;
        Civil.WriteDate(micros / Civil.MicrosPerDay, output);
        output.Append((byte)' ');
        Civil.WriteTime(micros % Civil.MicrosPerDay, _fractionDigits, output);
        if (_withZone)
        {
            output.Append("+00"u8);
        }
    }
}

/// <summary>time and timetz: the step is the column's precision (a second without one) since midnight.</summary>
internal sealed class TimeType : LinearType
{
    private readonly long _unit;
    private readonly int _fractionDigits;
    private readonly bool _withZone;

    public TimeType(string typeSql, int? precision, bool withZone)
        : this(typeSql, TimestampType.UnitOf(precision), precision is { } p ? Math.Clamp(p, 0, 6) : 0, withZone)
    {
    }

    private TimeType(string typeSql, long unit, int fractionDigits, bool withZone)
        : base(
            typeSql,
            0,
            (Civil.MicrosPerDay - 1) / unit,
            anchor: 9 * 3600 * Civil.MicrosPerSecond / unit,
            windowLow: 0,
            windowHigh: (Civil.MicrosPerDay - 1) / unit)
    {
        _unit = unit;
        _fractionDigits = fractionDigits;
        _withZone = withZone;
    }

    public override bool TryParse(string literal, out decimal steps)
    {
        var ok = TemporalLiteral.TryParseTime(literal, _withZone, out var micros);
        steps = micros / _unit;
        return ok;
    }

    public override void Write(long k, ValueBuilder output)
    {
        Civil.WriteTime(k * _unit, _fractionDigits, output);
        if (_withZone)
        {
            output.Append("+00"u8);
        }
    }
}
