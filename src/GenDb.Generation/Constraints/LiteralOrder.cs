using System.Globalization;

namespace GenDb.Generation.Constraints;

/// <summary>
/// Orders two constants of the same kind of type, so that two bounds on one column can be reduced to
/// the tighter one. Only what compares the same everywhere is ordered: numbers, booleans, and dates and
/// timestamps in the ISO form PostgreSQL prints by default (DateStyle ISO). Text depends on collation
/// and is never ordered.
/// </summary>
internal static class LiteralOrder
{
    private static readonly string[] TimestampFormats = ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.FFFFFFF"];

    private static readonly string[] TimestampWithZoneFormats = ["yyyy-MM-dd HH:mm:sszzz", "yyyy-MM-dd HH:mm:ss.FFFFFFFzzz"];

    /// <summary>Negative, zero or positive as <paramref name="a"/> sorts before, with or after <paramref name="b"/>; null when unknown.</summary>
    public static int? Compare(TypedLiteral a, TypedLiteral b)
    {
        if (a.IsNull || b.IsNull)
        {
            return null;
        }

        return (Group(a.Family), Group(b.Family)) switch
        {
            (TypeFamily.Numeric, TypeFamily.Numeric) => Compare(NumberKey(a.Text!), NumberKey(b.Text!)),
            (TypeFamily.Boolean, TypeFamily.Boolean) => Compare(BooleanKey(a.Text!), BooleanKey(b.Text!)),
            (TypeFamily.Date, TypeFamily.Date) => Compare(DateKey(a.Text!), DateKey(b.Text!)),
            (TypeFamily.Timestamp, TypeFamily.Timestamp) => Compare(TimestampKey(a.Text!), TimestampKey(b.Text!)),
            (TypeFamily.TimestampWithTimeZone, TypeFamily.TimestampWithTimeZone) => Compare(TimestampWithZoneKey(a.Text!), TimestampWithZoneKey(b.Text!)),
            _ => null,
        };
    }

    /// <summary>Whether two constants are the same value (same text, or equal as ordered values).</summary>
    public static bool AreEqual(TypedLiteral a, TypedLiteral b) =>
        a.Text == b.Text || Compare(a, b) == 0;

    private static TypeFamily Group(TypeFamily family) =>
        family is TypeFamily.Integer or TypeFamily.Float ? TypeFamily.Numeric : family;

    private static int? Compare<T>((int Rank, T Value)? a, (int Rank, T Value)? b)
        where T : IComparable<T>
    {
        if (a is not { } x || b is not { } y)
        {
            return null;
        }

        var byRank = x.Rank.CompareTo(y.Rank);
        return byRank != 0 || x.Rank != 0 ? byRank : x.Value.CompareTo(y.Value);
    }

    /// <summary>
    /// Infinities sort at the ends; NaN sorts above everything, as numeric and float8 do in PostgreSQL
    /// (docs section 8.1.2.1, "Arbitrary Precision Numbers").
    /// </summary>
    private static (int Rank, decimal Value)? NumberKey(string text)
    {
        switch (text.ToUpperInvariant())
        {
            case "NAN":
                return (3, 0);
            case "INFINITY" or "+INFINITY" or "INF" or "+INF":
                return (2, 0);
            case "-INFINITY" or "-INF":
                return (-1, 0);
            default:
                break;
        }

        return decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? (0, value) : null;
    }

    private static (int Rank, int Value)? BooleanKey(string text) => text switch
    {
        "true" => (0, 1),
        "false" => (0, 0),
        _ => null,
    };

    private static (int Rank, DateOnly Value)? DateKey(string text) =>
        Infinity(text) is { } rank ? (rank, default)
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value) ? (0, value)
        : null;

    private static (int Rank, DateTime Value)? TimestampKey(string text) =>
        Infinity(text) is { } rank ? (rank, default)
        : DateTime.TryParseExact(text, TimestampFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value) ? (0, value)
        : null;

    private static (int Rank, DateTimeOffset Value)? TimestampWithZoneKey(string text)
    {
        if (Infinity(text) is { } rank)
        {
            return (rank, default);
        }

        // PostgreSQL prints a whole-hour offset as "+00"; .NET's zzz wants "+00:00".
        var normalized = text.Length > 3 && text[^3] is '+' or '-' ? text + ":00" : text;
        return DateTimeOffset.TryParseExact(normalized, TimestampWithZoneFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)
            ? (0, value)
            : null;
    }

    private static int? Infinity(string text) => text switch
    {
        "infinity" or "+infinity" => 2,
        "-infinity" => -1,
        _ => null,
    };
}
