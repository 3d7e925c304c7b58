using GenDb.Schema;

namespace GenDb.Generation.Profiles;

/// <summary>Where a setting was written, so an error can point at it: <c>gendb.yaml:12:9</c>.</summary>
public sealed record SourceLocation(string Path, int Line, int Column)
{
    public override string ToString() => $"{Path}:{Line}:{Column}";
}

/// <summary>
/// How the user steers generation without code (gendb.yaml's <c>locale</c>, <c>tables</c> and
/// <c>column_rules</c>). Precedence, strongest first: the CALL's own arguments, a table entry,
/// a column rule, the detected concept, the type fallback.
/// </summary>
public sealed record GenerationProfile
{
    public static GenerationProfile Empty { get; } = new();

    /// <summary>A Bogus locale name (<c>en</c>, <c>de</c>, <c>fr</c>, <c>pt_BR</c>); null: <c>en</c>.</summary>
    public string? Locale { get; init; }

    /// <summary>
    /// Person emails at the locale's free-mail providers (gmail.com …) instead of the reserved
    /// example.com, example.net and example.org. Off by default: see <see cref="Semantics.SemanticOptions.ReservedEmailDomains"/>.
    /// </summary>
    public bool RealisticEmailDomains { get; init; }

    /// <summary>Per-table entries, in file order.</summary>
    public IReadOnlyList<TableProfile> Tables { get; init; } = [];

    /// <summary>Glob rules over column names, in file order: the first that matches a column wins.</summary>
    public IReadOnlyList<ColumnRuleProfile> ColumnRules { get; init; } = [];

    public bool IsEmpty => Locale is null && !RealisticEmailDomains && Tables.Count == 0 && ColumnRules.Count == 0;

    /// <summary>The entry for a table: <c>schema.table</c> wins over a bare <c>table</c> entry.</summary>
    public TableProfile? TableFor(QualifiedName table) =>
        Tables.FirstOrDefault(t => t.Name == $"{table.Schema}.{table.Name}")
        ?? Tables.FirstOrDefault(t => !t.Name.Contains('.', StringComparison.Ordinal) && t.Name == table.Name);
}

/// <summary>
/// A <c>tables."schema.table"</c> entry. <paramref name="Name"/> is <c>schema.table</c>, or a
/// bare table name that matches the table in any schema.
/// </summary>
public sealed record TableProfile(string Name, SourceLocation? Where)
{
    /// <summary>Rows for this table when the CALL gives none.</summary>
    public long? Rows { get; init; }

    /// <summary>Overrides by column name (exact, case-sensitive: the catalog's spelling).</summary>
    public IReadOnlyDictionary<string, ColumnOverride> Columns { get; init; } = new Dictionary<string, ColumnOverride>(StringComparer.Ordinal);
}

/// <summary>
/// A <c>column_rules</c> entry: a glob (<c>*</c>, <c>?</c>) matched against the column's name,
/// or, when it holds a dot, against <c>table.column</c>.
/// </summary>
public sealed record ColumnRuleProfile(string Pattern, ColumnOverride Override);

/// <summary>What the user asked of one column; any part may be absent.</summary>
public sealed record ColumnOverride(SourceLocation? Where)
{
    /// <summary>The generator; null keeps whatever would be chosen otherwise.</summary>
    public GeneratorSpec? Generator { get; init; }

    /// <summary>The share of rows left NULL, 0 to 1 (a NOT NULL column takes only 0).</summary>
    public double? NullFraction { get; init; }

    /// <summary>Every row gets a value no other row has.</summary>
    public bool? Unique { get; init; }
}

/// <summary>A generator named in gendb.yaml.</summary>
public abstract record GeneratorSpec(SourceLocation? Where)
{
    /// <summary>The name used in gendb.yaml (<c>one_of</c>, <c>regex</c> …).</summary>
    public abstract string Kind { get; }
}

/// <summary><c>one_of</c>: values in the column's text input form, drawn with optional weights.</summary>
public sealed record OneOfSpec(IReadOnlyList<string> Values, IReadOnlyList<double>? Weights, SourceLocation? Where) : GeneratorSpec(Where)
{
    public override string Kind => "one_of";
}

/// <summary><c>regex</c>: strings matching the pattern (Fare's automaton syntax, anchored).</summary>
public sealed record RegexSpec(string Pattern, SourceLocation? Where) : GeneratorSpec(Where)
{
    public override string Kind => "regex";
}

/// <summary>How <c>range</c> spreads its values.</summary>
public enum RangeDistribution
{
    /// <summary>Every value equally likely.</summary>
    Uniform,

    /// <summary>A bell around the middle (mean at the centre, six standard deviations across, clipped).</summary>
    Normal,

    /// <summary>Most values near min, a long tail towards max.</summary>
    Exponential,
}

/// <summary><c>range</c>: numbers, dates or timestamps from min to max inclusive, as literals of the column's type.</summary>
public sealed record RangeSpec(string Min, string Max, RangeDistribution Distribution, SourceLocation? Where) : GeneratorSpec(Where)
{
    public override string Kind => "range";
}

/// <summary><c>faker</c>: a Bogus data set method by path, such as <c>internet.email</c> or <c>address.city</c>.</summary>
public sealed record FakerSpec(string Path, SourceLocation? Where) : GeneratorSpec(Where)
{
    public override string Kind => "faker";
}

/// <summary><c>template</c>: text with <c>{column}</c> placeholders filled from the same row (<c>{{</c> and <c>}}</c> for braces).</summary>
public sealed record TemplateSpec(string Template, SourceLocation? Where) : GeneratorSpec(Where)
{
    public override string Kind => "template";
}

/// <summary><c>constant</c>: the same value in every row (null: NULL).</summary>
public sealed record ConstantSpec(string? Value, SourceLocation? Where) : GeneratorSpec(Where)
{
    public override string Kind => "constant";
}

/// <summary><c>sequence</c>: start, start + step, start + 2·step …</summary>
public sealed record SequenceSpec(long Start, long Step, SourceLocation? Where) : GeneratorSpec(Where)
{
    public override string Kind => "sequence";
}

/// <summary><c>skip</c>: the column is left out of the rows, so it gets its default or NULL.</summary>
public sealed record SkipSpec(SourceLocation? Where) : GeneratorSpec(Where)
{
    public override string Kind => "skip";
}
