namespace GenDb.Schema;

/// <summary>pg_constraint.contype, for table constraints.</summary>
public enum ConstraintKind
{
    PrimaryKey,
    Unique,
    Check,
    ForeignKey,
    Exclude,
}

/// <summary>pg_constraint.confupdtype / confdeltype.</summary>
public enum ReferentialAction
{
    NoAction,
    Restrict,
    Cascade,
    SetNull,
    SetDefault,
}

/// <summary>A table constraint.</summary>
/// <param name="Definition">pg_get_constraintdef, e.g. <c>FOREIGN KEY (address_id) REFERENCES public.address(address_id)</c>.</param>
/// <param name="Columns">conkey as names, in key order; empty for a CHECK on no column.</param>
/// <param name="Referenced">For a foreign key, the referenced table.</param>
/// <param name="ReferencedColumns">For a foreign key, confkey as names, matching <paramref name="Columns"/>.</param>
/// <param name="MatchFull">FOREIGN KEY ... MATCH FULL: one NULL column no longer skips the check, all must be NULL.</param>
/// <param name="NullsNotDistinct">UNIQUE NULLS NOT DISTINCT (PostgreSQL 15+, from the backing index).</param>
/// <param name="Validated">False for a constraint added NOT VALID and not validated since.</param>
/// <param name="IsInherited">Cloned from a parent table (a partition's copy of its parent's constraint, or inherited).</param>
public sealed record ConstraintModel(
    string Name,
    ConstraintKind Kind,
    string Definition,
    IReadOnlyList<string> Columns,
    QualifiedName? Referenced,
    IReadOnlyList<string> ReferencedColumns,
    ReferentialAction OnDelete,
    ReferentialAction OnUpdate,
    bool MatchFull,
    bool Deferrable,
    bool InitiallyDeferred,
    bool NullsNotDistinct,
    bool Validated,
    bool IsInherited)
{
    public string? ReferencedSchema => Referenced?.Schema;

    public string? ReferencedTable => Referenced?.Name;
}
