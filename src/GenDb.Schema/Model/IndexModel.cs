namespace GenDb.Schema;

/// <summary>An index of a table.</summary>
/// <param name="BacksConstraint">The index enforces a PRIMARY KEY, UNIQUE or EXCLUDE constraint (and is created by it).</param>
/// <param name="Definition">pg_get_indexdef: the full CREATE INDEX statement.</param>
/// <param name="Predicate">The WHERE clause of a partial index.</param>
/// <param name="IsExpression">At least one key is an expression, e.g. <c>lower(email)</c>.</param>
/// <param name="Columns">Key columns in order; null where the key is an expression.</param>
public sealed record IndexModel(
    string Name,
    bool IsUnique,
    bool IsPrimary,
    bool BacksConstraint,
    string Definition,
    string? Predicate,
    bool IsExpression,
    IReadOnlyList<string?> Columns,
    bool NullsNotDistinct);
