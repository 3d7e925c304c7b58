using System.Text;

namespace GenDb.Sql;

/// <summary>Quoting for the SQL GenDB generates: every identifier quoted, every literal escaped.</summary>
public static class Quote
{
    public static string Identifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public static string Qualified(string schema, string name) => Identifier(schema) + "." + Identifier(name);

    /// <summary>A standard string literal (standard_conforming_strings is on since PostgreSQL 9.1).</summary>
    public static string Literal(string? value) =>
        value is null ? "NULL" : "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

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
