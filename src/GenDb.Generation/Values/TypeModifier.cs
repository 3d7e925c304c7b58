using System.Globalization;

namespace GenDb.Generation.Values;

/// <summary>
/// Reads the type modifier out of <c>format_type</c> text: <c>character varying(100)</c>,
/// <c>numeric(10,2)</c>, <c>timestamp(3) with time zone</c>, <c>interval day to second(3)</c>.
/// Only called for built-in types, whose names never contain parentheses.
/// </summary>
internal static class TypeModifier
{
    /// <summary>The numbers between the first parentheses: one, or two for numeric.</summary>
    public static bool TryRead(string typeSql, out int first, out int? second)
    {
        first = 0;
        second = null;
        var open = typeSql.IndexOf('(', StringComparison.Ordinal);
        var close = open < 0 ? -1 : typeSql.IndexOf(')', open);
        if (close < 0)
        {
            return false;
        }

        var inside = typeSql.AsSpan(open + 1, close - open - 1);
        var comma = inside.IndexOf(',');
        if (comma < 0)
        {
            return int.TryParse(inside, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out first);
        }

        if (!int.TryParse(inside[..comma], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out first)
            || !int.TryParse(inside[(comma + 1)..].Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var s))
        {
            return false;
        }

        second = s;
        return true;
    }

    /// <summary>The single modifier (a length or a precision), or null.</summary>
    public static int? Single(string typeSql) => TryRead(typeSql, out var first, out _) ? first : null;

    /// <summary><c>integer[]</c>: format_type prints one <c>[]</c> whatever the declared dimensions.</summary>
    public static bool IsArraySql(string typeSql) => typeSql.EndsWith("[]", StringComparison.Ordinal);

    public static string ElementSql(string typeSql) => IsArraySql(typeSql) ? typeSql[..^2] : typeSql;

    /// <summary>The smallest field an <c>interval</c> keeps: <c>interval year to month</c> keeps months.</summary>
    public static IntervalField IntervalSmallestField(string typeSql)
    {
        var text = typeSql.AsSpan();
        var paren = text.IndexOf('(');
        if (paren >= 0)
        {
            text = text[..paren];
        }

        text = text.TrimEnd();
        return text switch
        {
            _ when text.EndsWith("year", StringComparison.Ordinal) => IntervalField.Year,
            _ when text.EndsWith("month", StringComparison.Ordinal) => IntervalField.Month,
            _ when text.EndsWith("day", StringComparison.Ordinal) => IntervalField.Day,
            _ when text.EndsWith("hour", StringComparison.Ordinal) => IntervalField.Hour,
            _ when text.EndsWith("minute", StringComparison.Ordinal) => IntervalField.Minute,
            _ => IntervalField.Second,
        };
    }
}

/// <summary>The finest unit an interval column keeps (its typmod's fields).</summary>
internal enum IntervalField
{
    Year,
    Month,
    Day,
    Hour,
    Minute,
    Second,
}
