namespace GenDb.Commands;

/// <summary>The type OIDs (pg_type.oid) of placeholder values the binder understands.</summary>
internal static class PostgresTypeOid
{
    /// <summary>The client left the type to the server: taken as text.</summary>
    public const uint Unspecified = 0;
    public const uint Bool = 16;
    public const uint Name = 19;
    public const uint Int8 = 20;
    public const uint Int2 = 21;
    public const uint Int4 = 23;
    public const uint Text = 25;
    public const uint Unknown = 705;
    public const uint Bpchar = 1042;
    public const uint Varchar = 1043;

    public static string NameOf(uint oid) => oid switch
    {
        Bool => "bool",
        Int2 => "int2",
        Int4 => "int4",
        Int8 => "int8",
        _ => $"type {oid}",
    };

    /// <summary>The length of the binary form of a fixed-length type.</summary>
    public static int BinaryLength(uint oid) => oid switch
    {
        Bool => 1,
        Int2 => 2,
        Int4 => 4,
        Int8 => 8,
        _ => throw new ArgumentOutOfRangeException(nameof(oid), oid, "Not a fixed-length type."),
    };
}
