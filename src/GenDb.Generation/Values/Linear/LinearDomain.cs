using GenDb.Generation.Constraints;
using GenDb.Generation.Randomness;

namespace GenDb.Generation.Values.Linear;

/// <summary>
/// The steps of a <see cref="LinearType"/> that a column's rules allow: the type's range cut by
/// lower and upper bounds, split into one part per partition interval, with forbidden values cut
/// out. Random values favour the type's plausible window; unique values number the allowed steps
/// from the anchor upwards, then downwards, so row r always gets the same, distinct step.
/// </summary>
internal sealed class LinearDomain
{
    private readonly Part[] _parts;

    private LinearDomain(Part[] parts) => _parts = parts;

    public bool IsEmpty => _parts.Length == 0;

    /// <summary>How many distinct steps are allowed.</summary>
    public UInt128 Count => _parts.Aggregate(UInt128.Zero, (sum, part) => sum + part.Total);

    /// <summary>All allowed steps of <paramref name="type"/> under <paramref name="rules"/>.</summary>
    public static LinearDomain Build(LinearType type, RuleSet rules)
    {
        var low = type.Min;
        var high = type.Max;
        foreach (var bound in rules.Lowers)
        {
            if (LowerStep(type, bound) is { } k)
            {
                low = Math.Max(low, k);
            }
        }

        foreach (var bound in rules.Uppers)
        {
            if (UpperStep(type, bound) is { } k)
            {
                high = Math.Min(high, k);
            }
        }

        var parts = new List<List<(long Low, long High)>>();
        if (low <= high)
        {
            parts.Add([(low, high)]);
        }

        foreach (var intervals in rules.IntervalSets)
        {
            var split = new List<List<(long Low, long High)>>();
            foreach (var part in parts)
            {
                foreach (var interval in intervals)
                {
                    var from = interval.Lower is { } l ? LowerStep(type, l) ?? type.Min : type.Min;
                    var to = interval.Upper is { } u ? UpperStep(type, u) ?? type.Max : type.Max;
                    var piece = Clip(part, from, to);
                    if (piece.Count > 0)
                    {
                        split.Add(piece);
                    }
                }
            }

            parts = split;
        }

        foreach (var literal in rules.ForbiddenValues)
        {
            if (type.TryParse(literal, out var steps) && steps == decimal.Truncate(steps) && steps >= long.MinValue && steps <= long.MaxValue)
            {
                var k = (long)steps;
                foreach (var part in parts)
                {
                    Remove(part, k);
                }
            }
        }

        return new LinearDomain([.. parts.Where(p => p.Count > 0).Select(p => new Part(type, p))]);
    }

    /// <summary>Whether step <paramref name="k"/> is allowed.</summary>
    public bool Contains(long k) => _parts.Any(p => p.Contains(k));

    /// <summary>A random allowed step: a random part, then inside the type's window where it can be.</summary>
    public long Random(ref Rng rng)
    {
        var part = _parts.Length == 1 ? _parts[0] : _parts[(int)rng.NextBelow((ulong)_parts.Length)];
        return part.Random(ref rng);
    }

    /// <summary>The step of the <paramref name="ordinal"/>-th value in anchor order; false once all are used.</summary>
    public bool TryUnique(long ordinal, out long k)
    {
        var n = (UInt128)(ulong)ordinal;
        foreach (var part in _parts)
        {
            if (n < part.Total)
            {
                k = part.InAnchorOrder(n);
                return true;
            }

            n -= part.Total;
        }

        k = 0;
        return false;
    }

    /// <summary>The first step at or above a lower bound, or null when the literal is not understood.</summary>
    internal static long? LowerStep(LinearType type, ValueBound bound)
    {
        if (!type.TryParse(bound.Literal, out var steps))
        {
            return null;
        }

        var k = bound.Inclusive ? decimal.Ceiling(steps) : decimal.Floor(steps) + 1;
        return (long)Math.Clamp(k + type.BoundMargin, long.MinValue, long.MaxValue);
    }

    /// <summary>The last step at or below an upper bound, or null when the literal is not understood.</summary>
    internal static long? UpperStep(LinearType type, ValueBound bound)
    {
        if (!type.TryParse(bound.Literal, out var steps))
        {
            return null;
        }

        var k = bound.Inclusive ? decimal.Floor(steps) : decimal.Ceiling(steps) - 1;
        return (long)Math.Clamp(k - type.BoundMargin, long.MinValue, long.MaxValue);
    }

    private static List<(long Low, long High)> Clip(List<(long Low, long High)> segments, long from, long to)
    {
        var result = new List<(long Low, long High)>();
        foreach (var (low, high) in segments)
        {
            var l = Math.Max(low, from);
            var h = Math.Min(high, to);
            if (l <= h)
            {
                result.Add((l, h));
            }
        }

        return result;
    }

    private static void Remove(List<(long Low, long High)> segments, long k)
    {
        for (var i = 0; i < segments.Count; i++)
        {
            var (low, high) = segments[i];
            if (k < low || k > high)
            {
                continue;
            }

            segments.RemoveAt(i);
            if (k < high)
            {
                segments.Insert(i, (k + 1, high));
            }

            if (k > low)
            {
                segments.Insert(i, (low, k - 1));
            }

            return;
        }
    }

    /// <summary>One partition interval's allowed steps, ascending, with the orders sampled from.</summary>
    private sealed class Part
    {
        private readonly Segments _all;
        private readonly Segments _up;
        private readonly Segments _down;
        private readonly Segments _window;
        private readonly ulong _windowCount;
        private readonly ulong _fallbackCount;

        public Part(LinearType type, List<(long Low, long High)> segments)
        {
            _all = new Segments(segments, descending: false);
            var anchor = Math.Clamp(type.Anchor, segments[0].Low, segments[^1].High);
            _up = new Segments(Clip(segments, anchor, long.MaxValue), descending: false);
            var below = anchor == long.MinValue ? [] : Clip(segments, long.MinValue, anchor - 1);
            below.Reverse();
            _down = new Segments(below, descending: true);
            _window = new Segments(Clip(segments, type.WindowLow, type.WindowHigh), descending: false);
            _windowCount = (ulong)_window.Count;
            Total = _all.Count;

            // Outside the window, random values stay among the steps nearest the anchor, as many as
            // the window holds: CHECK (x > 5000) gives 5001..6000, not values up to 2^31.
            var windowSize = (UInt128)(ulong)(type.WindowHigh - type.WindowLow) + 1;
            _fallbackCount = (ulong)UInt128.Min(UInt128.Min(Total, windowSize), ulong.MaxValue);
        }

        public UInt128 Total { get; }

        public bool Contains(long k) => _all.Contains(k);

        public long Random(ref Rng rng) =>
            _windowCount > 0 ? _window.At(rng.NextBelow(_windowCount)) : InAnchorOrder(rng.NextBelow(_fallbackCount));

        public long InAnchorOrder(UInt128 n) => n < _up.Count ? _up.At(n) : _down.At(n - _up.Count);
    }

    /// <summary>Disjoint segments walked in one direction, with running counts to find the n-th step.</summary>
    private sealed class Segments
    {
        private readonly (long Low, long High)[] _segments;
        private readonly UInt128[] _ends;
        private readonly bool _descending;

        public Segments(List<(long Low, long High)> segments, bool descending)
        {
            _segments = [.. segments];
            _descending = descending;
            _ends = new UInt128[_segments.Length];
            UInt128 total = 0;
            for (var i = 0; i < _segments.Length; i++)
            {
                total += (UInt128)(ulong)(_segments[i].High - _segments[i].Low) + 1;
                _ends[i] = total;
            }

            Count = total;
        }

        public UInt128 Count { get; }

        public long At(UInt128 n)
        {
            var i = 0;
            if (_segments.Length > 1)
            {
                var lo = 0;
                var hi = _segments.Length - 1;
                while (lo < hi)
                {
                    var mid = (lo + hi) / 2;
                    if (_ends[mid] > n)
                    {
                        hi = mid;
                    }
                    else
                    {
                        lo = mid + 1;
                    }
                }

                i = lo;
            }

            var offset = (ulong)(n - (i == 0 ? 0 : _ends[i - 1]));
            var (low, high) = _segments[i];
            return unchecked(_descending ? (long)((ulong)high - offset) : (long)((ulong)low + offset));
        }

        public bool Contains(long k)
        {
            foreach (var (low, high) in _segments)
            {
                if (k >= low && k <= high)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
