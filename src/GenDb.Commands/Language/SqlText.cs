using System.Text;

namespace GenDb.Commands;

/// <summary>Writing SQL text back for messages and hints.</summary>
internal static class SqlText
{
    /// <summary>The longest piece of statement text quoted in a message; a megabyte of unterminated string helps nobody.</summary>
    private const int MaxQuotedLength = 60;

    /// <summary><c>it's</c> as <c>'it''s'</c>.</summary>
    public static string QuoteLiteral(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>As PostgreSQL's quote_ident: bare only when lower-case ASCII letters, digits and underscores.</summary>
    public static string QuoteIdentifierIfNeeded(string name)
    {
        var bare = name.Length > 0 && (char.IsAsciiLetterLower(name[0]) || name[0] == '_');
        foreach (var c in name)
        {
            bare &= char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_';
        }

        return bare ? name : "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>A piece of the statement for an "at or near" message, cut short when long.</summary>
    public static string Excerpt(ReadOnlySpan<char> text)
    {
        if (text.Length <= MaxQuotedLength)
        {
            return text.ToString();
        }

        var cut = MaxQuotedLength;
        if (char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return string.Concat(text[..cut], "...");
    }

    /// <summary>Bytes as PostgreSQL lists them in "invalid byte sequence" messages: <c>0xc3 0x28</c>.</summary>
    public static string HexBytes(ReadOnlySpan<byte> bytes)
    {
        var builder = new StringBuilder();
        foreach (var b in bytes)
        {
            if (builder.Length > 0)
            {
                builder.Append(' ');
            }

            builder.Append("0x").Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }
}
