using GenDb.Generation.Randomness;
using GenDb.Generation.Semantics.Columns;
using GenDb.Generation.Values;

namespace GenDb.Generation.Semantics.Generators;

/// <summary>
/// How a quantity spreads over its range. Samples are whole units (cents, years) in
/// [lo, hi], drawn with integer arithmetic and IEEE-exact operations only, so every machine
/// draws the same numbers.
/// </summary>
internal abstract class NumberShape
{
    public abstract long Sample(ref Rng rng, long lo, long hi);

    public static NumberShape Uniform { get; } = new UniformShape();

    /// <summary>Small values more often: the minimum of two uniform draws.</summary>
    public static NumberShape Low { get; } = new SkewedShape(high: false);

    /// <summary>Large values more often: the maximum of two uniform draws.</summary>
    public static NumberShape High { get; } = new SkewedShape(high: true);

    /// <summary>Bell-like around the middle: the mean of two uniform draws.</summary>
    public static NumberShape Middle { get; } = new MiddleShape();

    private sealed class UniformShape : NumberShape
    {
        public override long Sample(ref Rng rng, long lo, long hi) => rng.NextInclusive(lo, hi);
    }

    private sealed class SkewedShape(bool high) : NumberShape
    {
        public override long Sample(ref Rng rng, long lo, long hi)
        {
            var a = rng.NextDouble();
            var b = rng.NextDouble();
            return Scale(lo, hi, high ? Math.Max(a, b) : Math.Min(a, b));
        }
    }

    private sealed class MiddleShape : NumberShape
    {
        public override long Sample(ref Rng rng, long lo, long hi) => Scale(lo, hi, (rng.NextDouble() + rng.NextDouble()) / 2);
    }

    protected static long Scale(long lo, long hi, double fraction)
    {
        var offset = (long)(fraction * ((double)hi - lo + 1));
        return Math.Min(hi, lo + Math.Max(0, offset));
    }
}

/// <summary>
/// About as often in every decade (1–10, 10–100, ...): prices, amounts, file sizes. Decades are
/// chosen with whole-number weights and the value uniformly inside one, which needs no logarithm.
/// </summary>
internal sealed class DecadeShape(long unit) : NumberShape
{
    public override long Sample(ref Rng rng, long lo, long hi)
    {
        var floor = Math.Max(lo, Math.Min(hi, unit / 10 > 0 ? unit / 10 : 1));
        if (hi <= floor)
        {
            return rng.NextInclusive(lo, hi);
        }

        // Decades [d, 10d) from the floor up; partial ones weigh by the share they cover.
        Span<long> starts = stackalloc long[20];
        Span<long> ends = stackalloc long[20];
        Span<ulong> weights = stackalloc ulong[20];
        var count = 0;
        ulong total = 0;
        for (var start = floor; start <= hi && count < 20; start = start > long.MaxValue / 10 ? long.MaxValue : start * 10)
        {
            var decadeEnd = start > long.MaxValue / 10 ? long.MaxValue : start * 10 - 1;
            var end = Math.Min(hi, decadeEnd);
            starts[count] = start;
            ends[count] = end;
            weights[count] = Math.Max(1, (ulong)((double)(end - start + 1) / ((double)decadeEnd - start + 1) * 1000));
            total += weights[count];
            count++;
            if (end == hi)
            {
                break;
            }
        }

        var draw = rng.NextBelow(total);
        var i = 0;
        while (draw >= weights[i])
        {
            draw -= weights[i];
            i++;
        }

        return rng.NextInclusive(starts[i], ends[i]);
    }
}

/// <summary>Prices: a decade spread, then the cents shops use (.99, .49, .95, .00).</summary>
internal sealed class PriceShape(long unit) : NumberShape
{
    private readonly DecadeShape _decades = new(unit);

    public override long Sample(ref Rng rng, long lo, long hi)
    {
        var value = _decades.Sample(ref rng, lo, hi);
        if (unit < 100)
        {
            return value;
        }

        var cent = unit / 100;
        var whole = value / unit * unit;
        var cents = rng.NextBelow(10) switch
        {
            < 4 => 99,
            4 => 49,
            5 => 95,
            < 8 => 0,
            _ => (long)rng.NextBelow(100),
        };
        var priced = whole + cents * cent;
        return priced >= lo && priced <= hi ? priced : value;
    }
}

/// <summary>Whole values with weights (quantities: 1 far more often than 20).</summary>
internal sealed class WeightedShape(long unit, IReadOnlyList<(long Value, int Weight)> values) : NumberShape
{
    // An array, walked by index: a foreach over the IReadOnlyList would box an enumerator per value.
    private readonly (long Value, int Weight)[] _values = [.. values];

    public override long Sample(ref Rng rng, long lo, long hi)
    {
        ulong total = 0;
        for (var i = 0; i < _values.Length; i++)
        {
            var scaled = _values[i].Value * unit;
            if (scaled >= lo && scaled <= hi)
            {
                total += (ulong)_values[i].Weight;
            }
        }

        if (total == 0)
        {
            return Low.Sample(ref rng, lo, hi);
        }

        var draw = rng.NextBelow(total);
        for (var i = 0; i < _values.Length; i++)
        {
            var scaled = _values[i].Value * unit;
            if (scaled < lo || scaled > hi)
            {
                continue;
            }

            if (draw < (ulong)_values[i].Weight)
            {
                return scaled;
            }

            draw -= (ulong)_values[i].Weight;
        }

        return lo;
    }
}

/// <summary>A number concept: a shape over a natural range, inside what the column allows.</summary>
/// <param name="scale">Digits after the point that values are written with.</param>
internal sealed class NumberGenerator(NumberShape shape, UnitWindow window, int scale) : ConceptGenerator(unique: false)
{
    private readonly (long Lo, long Hi)[] _spans = [.. window.Target.Spans];

    public override void Write(long row, ref Rng rng, ValueBuilder output)
    {
        var span = _spans.Length == 1 ? _spans[0] : _spans[rng.NextBelow((ulong)_spans.Length)];
        Literal.Number(output, shape.Sample(ref rng, span.Lo, span.Hi), scale);
    }
}

/// <summary>A number computed from the row's entities (coordinates, a track's length), moved into the column's window.</summary>
internal sealed class DerivedNumberGenerator(Func<long, long> valueOfRow, UnitWindow window, int scale) : ConceptGenerator(unique: false)
{
    public override void Write(long row, ref Rng rng, ValueBuilder output) =>
        Literal.Number(output, window.Adjust(valueOfRow(row)), scale);
}

/// <summary>
/// Positions in a list (<c>sort_order</c>, <c>rank</c>, <c>seq</c>): the row's place, 1, 2, 3 …,
/// skipping what the column forbids. Distinct rows get distinct positions until the allowed
/// ones run out; then a unique column stops and any other starts again at the first.
/// </summary>
internal sealed class SortOrderGenerator(UnitSet positions, bool unique) : ConceptGenerator(unique)
{
    private readonly (long Lo, long Hi)[] _spans = [.. positions.Spans];

    public override void Write(long row, ref Rng rng, ValueBuilder output)
    {
        var n = (ulong)row;
        while (true)
        {
            foreach (var (lo, hi) in _spans)
            {
                var count = (ulong)(hi - lo) + 1;
                if (n >= count)
                {
                    n -= count;
                    continue;
                }

                output.Append(lo + (long)n);
                return;
            }

            if (IsUnique)
            {
                throw SkuGenerator.Exhausted(row, "position");
            }

            // n is now the row less every allowed position: start again at the first.
            n %= (ulong)row - n;
        }
    }
}
