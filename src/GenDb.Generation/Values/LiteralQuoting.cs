using System.Buffers;

namespace GenDb.Generation.Values;

/// <summary>Where a value written as text sits inside a bigger literal, which decides how it is quoted.</summary>
internal enum LiteralContext
{
    /// <summary>An element of an array literal <c>{a,b}</c> (PostgreSQL docs, 8.15.6 Array Input and Output Syntax).</summary>
    ArrayElement,

    /// <summary>A field of a composite literal <c>(a,b)</c> (8.16.6 Composite Type Input and Output Syntax).</summary>
    CompositeField,

    /// <summary>A bound of a range literal <c>[a,b)</c> (8.17.5 Range Input/Output).</summary>
    RangeBound,

    /// <summary>A key or value of an hstore: always quoted.</summary>
    HstoreItem,
}

/// <summary>
/// Quotes a value already written to a <see cref="ValueBuilder"/> in place, as the enclosing
/// literal needs: double quotes around it, backslash before <c>"</c> and <c>\</c>. Only values that
/// need it are quoted, so numbers stay bare (and cheap).
/// </summary>
internal static class LiteralQuoting
{
    private static readonly SearchValues<byte> ArraySpecials = SearchValues.Create("{},\"\\ \t\n\r\v\f"u8);
    private static readonly SearchValues<byte> CompositeSpecials = SearchValues.Create("(),\"\\ \t\n\r\v\f"u8);
    private static readonly SearchValues<byte> RangeSpecials = SearchValues.Create("()[],\"\\ \t\n\r\v\f"u8);
    private static readonly SearchValues<byte> Escaped = SearchValues.Create("\"\\"u8);

    /// <summary>Quotes the bytes written since <paramref name="start"/> when <paramref name="context"/> requires it.</summary>
    public static void QuoteSince(ValueBuilder output, int start, LiteralContext context)
    {
        var value = output.WrittenSpan[start..];
        if (!NeedsQuotes(value, context))
        {
            return;
        }

        var escapes = 0;
        var rest = value;
        int next;
        while ((next = rest.IndexOfAny(Escaped)) >= 0)
        {
            escapes++;
            rest = rest[(next + 1)..];
        }

        var length = value.Length;
        var region = output.ExpandSince(start, escapes + 2);

        // Right to left, so every byte moves at most once and nothing is overwritten before it is read.
        var to = region.Length - 1;
        region[to--] = (byte)'"';
        for (var from = length - 1; from >= 0; from--)
        {
            var b = region[from];
            region[to--] = b;
            if (b is (byte)'"' or (byte)'\\')
            {
                region[to--] = (byte)'\\';
            }
        }

        region[to] = (byte)'"';
    }

    private static bool NeedsQuotes(ReadOnlySpan<byte> value, LiteralContext context) => context switch
    {
        // An empty element and the bare word NULL would read back as NULL.
        LiteralContext.ArrayElement => value.IsEmpty || value.ContainsAny(ArraySpecials) || IsNullWord(value),
        LiteralContext.CompositeField => value.IsEmpty || value.ContainsAny(CompositeSpecials),
        LiteralContext.RangeBound => value.IsEmpty || value.ContainsAny(RangeSpecials),
        _ => true,
    };

    private static bool IsNullWord(ReadOnlySpan<byte> value) =>
        value.Length == 4 && System.Text.Ascii.EqualsIgnoreCase(value, "NULL"u8);
}
