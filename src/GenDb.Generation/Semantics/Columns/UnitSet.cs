namespace GenDb.Generation.Semantics.Columns;

/// <summary>
/// A set of whole units (cents, days, seconds) as sorted, disjoint, inclusive spans: what a
/// column's bounds and partition intervals leave. <see cref="long.MinValue"/> and
/// <see cref="long.MaxValue"/> stand for an open end.
/// </summary>
internal sealed class UnitSet
{
    private readonly (long Lo, long Hi)[] _spans;

    private UnitSet((long Lo, long Hi)[] spans) => _spans = spans;

    public static UnitSet All { get; } = new([(long.MinValue, long.MaxValue)]);

    public static UnitSet Empty { get; } = new([]);

    public bool IsEmpty => _spans.Length == 0;

    public long Min => _spans[0].Lo;

    public long Max => _spans[^1].Hi;

    public IReadOnlyList<(long Lo, long Hi)> Spans => _spans;

    public static UnitSet Range(long lo, long hi) => lo > hi ? Empty : new([(lo, hi)]);

    public static UnitSet Union(IEnumerable<UnitSet> sets)
    {
        var spans = sets.SelectMany(s => s._spans).OrderBy(s => s.Lo).ToList();
        var merged = new List<(long Lo, long Hi)>();
        foreach (var span in spans)
        {
            if (merged.Count > 0 && (merged[^1].Hi == long.MaxValue || span.Lo <= merged[^1].Hi + 1))
            {
                merged[^1] = (merged[^1].Lo, Math.Max(merged[^1].Hi, span.Hi));
            }
            else
            {
                merged.Add(span);
            }
        }

        return new UnitSet([.. merged]);
    }

    public UnitSet Intersect(UnitSet other)
    {
        var result = new List<(long Lo, long Hi)>();
        int i = 0, j = 0;
        while (i < _spans.Length && j < other._spans.Length)
        {
            var lo = Math.Max(_spans[i].Lo, other._spans[j].Lo);
            var hi = Math.Min(_spans[i].Hi, other._spans[j].Hi);
            if (lo <= hi)
            {
                result.Add((lo, hi));
            }

            if (_spans[i].Hi < other._spans[j].Hi)
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return new UnitSet([.. result]);
    }

    public UnitSet Intersect(long lo, long hi) => Intersect(Range(lo, hi));

    /// <summary>This set without one value (a CHECK's <c>&lt;&gt; 0</c>).</summary>
    public UnitSet Without(long value)
    {
        var below = value == long.MinValue ? Empty : Intersect(long.MinValue, value - 1);
        var above = value == long.MaxValue ? Empty : Intersect(value + 1, long.MaxValue);
        return Union([below, above]);
    }

    public bool Contains(long value)
    {
        foreach (var (lo, hi) in _spans)
        {
            if (value < lo)
            {
                return false;
            }

            if (value <= hi)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The value at <paramref name="fraction"/> (0..1) of the set's size, counting span by span:
    /// a monotone map from [0, 1] onto a bounded set.
    /// </summary>
    public long AtFraction(double fraction)
    {
        double total = 0;
        foreach (var (lo, hi) in _spans)
        {
            total += (double)hi - lo + 1;
        }

        var target = Math.Clamp(fraction, 0, 1) * total;
        foreach (var (lo, hi) in _spans)
        {
            var size = (double)hi - lo + 1;
            if (target < size)
            {
                var offset = (long)Math.Floor(target);
                return offset > hi - lo ? hi : lo + offset;
            }

            target -= size;
        }

        return Max;
    }

    /// <summary>
    /// Maps <paramref name="value"/>, a point of [<paramref name="fromLo"/>, <paramref name="fromHi"/>],
    /// onto this bounded set, keeping order: earlier values stay earlier.
    /// </summary>
    public long Map(long value, long fromLo, long fromHi)
    {
        if (fromHi <= fromLo)
        {
            return Min;
        }

        var fraction = ((double)value - fromLo) / ((double)fromHi - fromLo);
        return AtFraction(fraction);
    }

    /// <summary>This set cut to [<paramref name="lo"/>, <paramref name="hi"/>], or, when that is empty, its finite part nearest to it.</summary>
    public UnitSet Around(long lo, long hi)
    {
        var inside = Intersect(lo, hi);
        if (!inside.IsEmpty)
        {
            return inside;
        }

        // Beyond the window: keep a window-wide stretch of the set next to it.
        var width = hi - lo;
        if (Min > hi)
        {
            return Intersect(Min, Min == long.MinValue ? hi : SaturatingAdd(Min, width));
        }

        return Intersect(Max == long.MaxValue ? lo : SaturatingAdd(Max, -width), Max);
    }

    private static long SaturatingAdd(long a, long b)
    {
        var sum = (decimal)a + b;
        return sum > long.MaxValue ? long.MaxValue : sum < long.MinValue ? long.MinValue : (long)sum;
    }
}
