using System.Text;

namespace GenDb.Commands;

/// <summary>
/// The value of one <c>$n</c> as a Bind message carries it.
/// </summary>
/// <param name="Value">The parameter's bytes; null is SQL NULL (length -1 on the wire).</param>
/// <param name="FormatCode">0 for text, 1 for binary.</param>
/// <param name="TypeOid">The type the client declared for the parameter in Parse; 0 when it left it unspecified.</param>
public readonly record struct PlaceholderValue(byte[]? Value, short FormatCode, uint TypeOid)
{
    public const short TextFormat = 0;
    public const short BinaryFormat = 1;

    public static PlaceholderValue Null => new(null, TextFormat, 0);

    /// <summary>A text-format value of unspecified type, as most drivers send strings.</summary>
    public static PlaceholderValue FromText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new(Encoding.UTF8.GetBytes(text), TextFormat, 0);
    }

    public static PlaceholderValue FromBinary(byte[] value, uint typeOid)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(value, BinaryFormat, typeOid);
    }
}
