using System.Buffers;
using GenDb.Generation.Values;

namespace GenDb.Generation.Engine;

/// <summary>COPY text format: tab-separated columns, newline-terminated rows, <c>\N</c> for NULL.</summary>
internal static class CopyText
{
    private static readonly SearchValues<byte> Special = SearchValues.Create("\\\t\n\r"u8);

    public static void AppendNull(ValueBuilder output) => output.Append("\\N"u8);

    /// <summary>
    /// Escapes, in place, the value written at <paramref name="start"/>: backslash, tab, newline
    /// and carriage return become backslash sequences. Most values have none, found with one
    /// vectorised scan.
    /// </summary>
    public static void EscapeFrom(ValueBuilder output, int start)
    {
        var written = output.WrittenSpan[start..];
        var first = written.IndexOfAny(Special);
        if (first < 0)
        {
            return;
        }

        var tail = written[first..].ToArray();
        output.Truncate(start + first);
        foreach (var b in tail)
        {
            switch (b)
            {
                case (byte)'\\':
                    output.Append("\\\\"u8);
                    break;
                case (byte)'\t':
                    output.Append("\\t"u8);
                    break;
                case (byte)'\n':
                    output.Append("\\n"u8);
                    break;
                case (byte)'\r':
                    output.Append("\\r"u8);
                    break;
                default:
                    output.Append(b);
                    break;
            }
        }
    }

    /// <summary>Appends <paramref name="utf8"/> escaped.</summary>
    public static void AppendEscaped(ValueBuilder output, ReadOnlySpan<byte> utf8)
    {
        var start = output.Length;
        output.Append(utf8);
        EscapeFrom(output, start);
    }
}
