using GenDb.Schema;

namespace GenDb.Generation.Engine;

/// <summary>Where a planned column's values come from, for people (gendb.plan, gendb inspect).</summary>
public enum PlannedSource
{
    /// <summary>A gendb.yaml table entry (<c>tables."schema.table".columns</c>).</summary>
    Override,

    /// <summary>A gendb.yaml <c>column_rules</c> glob.</summary>
    ColumnRule,

    /// <summary>A concept detected from the column's name, type, table and neighbours.</summary>
    Concept,

    /// <summary>A plausible value of the column's type; nothing more specific was found.</summary>
    TypeFallback,

    /// <summary>A row of the referenced table.</summary>
    ForeignKey,

    /// <summary>Left to PostgreSQL: identity, serial, generated columns, and skipped columns' defaults.</summary>
    Database,

    /// <summary>Always NULL: a nullable column of a type GenDB cannot generate.</summary>
    Null,
}

/// <summary>One column of a planned table.</summary>
/// <param name="Generator">Short, e.g. <c>email</c>, <c>one_of</c>, <c>text</c>, <c>→ public.customers(customer_id)</c>, <c>identity</c>.</param>
/// <param name="Reason">Why, e.g. <c>column name "email"</c>, <c>gendb.yaml:12:9</c>, <c>type fallback</c>.</param>
/// <param name="Constraints">What the values must keep: <c>NOT NULL</c>, <c>UNIQUE</c>, CHECK texts, <c>null 10%</c>.</param>
public sealed record PlannedColumn(
    string Name,
    string Type,
    string Generator,
    PlannedSource Source,
    string Reason,
    IReadOnlyList<string> Constraints)
{
    /// <summary>A few values the generator makes for the first rows (not for keys, templates or NULL columns).</summary>
    public IReadOnlyList<string> Examples { get; init; } = [];

    /// <summary>
    /// When the generator draws from a handful of values (a status, a flag): each value and how
    /// many of <see cref="GenerationEngine.SampleSize"/> draws gave it, most frequent first; empty otherwise.
    /// </summary>
    public IReadOnlyList<(string Value, int Count)> Spread { get; init; } = [];
}

/// <summary>One table as generate_data would fill it.</summary>
/// <param name="Load">How rows reach the table: <c>COPY</c>, or <c>filtered (reasons)</c>.</param>
public sealed record PlannedTable(
    QualifiedName Table,
    QualifiedName Synthetic,
    long Rows,
    string Load,
    IReadOnlyList<PlannedColumn> Columns,
    IReadOnlyList<string> Notes);
