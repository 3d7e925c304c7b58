using System.Text;

namespace GenDb.Sql;

/// <summary>Quoting for the SQL GenDB generates: every identifier quoted, every literal escaped.</summary>
public static class Quote
{
    public static string Identifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public static string Qualified(string schema, string name) => Identifier(schema) + "." + Identifier(name);

    /// <summary>
    /// A string literal that reads the same whatever the session's standard_conforming_strings:
    /// commands run in the client's own session, which may have turned it off, and then a
    /// backslash in a plain literal would escape the closing quote. A value with a backslash is
    /// written as an escape string (<c>E'a\\b'</c>), which every setting reads alike.
    /// </summary>
    public static string Literal(string? value)
    {
        if (value is null)
        {
            return "NULL";
        }

        var quoted = value.Replace("'", "''", StringComparison.Ordinal);
        return value.Contains('\\', StringComparison.Ordinal)
            ? "E'" + quoted.Replace("\\", "\\\\", StringComparison.Ordinal) + "'"
            : "'" + quoted + "'";
    }

    public static string TextArray(IEnumerable<string> values)
    {
        var builder = new StringBuilder("ARRAY[");
        var first = true;
        foreach (var value in values)
        {
            if (!first)
            {
                builder.Append(", ");
            }

            builder.Append(Literal(value));
            first = false;
        }

        return builder.Append("]::text[]").ToString();
    }
}
