using System.Globalization;
using GenDb.Generation.Constraints;

namespace GenDb.Generation.Semantics.Columns;

/// <summary>Everything a column's rules (its own and its domains') require, combined.</summary>
internal sealed class RuleView
{
    private readonly IReadOnlyList<ColumnRules> _rules;

    public RuleView(IReadOnlyList<ColumnRules> rules)
    {
        _rules = rules;
        foreach (var rule in rules)
        {
            if (rule.MaxLength is { } max)
            {
                MaxLength = Math.Min(MaxLength ?? int.MaxValue, max);
            }

            if (rule.MinLength is { } min)
            {
                MinLength = Math.Max(MinLength ?? 0, min);
            }

            NotBlank |= rule.NotBlank;
            if (rule.AllowedValues is { } allowed)
            {
                Allowed = Allowed is null ? [.. allowed] : [.. Allowed.Where(allowed.Contains)];
            }

            Forbidden.UnionWith(rule.ForbiddenValues);
            Patterns.AddRange(rule.Patterns.Select(p => (p, false)));
            Patterns.AddRange(rule.CaseInsensitivePatterns.Select(p => (p, true)));
            HasBounds |= rule.Lower is not null || rule.Upper is not null || rule.Intervals is not null;
        }
    }

    public int? MaxLength { get; }

    public int? MinLength { get; }

    public bool NotBlank { get; }

    /// <summary>The values every rule allows, in the first rule's order; null when no rule lists values.</summary>
    public List<string>? Allowed { get; }

    public HashSet<string> Forbidden { get; } = new(StringComparer.Ordinal);

    public List<(string Pattern, bool IgnoreCase)> Patterns { get; } = [];

    public bool HasBounds { get; }

    /// <summary>
    /// The allowed values as whole units: <paramref name="position"/> reads a bound's literal as a
    /// position in units (a number times 10^scale, seconds, days), null when it cannot.
    /// Null when some bound cannot be read.
    /// </summary>
    public UnitSet? Units(Func<string, decimal?> position)
    {
        var set = UnitSet.All;
        foreach (var rule in _rules)
        {
            if (!TryInterval(rule.Lower, rule.Upper, position, out var bounded))
            {
                return null;
            }

            set = set.Intersect(bounded);
            if (rule.Intervals is { } intervals)
            {
                var union = new List<UnitSet>();
                foreach (var interval in intervals)
                {
                    if (!TryInterval(interval.Lower, interval.Upper, position, out var part))
                    {
                        return null;
                    }

                    union.Add(part);
                }

                set = set.Intersect(UnitSet.Union(union));
            }
        }

        return set;
    }

    /// <summary>A number literal's position in units of 10^-<paramref name="scale"/>.</summary>
    public static Func<string, decimal?> NumberPosition(int scale) => literal =>
        decimal.TryParse(literal.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value * Pow10(scale)
            : null;

    public static decimal Pow10(int exponent)
    {
        var result = 1m;
        for (var i = 0; i < exponent; i++)
        {
            result *= 10;
        }

        return result;
    }

    private static bool TryInterval(ValueBound? lower, ValueBound? upper, Func<string, decimal?> position, out UnitSet set)
    {
        set = UnitSet.All;
        var lo = long.MinValue;
        var hi = long.MaxValue;
        if (lower is not null)
        {
            if (position(lower.Literal) is not { } at)
            {
                return false;
            }

            lo = Clamp(lower.Inclusive ? decimal.Ceiling(at) : decimal.Floor(at) + 1);
        }

        if (upper is not null)
        {
            if (position(upper.Literal) is not { } at)
            {
                return false;
            }

            hi = Clamp(upper.Inclusive ? decimal.Floor(at) : decimal.Ceiling(at) - 1);
        }

        set = UnitSet.Range(lo, hi);
        return true;
    }

    private static long Clamp(decimal value) =>
        value >= long.MaxValue ? long.MaxValue : value <= long.MinValue ? long.MinValue : (long)value;
}
