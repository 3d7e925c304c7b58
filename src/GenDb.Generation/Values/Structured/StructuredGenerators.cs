using System.Text;
using GenDb.Generation.Randomness;

namespace GenDb.Generation.Values.Structured;

/// <summary>
/// A one-dimensional array literal <c>{a,b,c}</c> of one to three elements, each quoted as an
/// array element needs. A unique array takes a unique first element: distinct first elements
/// make distinct arrays.
/// </summary>
internal sealed class ArrayGenerator(IValueGenerator element, IValueGenerator? uniqueFirst, byte delimiter) : IValueGenerator
{
    public bool IsUnique => uniqueFirst is not null;

    public void Write(long row, ref Rng rng, ValueBuilder output)
    {
        var count = 1 + (int)rng.NextBelow(3);
        output.Append((byte)'{');
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                output.Append(delimiter);
            }

            var start = output.Length;
            (i == 0 && uniqueFirst is not null ? uniqueFirst : element).Write(row, ref rng, output);
            LiteralQuoting.QuoteSince(output, start, LiteralContext.ArrayElement);
        }

        output.Append((byte)'}');
    }
}

/// <summary>
/// A composite literal <c>(a,b)</c>, fields quoted as composite fields need (an empty string
/// would read as NULL otherwise). Unique when one field is: records compare field by field.
/// </summary>
internal sealed class CompositeGenerator(IValueGenerator[] fields) : IValueGenerator
{
    public bool IsUnique { get; } = fields.Any(f => f.IsUnique);

    public void Write(long row, ref Rng rng, ValueBuilder output)
    {
        output.Append((byte)'(');
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0)
            {
                output.Append((byte)',');
            }

            var start = output.Length;
            fields[i].Write(row, ref rng, output);
            LiteralQuoting.QuoteSince(output, start, LiteralContext.CompositeField);
        }

        output.Append((byte)')');
    }
}

/// <summary>One of the values a CHECK lists (IN, = ANY): that alone satisfies it. Never unique.</summary>
internal sealed class AllowedValuesGenerator(IReadOnlyList<string> values) : IValueGenerator
{
    private readonly byte[][] _values = [.. values.Select(Encoding.UTF8.GetBytes)];

    public bool IsUnique => false;

    public void Write(long row, ref Rng rng, ValueBuilder output) =>
        output.Append(_values[rng.NextBelow((ulong)_values.Length)]);
}

/// <summary>
/// Draws again (up to 64 times) when the inner generator wrote a forbidden value (&lt;&gt; constant,
/// NOT IN), for generators that cannot leave such values out themselves.
/// </summary>
internal sealed class ForbiddenValuesFilter(IValueGenerator inner, IReadOnlyList<string> forbidden) : IValueGenerator
{
    private const int Attempts = 64;

    private readonly byte[][] _forbidden = [.. forbidden.Select(Encoding.UTF8.GetBytes)];

    public bool IsUnique => inner.IsUnique;

    public void Write(long row, ref Rng rng, ValueBuilder output)
    {
        var start = output.Length;
        for (var attempt = 0; ; attempt++)
        {
            inner.Write(row, ref rng, output);

            // A unique value depends on the row alone: drawing again would give the same one.
            if (inner.IsUnique || attempt == Attempts || !IsForbidden(output.WrittenSpan[start..]))
            {
                return;
            }

            output.Truncate(start);
        }
    }

    private bool IsForbidden(ReadOnlySpan<byte> value)
    {
        foreach (var candidate in _forbidden)
        {
            if (value.SequenceEqual(candidate))
            {
                return true;
            }
        }

        return false;
    }
}
