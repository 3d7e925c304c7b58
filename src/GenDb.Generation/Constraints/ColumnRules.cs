namespace GenDb.Generation.Constraints;

/// <summary>
/// One end of a range a value must respect. <paramref name="Literal"/> is the constant as
/// PostgreSQL reads it, without quotes or cast: <c>0</c>, <c>9.99</c>, <c>2020-01-01</c>,
/// <c>2022-01-01 00:00:00+00</c>.
/// </summary>
public sealed record ValueBound(string Literal, bool Inclusive);

/// <summary>A range of allowed values; a missing end is unbounded.</summary>
public sealed record ValueInterval(ValueBound? Lower, ValueBound? Upper);

/// <summary>
/// What the readable constraints (CHECKs, domain CHECKs, partition bounds) say about one column's
/// values. Everything present must hold at once; absent means unconstrained.
/// </summary>
public sealed record ColumnRules
{
    public static ColumnRules None { get; } = new();

    public ValueBound? Lower { get; init; }

    public ValueBound? Upper { get; init; }

    /// <summary>The value must be one of these (IN, = ANY(ARRAY[...]), = constant).</summary>
    public IReadOnlyList<string>? AllowedValues { get; init; }

    /// <summary>The value must be none of these (&lt;&gt; constant, NOT IN).</summary>
    public IReadOnlyList<string> ForbiddenValues { get; init; } = [];

    /// <summary>Bounds on length()/char_length() of the value's text, in characters.</summary>
    public int? MinLength { get; init; }

    public int? MaxLength { get; init; }

    /// <summary>POSIX regular expressions (<c>~</c>) the value must match.</summary>
    public IReadOnlyList<string> Patterns { get; init; } = [];

    /// <summary>Case-insensitive POSIX regular expressions (<c>~*</c>) the value must match.</summary>
    public IReadOnlyList<string> CaseInsensitivePatterns { get; init; } = [];

    /// <summary>The value must lie in one of these (a partitioned table's range partitions).</summary>
    public IReadOnlyList<ValueInterval>? Intervals { get; init; }

    /// <summary><c>btrim(x) &lt;&gt; ''</c> and the like: not empty once spaces are trimmed.</summary>
    public bool NotBlank { get; init; }

    /// <summary>A CHECK says <c>x IS NOT NULL</c>.</summary>
    public bool NotNull { get; init; }

    public bool IsEmpty => this == None;
}

/// <summary>pg comparison operators between two columns.</summary>
public enum RelationOperator
{
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    Equal,
    NotEqual,
}

/// <summary>A CHECK comparing two columns of the same row: <c>end_date &gt;= start_date</c>.</summary>
public sealed record ColumnRelation(string Left, RelationOperator Operator, string Right);

/// <summary><c>(a IS NULL) = (b IS NULL)</c>: both NULL or neither.</summary>
public sealed record NullCoupling(string First, string Second);

/// <summary>What <see cref="CheckReader"/> understood of one or more CHECK constraints.</summary>
/// <param name="Columns">Rules per column name (for a domain CHECK, the key is <see cref="CheckReader.DomainValue"/>).</param>
/// <param name="FullyUnderstood">
/// Every part of the expression is captured above, so values obeying the rules satisfy the CHECK.
/// When false, the loader lets PostgreSQL judge candidate rows.
/// </param>
public sealed record CheckAnalysis(
    IReadOnlyDictionary<string, ColumnRules> Columns,
    IReadOnlyList<ColumnRelation> Relations,
    IReadOnlyList<NullCoupling> NullCouplings,
    bool FullyUnderstood)
{
    public static CheckAnalysis NotUnderstood { get; } = new(new Dictionary<string, ColumnRules>(), [], [], false);

    public ColumnRules For(string column) => Columns.GetValueOrDefault(column) ?? ColumnRules.None;
}
