using System.Text;
using GenDb.Generation.Profiles;
using GenDb.Generation.Values;

namespace GenDb.Generation.Engine;

/// <summary>
/// A gendb.yaml <c>template</c> (<c>"{first_name}.{last_name}@example.com"</c>) bound to a table's
/// COPY columns. The row's other values are copied as they were written, already escaped for COPY,
/// so the template column is written after them (the engine puts it last in the COPY column list).
/// </summary>
internal sealed class RowTemplate
{
    private readonly byte[][] _literals;
    private readonly int[] _columns;

    private RowTemplate(byte[][] literals, int[] columns)
    {
        _literals = literals;
        _columns = columns;
    }

    /// <summary>
    /// Splits the template into literal text and <c>{column}</c> references (<c>{{</c>, <c>}}</c>
    /// for braces); <paramref name="indexOf"/> gives a referenced column's COPY position.
    /// </summary>
    public static RowTemplate Parse(string template, Func<string, int> indexOf)
    {
        var literals = new List<byte[]>();
        var columns = new List<int>();
        var text = new StringBuilder();
        for (var i = 0; i < template.Length; i++)
        {
            var c = template[i];
            if ((c == '{' || c == '}') && i + 1 < template.Length && template[i + 1] == c)
            {
                text.Append(c);
                i++;
                continue;
            }

            if (c != '{')
            {
                text.Append(c);
                continue;
            }

            var end = template.IndexOf('}', i + 1);
            var name = end < 0 ? string.Empty : template[(i + 1)..end].Trim();
            if (name.Length == 0)
            {
                throw new FormatException($"template \"{template}\" has an unclosed or empty {{ }} at position {i + 1}");
            }

            literals.Add(Escaped(text.ToString()));
            text.Clear();
            columns.Add(indexOf(name));
            i = end;
        }

        literals.Add(Escaped(text.ToString()));
        return new RowTemplate([.. literals], [.. columns]);
    }

    /// <summary>Writes the value from the row's other values, given where each was written in <paramref name="output"/>.</summary>
    public void Write(ValueBuilder output, ReadOnlySpan<int> starts, ReadOnlySpan<int> ends, ReadOnlySpan<bool> nulls)
    {
        for (var i = 0; i < _columns.Length; i++)
        {
            output.Append(_literals[i]);
            var column = _columns[i];
            if (!nulls[column])
            {
                output.AppendCopyOf(starts[column], ends[column] - starts[column]);
            }
        }

        output.Append(_literals[^1]);
    }

    private static byte[] Escaped(string literal)
    {
        var builder = new ValueBuilder(Math.Max(16, literal.Length * 2));
        builder.Append(Encoding.UTF8.GetBytes(literal));
        CopyText.EscapeFrom(builder, 0);
        return builder.WrittenMemory.ToArray();
    }
}
