namespace GenDb.Commands;

/// <summary>The types a GenDB procedure parameter can have; bound values are string, long and bool.</summary>
public enum GendbType
{
    Text,
    Integer,
    Boolean,
}

public static class GendbTypeExtensions
{
    /// <summary>The PostgreSQL name shown in help and messages: text, integer, boolean.</summary>
    public static string SqlName(this GendbType type) => type switch
    {
        GendbType.Text => "text",
        GendbType.Integer => "integer",
        GendbType.Boolean => "boolean",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    /// <summary>The CLR type of a bound value of this type.</summary>
    internal static Type ClrType(this GendbType type) => type switch
    {
        GendbType.Text => typeof(string),
        GendbType.Integer => typeof(long),
        GendbType.Boolean => typeof(bool),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };
}
