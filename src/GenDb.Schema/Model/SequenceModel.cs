namespace GenDb.Schema;

/// <summary>The column a sequence belongs to: OWNED BY, a serial column or an identity column.</summary>
public sealed record SequenceOwner(QualifiedName Table, string Column, bool IsIdentity);

/// <summary>A sequence (pg_sequence).</summary>
/// <param name="DataType">smallint, integer or bigint.</param>
public sealed record SequenceModel(
    string Schema,
    string Name,
    uint Oid,
    SequenceOwner? OwnedBy,
    string DataType,
    long Start,
    long Increment,
    long Min,
    long Max,
    long Cache,
    bool Cycle,
    string? Comment)
{
    public QualifiedName QualifiedName => new(Schema, Name);
}
