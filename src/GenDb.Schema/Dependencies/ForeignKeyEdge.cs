namespace GenDb.Schema;

/// <summary>
/// A foreign key seen as an edge of the dependency graph: rows of <see cref="From"/> need rows of
/// <see cref="To"/> to exist first, unless the edge can be broken.
/// </summary>
/// <param name="Nullable">
/// The key can be left NULL and filled in later: with MATCH SIMPLE one nullable column suffices,
/// with MATCH FULL every column must be nullable.
/// </param>
/// <param name="Deferrable">DEFERRABLE: the check can wait until COMMIT (SET CONSTRAINTS ... DEFERRED).</param>
public sealed record ForeignKeyEdge(
    QualifiedName From,
    QualifiedName To,
    string Constraint,
    IReadOnlyList<string> Columns,
    bool Nullable,
    bool Deferrable)
{
    /// <summary>Rows can be inserted before their referenced rows exist: insert NULL then update, or defer the check.</summary>
    public bool IsBreakable => Nullable || Deferrable;

    public bool IsSelfReference => From == To;

    public override string ToString() => $"{From} -> {To} ({Constraint})";
}

/// <summary>
/// A strongly connected component of the foreign-key graph: tables that (directly or through each
/// other) reference themselves, so no insertion order satisfies every key at insert time.
/// </summary>
/// <param name="Tables">The tables, in the order to fill them once <see cref="BreakableEdges"/> are broken.</param>
/// <param name="Edges">Every foreign key between two tables of the cycle.</param>
/// <param name="BreakableEdges">The edges of <see cref="Edges"/> that are nullable or deferrable.</param>
/// <param name="UnbreakableParts">Sub-cycles that remain after removing every breakable edge; empty when the cycle can be broken.</param>
public sealed record TableCycle(
    IReadOnlyList<QualifiedName> Tables,
    IReadOnlyList<ForeignKeyEdge> Edges,
    IReadOnlyList<ForeignKeyEdge> BreakableEdges,
    IReadOnlyList<IReadOnlyList<QualifiedName>> UnbreakableParts)
{
    public bool IsBreakable => UnbreakableParts.Count == 0;

    /// <summary>One table referencing itself, e.g. employee.reports_to.</summary>
    public bool IsSelfReference => Tables.Count == 1;

    public bool Contains(QualifiedName table) => Tables.Contains(table);
}
