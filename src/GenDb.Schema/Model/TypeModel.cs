namespace GenDb.Schema;

/// <summary>A user-defined type: one of the sealed records below.</summary>
public abstract record TypeModel(string Schema, string Name, uint Oid, string? Comment)
{
    public QualifiedName QualifiedName => new(Schema, Name);
}

/// <summary>CREATE TYPE ... AS ENUM, labels in enumsortorder.</summary>
public sealed record EnumTypeModel(string Schema, string Name, uint Oid, string? Comment, IReadOnlyList<string> Labels)
    : TypeModel(Schema, Name, Oid, Comment);

/// <summary>A CHECK constraint of a domain; <paramref name="Definition"/> is pg_get_constraintdef, e.g. <c>CHECK (VALUE &gt; 0)</c>.</summary>
public sealed record DomainCheck(string Name, string Definition, bool Validated);

/// <summary>CREATE DOMAIN.</summary>
/// <param name="BaseTypeSql">format_type of the base type with its modifier, e.g. <c>numeric(10,2)</c>.</param>
public sealed record DomainTypeModel(
    string Schema,
    string Name,
    uint Oid,
    string? Comment,
    string BaseTypeSql,
    TypeReference BaseType,
    bool NotNull,
    string? Default,
    QualifiedName? Collation,
    IReadOnlyList<DomainCheck> Checks)
    : TypeModel(Schema, Name, Oid, Comment);

/// <summary>An attribute of a composite type.</summary>
public sealed record CompositeAttribute(string Name, int Position, string TypeSql, TypeReference Type, QualifiedName? Collation);

/// <summary>CREATE TYPE ... AS (...): standalone composite types only, not a table's row type.</summary>
public sealed record CompositeTypeModel(string Schema, string Name, uint Oid, string? Comment, IReadOnlyList<CompositeAttribute> Attributes)
    : TypeModel(Schema, Name, Oid, Comment);

/// <summary>CREATE TYPE ... AS RANGE.</summary>
/// <param name="Multirange">The multirange type PostgreSQL 14+ creates with it.</param>
public sealed record RangeTypeModel(
    string Schema,
    string Name,
    uint Oid,
    string? Comment,
    string SubtypeSql,
    TypeReference Subtype,
    QualifiedName? Collation,
    QualifiedName? Multirange)
    : TypeModel(Schema, Name, Oid, Comment);
