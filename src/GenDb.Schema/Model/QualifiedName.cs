using GenDb.Sql;
namespace GenDb.Schema;

/// <summary>A schema-qualified object name, compared ordinally (PostgreSQL names are case-sensitive once read).</summary>
public sealed record QualifiedName(string Schema, string Name) : IComparable<QualifiedName>
{
    /// <summary>The name as SQL, both parts quoted: <c>"public"."film"</c>.</summary>
    public string Sql => GenDb.Sql.Quote.Qualified(Schema, Name);

    public int CompareTo(QualifiedName? other)
    {
        if (other is null)
        {
            return 1;
        }

        var bySchema = string.CompareOrdinal(Schema, other.Schema);
        return bySchema != 0 ? bySchema : string.CompareOrdinal(Name, other.Name);
    }

    public override string ToString() => Schema + "." + Name;
}
