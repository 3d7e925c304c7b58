namespace GenDb.Schema;

/// <summary>What kind of relation a table is (pg_class.relkind and relispartition).</summary>
public enum TableKind
{
    /// <summary>relkind 'r', not a partition.</summary>
    Ordinary,

    /// <summary>relkind 'p'. A partitioned table that is itself a partition also has <see cref="TableModel.Parent"/>.</summary>
    Partitioned,

    /// <summary>relkind 'r' with relispartition: a leaf partition of <see cref="TableModel.Parent"/>.</summary>
    Partition,
}

/// <summary>An ordinary, partitioned or partition table.</summary>
/// <param name="PartitionKey">pg_get_partkeydef, e.g. <c>RANGE (payment_date)</c>; only for <see cref="TableKind.Partitioned"/>.</param>
/// <param name="PartitionBound">pg_get_expr(relpartbound), e.g. <c>FOR VALUES FROM (...) TO (...)</c>; only for partitions.</param>
/// <param name="Parent">The partitioned table this is a partition of.</param>
/// <param name="InheritsFrom">Parents by classic (non-partition) inheritance, in inhseqno order.</param>
public sealed record TableModel(
    string Schema,
    string Name,
    uint Oid,
    TableKind Kind,
    string? PartitionKey,
    string? PartitionBound,
    QualifiedName? Parent,
    IReadOnlyList<QualifiedName> InheritsFrom,
    IReadOnlyList<ColumnModel> Columns,
    IReadOnlyList<ConstraintModel> Constraints,
    IReadOnlyList<IndexModel> Indexes,
    string? Comment)
{
    public QualifiedName QualifiedName { get; } = new(Schema, Name);

    public bool IsPartition => Parent is not null;

    public ConstraintModel? PrimaryKey => Constraints.FirstOrDefault(c => c.Kind == ConstraintKind.PrimaryKey);

    public IEnumerable<ConstraintModel> ForeignKeys => Constraints.Where(c => c.Kind == ConstraintKind.ForeignKey);

    /// <summary>The column with this name, or null.</summary>
    public ColumnModel? FindColumn(string name) => Columns.FirstOrDefault(c => c.Name == name);

    /// <summary>The column with this name; throws when there is none.</summary>
    public ColumnModel Column(string name) =>
        FindColumn(name) ?? throw new KeyNotFoundException($"Table {QualifiedName} has no column \"{name}\".");

    /// <summary>The constraint with this name, or null.</summary>
    public ConstraintModel? FindConstraint(string name) => Constraints.FirstOrDefault(c => c.Name == name);

    /// <summary>The index with this name, or null.</summary>
    public IndexModel? FindIndex(string name) => Indexes.FirstOrDefault(i => i.Name == name);
}
