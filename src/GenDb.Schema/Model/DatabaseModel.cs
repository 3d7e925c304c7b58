namespace GenDb.Schema;

/// <summary>
/// The user objects of one database that the reading role can see: tables (ordinary and
/// partitioned, with their partitions), user-defined types and sequences. System schemas and
/// GenDB's own <c>gendb_*</c> schemas are never part of it.
/// </summary>
public sealed record DatabaseModel(
    IReadOnlyList<TableModel> Tables,
    IReadOnlyList<TypeModel> Types,
    IReadOnlyList<SequenceModel> Sequences)
{
    private readonly Dictionary<QualifiedName, TableModel> _tablesByName = Tables.ToDictionary(t => t.QualifiedName);

    /// <summary>The table with this schema and name, or null.</summary>
    public TableModel? FindTable(string schema, string name) => FindTable(new QualifiedName(schema, name));

    /// <summary>The table with this name, or null.</summary>
    public TableModel? FindTable(QualifiedName name) => _tablesByName.GetValueOrDefault(name);

    /// <summary>The type with this schema and name, or null.</summary>
    public TypeModel? FindType(string schema, string name) =>
        Types.FirstOrDefault(t => t.Schema == schema && t.Name == name);

    /// <summary>The sequence with this schema and name, or null.</summary>
    public SequenceModel? FindSequence(string schema, string name) =>
        Sequences.FirstOrDefault(s => s.Schema == schema && s.Name == name);
}
