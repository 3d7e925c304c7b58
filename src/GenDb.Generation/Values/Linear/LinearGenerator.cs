using GenDb.Generation.Randomness;

namespace GenDb.Generation.Values.Linear;

/// <summary>Values of a <see cref="LinearType"/> drawn from a <see cref="LinearDomain"/>: random, or one distinct step per row.</summary>
internal sealed class LinearGenerator(LinearType type, LinearDomain domain, bool unique, GenerationTarget target) : IValueGenerator
{
    public bool IsUnique => unique;

    public void Write(long row, ref Rng rng, ValueBuilder output)
    {
        long k;
        if (!unique)
        {
            k = domain.Random(ref rng);
        }
        else if (!domain.TryUnique(row, out k))
        {
            throw target.Exhausted(type.TypeSql, row);
        }

        type.Write(k, output);
    }
}

/// <summary>
/// A range of a <see cref="LinearType"/> subtype: <c>[lower,upper)</c> with lower &lt; upper, or
/// <c>[v,v]</c> at the top of the type. Unique ranges take a distinct lower bound per row and
/// span one step, so they are also disjoint: an exclusion constraint (<c>during WITH &amp;&amp;</c>) holds too.
/// </summary>
internal sealed class RangeGenerator(LinearType subtype, LinearDomain lowers, bool unique, GenerationTarget target) : IValueGenerator
{
    public bool IsUnique => unique;

    public void Write(long row, ref Rng rng, ValueBuilder output)
    {
        var lower = RangeWriter.FirstLower(subtype, lowers, unique, row, ref rng, target);
        RangeWriter.WriteRange(subtype, lower, ref rng, output, out _, unique ? 1 : subtype.TypicalSpan);
    }
}

/// <summary>
/// A multirange: one to three ranges, sorted, with a gap of at least one step between them (so
/// discrete ranges never merge); unique multiranges take a distinct lowest bound per row.
/// </summary>
internal sealed class MultirangeGenerator(LinearType subtype, LinearDomain lowers, bool unique, GenerationTarget target) : IValueGenerator
{
    public bool IsUnique => unique;

    public void Write(long row, ref Rng rng, ValueBuilder output)
    {
        var lower = RangeWriter.FirstLower(subtype, lowers, unique, row, ref rng, target);
        var count = 1 + (int)rng.NextBelow(3);
        output.Append((byte)'{');
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                output.Append((byte)',');
            }

            RangeWriter.WriteRange(subtype, lower, ref rng, output, out var upper);
            var gap = 1 + (long)rng.NextBelow((ulong)subtype.TypicalSpan);
            if (upper >= subtype.Max - gap)
            {
                break;
            }

            lower = upper + gap;
        }

        output.Append((byte)'}');
    }
}

internal static class RangeWriter
{
    public static long FirstLower(LinearType subtype, LinearDomain lowers, bool unique, long row, ref Rng rng, GenerationTarget target)
    {
        if (!unique)
        {
            return lowers.Random(ref rng);
        }

        return lowers.TryUnique(row, out var k) ? k : throw target.Exhausted(subtype.TypeSql, row);
    }

    /// <summary>Writes <c>[lower,upper)</c> with upper a random span above lower.</summary>
    public static void WriteRange(LinearType subtype, long lower, ref Rng rng, ValueBuilder output, out long upper) =>
        WriteRange(subtype, lower, ref rng, output, out upper, subtype.TypicalSpan);

    /// <summary>Writes <c>[lower,upper)</c> with upper at most <paramref name="maxSpan"/> steps above lower.</summary>
    public static void WriteRange(LinearType subtype, long lower, ref Rng rng, ValueBuilder output, out long upper, long maxSpan)
    {
        var span = maxSpan <= 1 ? 1 : 1 + (long)rng.NextBelow((ulong)maxSpan);
        var closed = lower > subtype.Max - span;
        upper = closed ? lower : lower + span;
        output.Append((byte)'[');
        WriteBound(subtype, lower, output);
        output.Append((byte)',');
        WriteBound(subtype, upper, output);
        output.Append(closed ? (byte)']' : (byte)')');
    }

    private static void WriteBound(LinearType subtype, long k, ValueBuilder output)
    {
        var start = output.Length;
        subtype.Write(k, output);
        LiteralQuoting.QuoteSince(output, start, LiteralContext.RangeBound);
    }
}
