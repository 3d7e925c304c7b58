namespace GenDb.Generation.Constraints;

/// <summary>A node of a deparsed expression, as far as <see cref="SqlExpressionParser"/> reads it.</summary>
internal abstract record SqlExpression;

/// <summary>A column of the row (or a domain's <c>VALUE</c>).</summary>
internal sealed record ColumnReference(string Name) : SqlExpression;

/// <summary>
/// A constant. <paramref name="Text"/> is null for SQL NULL; <paramref name="Type"/> is null for a string
/// whose type is not yet known (it gets one from the cast that follows).
/// </summary>
internal sealed record ConstantValue(string? Text, SqlTypeName? Type) : SqlExpression;

internal sealed record CastExpression(SqlExpression Operand, SqlTypeName Type) : SqlExpression;

/// <summary>A function call; <paramref name="Name"/> is as printed, schema included when there is one.</summary>
internal sealed record FunctionCall(string Name, IReadOnlyList<SqlExpression> Arguments) : SqlExpression;

internal sealed record BinaryExpression(string Operator, SqlExpression Left, SqlExpression Right) : SqlExpression;

internal sealed record PrefixExpression(string Operator, SqlExpression Operand) : SqlExpression;

internal sealed record AndExpression(IReadOnlyList<SqlExpression> Operands) : SqlExpression;

internal sealed record OrExpression(IReadOnlyList<SqlExpression> Operands) : SqlExpression;

internal sealed record NotExpression(SqlExpression Operand) : SqlExpression;

/// <summary><c>x IS NULL</c>, or <c>x IS NOT NULL</c> when <paramref name="IsNotNull"/>.</summary>
internal sealed record NullTest(SqlExpression Operand, bool IsNotNull) : SqlExpression;

/// <summary><c>a IS DISTINCT FROM b</c>, or <c>IS NOT DISTINCT FROM</c> when <paramref name="IsNotDistinct"/>.</summary>
internal sealed record DistinctTest(SqlExpression Left, SqlExpression Right, bool IsNotDistinct) : SqlExpression;

/// <summary><c>left op ANY (array)</c>, or <c>ALL</c> when <paramref name="All"/>.</summary>
internal sealed record ArrayComparison(string Operator, bool All, SqlExpression Left, SqlExpression Array) : SqlExpression;

/// <summary><c>ARRAY[e1, e2, ...]</c>.</summary>
internal sealed record ArrayConstructor(IReadOnlyList<SqlExpression> Elements) : SqlExpression;

/// <summary>Syntax that was read past but is not interpreted (CASE, COLLATE, EXTRACT(...), rows...).</summary>
internal sealed record OpaqueExpression(string What) : SqlExpression;

/// <summary>
/// A type as format_type prints it after <c>::</c>: <c>integer</c>, <c>character varying(10)</c>,
/// <c>timestamp(3) with time zone</c>, <c>text[]</c>, <c>public.citext</c>. <paramref name="Name"/> is the
/// words joined by single spaces, with a <c>pg_catalog.</c> prefix dropped; quoted parts keep their quotes
/// (<c>"char"</c> is not <c>char</c>).
/// </summary>
internal sealed record SqlTypeName(string Name, IReadOnlyList<string> Modifiers, int ArrayDimensions)
{
    public static SqlTypeName Integer { get; } = Of("integer");

    public static SqlTypeName BigInt { get; } = Of("bigint");

    public static SqlTypeName Numeric { get; } = Of("numeric");

    public static SqlTypeName Boolean { get; } = Of("boolean");

    public TypeFamily Family => ArrayDimensions > 0 ? TypeFamily.Other : FamilyOf(Name);

    /// <summary>The element type of an array type.</summary>
    public SqlTypeName Element => this with { ArrayDimensions = 0 };

    public static SqlTypeName Of(string name) => new(name, [], 0);

    private static TypeFamily FamilyOf(string name) => name switch
    {
        "smallint" or "integer" or "bigint" or "int2" or "int4" or "int8" or "int" => TypeFamily.Integer,
        "numeric" or "decimal" => TypeFamily.Numeric,
        "real" or "double precision" or "float4" or "float8" => TypeFamily.Float,
        "text" or "character varying" or "varchar" or "character" or "char" or "bpchar" or "name" => TypeFamily.Text,
        "boolean" or "bool" => TypeFamily.Boolean,
        "date" => TypeFamily.Date,
        "timestamp without time zone" or "timestamp" => TypeFamily.Timestamp,
        "timestamp with time zone" or "timestamptz" => TypeFamily.TimestampWithTimeZone,
        _ => TypeFamily.Other,
    };
}

internal enum TypeFamily
{
    Other,
    Integer,
    Numeric,
    Float,
    Text,
    Boolean,
    Date,
    Timestamp,
    TimestampWithTimeZone,
}
