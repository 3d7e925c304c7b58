using GenDb.Generation.Constraints;

namespace GenDb.Generation.Values;

/// <summary>
/// Every <see cref="ColumnRules"/> a value must obey at once: the column's own and those of each
/// domain it is built on. Bounds are kept apart (comparing two literals needs the type, which the
/// generator knows); the rest is combined here.
/// </summary>
internal sealed class RuleSet
{
    private readonly ColumnRules[] _rules;

    private RuleSet(ColumnRules[] rules)
    {
        _rules = rules;
        foreach (var rule in rules)
        {
            NotBlank |= rule.NotBlank;
            if (rule.MinLength is { } min)
            {
                MinLength = Math.Max(MinLength ?? 0, min);
            }

            if (rule.MaxLength is { } max)
            {
                MaxLength = Math.Min(MaxLength ?? int.MaxValue, max);
            }

            if (rule.AllowedValues is { } allowed)
            {
                AllowedValues = AllowedValues is null ? allowed : Intersect(AllowedValues, allowed);
            }
        }

        Lowers = [.. rules.Select(r => r.Lower).OfType<ValueBound>()];
        Uppers = [.. rules.Select(r => r.Upper).OfType<ValueBound>()];
        IntervalSets = [.. rules.Select(r => r.Intervals).OfType<IReadOnlyList<ValueInterval>>()];
        ForbiddenValues = [.. rules.SelectMany(r => r.ForbiddenValues).Distinct(StringComparer.Ordinal)];
        Patterns = [.. rules.SelectMany(r => r.Patterns.Concat(r.CaseInsensitivePatterns)).Distinct(StringComparer.Ordinal)];
    }

    public static RuleSet None { get; } = new([]);

    public bool IsEmpty => _rules.Length == 0;

    public IReadOnlyList<ValueBound> Lowers { get; }

    public IReadOnlyList<ValueBound> Uppers { get; }

    /// <summary>Each list is one source of intervals; the value must lie in one interval of every list.</summary>
    public IReadOnlyList<IReadOnlyList<ValueInterval>> IntervalSets { get; }

    /// <summary>Values allowed by every rule that lists some; null when none does.</summary>
    public IReadOnlyList<string>? AllowedValues { get; }

    public IReadOnlyList<string> ForbiddenValues { get; }

    public int? MinLength { get; }

    public int? MaxLength { get; }

    /// <summary>
    /// Case-sensitive and case-insensitive patterns alike: a string matching a pattern exactly
    /// also matches it ignoring case.
    /// </summary>
    public IReadOnlyList<string> Patterns { get; }

    public bool NotBlank { get; }

    public RuleSet With(ColumnRules rules) => rules.IsEmpty ? this : new([.. _rules, rules]);

    private static string[] Intersect(IReadOnlyList<string> first, IReadOnlyList<string> second)
    {
        var both = first.Where(v => second.Contains(v, StringComparer.Ordinal)).ToArray();

        // Disjoint lists leave no value at all; keeping the first lets PostgreSQL report the conflict.
        return both.Length > 0 ? both : [.. first];
    }
}
