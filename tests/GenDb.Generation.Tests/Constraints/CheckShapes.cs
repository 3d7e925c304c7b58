using GenDb.Generation.Constraints;

namespace GenDb.Generation.Tests.Constraints;

/// <summary>A column of a test table; <paramref name="StageType"/> is its type without CHECKs (a domain's base type).</summary>
internal sealed record CaseColumn(string Name, string Type, string? StageType = null)
{
    public string Quoted => "\"" + Name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public string PlainType => StageType ?? Type;
}

/// <summary>
/// One CHECK written the way a user writes it; PostgreSQL prints it back in its own form, which is what
/// <see cref="CheckReader"/> reads. <paramref name="Samples"/> are extra SQL values tried in every column.
/// </summary>
internal sealed record CheckShape(string Name, string Check, CaseColumn[] Columns, Action<CheckAnalysis> Expect, string[] Samples)
{
    public string Table => "c_" + Name;

    public string CreateTable() =>
        $"CREATE TABLE {Table} ({string.Join(", ", Columns.Select(c => c.Quoted + " " + c.Type))}, CONSTRAINT {Name} CHECK ({Check}))";
}

/// <summary>The CHECK shapes the catalog and semantic tests run on a real PostgreSQL.</summary>
internal static class CheckShapes
{
    /// <summary>Run before the tables are created: what the shapes refer to.</summary>
    public const string Setup = """
        CREATE FUNCTION my_func(integer) RETURNS integer LANGUAGE sql IMMUTABLE AS 'SELECT $1';
        CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
        """;

    public static IReadOnlyList<CheckShape> All { get; } =
    [
        Shape("price_nonnegative", "price >= 0", [new("price", "numeric")], a => Lower(a, "price", "0", true)),
        Shape("quantity_positive", "quantity > 0", [new("quantity", "integer")], a => Lower(a, "quantity", "0", false)),
        Shape("rating_between", "rating BETWEEN 1 AND 5", [new("rating", "integer")], a =>
        {
            Lower(a, "rating", "1", true);
            Upper(a, "rating", "5", true);
        }),
        Shape("status_in", "status IN ('new', 'paid')", [new("status", "text")], a => Allowed(a, "status", "new", "paid")),
        Shape("kind_in_varchar", "kind IN ('a', 'b')", [new("kind", "varchar(10)")], a => Allowed(a, "kind", "a", "b")),
        Shape("code_in_char", "code IN ('ab', 'cd')", [new("code", "char(2)")], a => Allowed(a, "code", "ab", "cd")),
        Shape("level_in_int", "level IN (1, 2, 3)", [new("level", "integer")], a => Allowed(a, "level", "1", "2", "3")),
        Shape("level_not_in", "level NOT IN (1, 2, 3)", [new("level", "integer")], a => Forbidden(a, "level", "1", "2", "3")),
        Shape("tag_not_in_varchar", "tag NOT IN ('x', 'y')", [new("tag", "varchar")], a => Forbidden(a, "tag", "x", "y")),
        Shape("name_min_length", "length(name) >= 2", [new("name", "text")], a => Assert.Equal(2, Exact(a).For("name").MinLength)),
        Shape("code_exact_length", "char_length(code) = 3", [new("code", "varchar(5)")], a =>
        {
            Assert.Equal(3, Exact(a).For("code").MinLength);
            Assert.Equal(3, a.For("code").MaxLength);
        }),
        Shape("name_length_between", "length(name) BETWEEN 1 AND 10", [new("name", "text")], a =>
        {
            Assert.Equal(1, Exact(a).For("name").MinLength);
            Assert.Equal(10, a.For("name").MaxLength);
        }),
        Shape("name_not_blank", "btrim(name) <> ''", [new("name", "text")], a => Assert.True(Exact(a).For("name").NotBlank)),
        Shape("name_not_blank_trim", "trim(name) <> ''", [new("name", "varchar(20)")], a => Assert.True(Exact(a).For("name").NotBlank)),
        Shape("email_pattern", "email ~* '^[^@]+@[^@]+$'", [new("email", "text")],
            a => Assert.Equal(["^[^@]+@[^@]+$"], Exact(a).For("email").CaseInsensitivePatterns),
            "'a@b'", "'A@B.COM'", "'ab'", "'@b'", "'a@b@c'"),
        Shape("sku_pattern", "sku ~ '^[A-Z]{3}-[0-9]{4}$'", [new("sku", "varchar(20)")],
            a => Assert.Equal(["^[A-Z]{3}-[0-9]{4}$"], Exact(a).For("sku").Patterns),
            "'ABC-1234'", "'abc-1234'", "'AB-1234'", "'ABC-12345'"),
        Shape("dates_ordered", "end_date >= start_date", [new("start_date", "date"), new("end_date", "date")],
            a => Assert.Equal([new ColumnRelation("end_date", RelationOperator.GreaterOrEqual, "start_date")], Exact(a).Relations)),
        Shape("shipped_with_carrier", "(shipped_at IS NULL) = (carrier IS NULL)", [new("shipped_at", "timestamptz"), new("carrier", "text")],
            a => Assert.Equal([new NullCoupling("shipped_at", "carrier")], Exact(a).NullCouplings)),
        Shape("both_or_neither", "(a IS NULL AND b IS NULL) OR (a IS NOT NULL AND b IS NOT NULL)", [new("a", "integer"), new("b", "integer")],
            a => Assert.Equal([new NullCoupling("a", "b")], Exact(a).NullCouplings)),
        Shape("x_not_null", "x IS NOT NULL", [new("x", "integer")], a => Assert.True(Exact(a).For("x").NotNull)),
        Shape("x_is_null_false", "(x IS NULL) = false", [new("x", "integer")], a => Assert.True(Exact(a).For("x").NotNull)),
        Shape("discount_nonzero", "discount <> 0", [new("discount", "integer")], a => Forbidden(a, "discount", "0")),
        Shape("code_not_x", "NOT (code = 'x')", [new("code", "text")], a => Forbidden(a, "code", "x")),
        Shape("text_with_quote", "note <> 'it''s \\ ok'", [new("note", "text")], a => Forbidden(a, "note", "it's \\ ok")),
        Shape("created_after", "created_at > '2000-01-01'", [new("created_at", "timestamptz")],
            a => Lower(a, "created_at", "2000-01-01 00:00:00+00", false)),
        Shape("day_from", "d >= '2020-01-01'", [new("d", "date")], a => Lower(a, "d", "2020-01-01", true)),
        Shape("local_before", "ts < '2030-01-01 12:00'", [new("ts", "timestamp")], a => Upper(a, "ts", "2030-01-01 12:00:00", false)),
        Shape("negative_bound", "n > -5", [new("n", "integer")], a => Lower(a, "n", "-5", false)),
        Shape("negative_cast", "n > -5::integer", [new("n", "integer")], a => Lower(a, "n", "-5", false)),
        Shape("numeric_between", "amount BETWEEN 0.5 AND 99.99", [new("amount", "numeric(5,2)")], a =>
        {
            Lower(a, "amount", "0.5", true);
            Upper(a, "amount", "99.99", true);
        }),
        Shape("integer_over_fraction", "n > 1.5", [new("n", "integer")], a => Lower(a, "n", "1.5", false)),
        Shape("constant_first", "0 < n", [new("n", "integer")], a => Lower(a, "n", "0", false)),
        Shape("bigint_below_max", "b < 9223372036854775807", [new("b", "bigint")], a => Upper(a, "b", "9223372036854775807", false)),
        Shape("double_above", "w > 0.1", [new("w", "double precision")], a => Lower(a, "w", "0.1", false)),
        Shape("flag_set", "flag", [new("flag", "boolean")], a => Allowed(a, "flag", "true")),
        Shape("flag_unset", "NOT flag", [new("flag", "boolean")], a => Allowed(a, "flag", "false")),
        Shape("null_or_positive", "i IS NULL OR i > 0", [new("i", "integer")], a => Lower(a, "i", "0", false)),
        Shape("distinct_from", "p IS DISTINCT FROM 5", [new("p", "integer")], a => Forbidden(a, "p", "5")),
        Shape("not_distinct_from", "p IS NOT DISTINCT FROM 5", [new("p", "integer")], a =>
        {
            Allowed(a, "p", "5");
            Assert.True(a.For("p").NotNull);
        }),
        Shape("not_outside", "NOT (q < 5 OR q > 10)", [new("q", "integer")], a =>
        {
            Lower(a, "q", "5", true);
            Upper(a, "q", "10", true);
        }),
        Shape("above_all", "g > ALL (ARRAY[1, 5])", [new("g", "integer")], a => Lower(a, "g", "5", false)),
        Shape("any_array_literal", "k = ANY ('{1,2}')", [new("k", "integer")], a => Allowed(a, "k", "1", "2")),
        Shape("quoted_column", "\"Weird Col\" < 100", [new("Weird Col", "integer")], a => Upper(a, "Weird Col", "100", false)),
        Shape("predicate_is_true", "(e = 1) = true", [new("e", "integer")], a => Allowed(a, "e", "1")),
        Shape("several_columns", "a > 0 AND b > a AND b < 100", [new("a", "integer"), new("b", "integer")], a =>
        {
            Lower(a, "a", "0", false);
            Upper(a, "b", "100", false);
            Assert.Equal([new ColumnRelation("b", RelationOperator.Greater, "a")], a.Relations);
        }),
        Shape("null_or_five", "i IS NULL OR (i IS NOT NULL AND i = 5)", [new("i", "integer")], a => Allowed(a, "i", "5")),
        Shape("one_or_two", "x = 1 OR x = 2", [new("x", "integer")], a => Allowed(a, "x", "1", "2")),
        Shape("in_with_null", "j IN ('a', NULL)", [new("j", "text")], a => Assert.Empty(Exact(a).Columns)),
        Shape("not_in_with_null", "j NOT IN (1, NULL)", [new("j", "integer")], a => Forbidden(a, "j", "1")),
        Shape("text_below", "t < 'm'", [new("t", "text")], a => Upper(a, "t", "m", false), "'a'", "'z'"),
        Shape("enum_not_sad", "m <> 'sad'", [new("m", "mood")], a => Forbidden(a, "m", "sad"), "'ok'"),
        Shape("interval_above", "r > '1 day'", [new("r", "interval")], a => Lower(a, "r", "1 day", false), "'2 days'", "'1 hour'"),
        Shape("user_function", "my_func(a) > 0", [new("a", "integer")], a => NotUnderstood(a)),
        Shape("either_side", "o < 0 OR o > 10", [new("o", "integer")], a => NotUnderstood(a)),
        Shape("not_between", "n NOT BETWEEN 1 AND 5", [new("n", "integer")], a => NotUnderstood(a)),
        Shape("like_prefix", "t LIKE 'a%'", [new("t", "text")], a => Assert.Equal(["^a.*$"], Exact(a).For("t").Patterns), "'abc'", "'bcd'"),
        Shape("partly_read", "a > 0 AND my_func(b) > 0", [new("a", "integer"), new("b", "integer")], a =>
        {
            Assert.False(a.FullyUnderstood);
            Assert.Equal(new ValueBound("0", false), a.For("a").Lower);
            Assert.True(a.For("b").IsEmpty);
        }),
    ];

    public static TheoryData<string> Names => [.. All.Select(s => s.Name)];

    public static CheckShape Named(string name) => All.Single(s => s.Name == name);

    private static CheckShape Shape(string name, string check, CaseColumn[] columns, Action<CheckAnalysis> expect, params string[] samples) =>
        new(name, check, columns, expect, samples);

    private static CheckAnalysis Exact(CheckAnalysis analysis)
    {
        Assert.True(analysis.FullyUnderstood);
        return analysis;
    }

    private static void Lower(CheckAnalysis analysis, string column, string literal, bool inclusive) =>
        Assert.Equal(new ValueBound(literal, inclusive), Exact(analysis).For(column).Lower);

    private static void Upper(CheckAnalysis analysis, string column, string literal, bool inclusive) =>
        Assert.Equal(new ValueBound(literal, inclusive), Exact(analysis).For(column).Upper);

    private static void Allowed(CheckAnalysis analysis, string column, params string[] values) =>
        Assert.Equal(values, Exact(analysis).For(column).AllowedValues);

    private static void Forbidden(CheckAnalysis analysis, string column, params string[] values) =>
        Assert.Equal(values, Exact(analysis).For(column).ForbiddenValues);

    private static void NotUnderstood(CheckAnalysis analysis)
    {
        Assert.False(analysis.FullyUnderstood);
        Assert.Empty(analysis.Columns);
    }
}
