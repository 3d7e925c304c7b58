using System.Text.RegularExpressions;
using GenDb.Generation.Randomness;
using GenDb.Generation.Semantics.Detection;
using GenDb.Generation.Values;

namespace GenDb.Generation.Semantics.Columns;

/// <summary>
/// Admits a concept generator only when its values keep the column's text rules: lengths,
/// non-blank, forbidden values and CHECK patterns. Bounds and lists are honoured when generators
/// are built; what can only be observed is checked on a sample, and patterns and forbidden
/// values are also checked value by value, with the type fallback for a value that misses.
/// </summary>
internal static class RuleGuard
{
    private const int SampleRows = 256;
    private const int Retries = 8;
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(200);

    public static IValueGenerator? Admit(IValueGenerator generator, ColumnFacts facts, Func<IValueGenerator> fallback)
    {
        var rules = facts.Rules;
        var checksValues = rules.Patterns.Count > 0 || rules.Forbidden.Count > 0;
        if (!checksValues && rules.MinLength is null or 0 && !rules.NotBlank && facts.MaxChars is null)
        {
            return generator;
        }

        if (!TryCompile(rules.Patterns, out var patterns) || Sample(generator, facts, patterns) is not { } kept)
        {
            return null;
        }

        if (!checksValues)
        {
            return generator;
        }

        // Unique values cannot be redrawn without losing uniqueness: all must keep the rules.
        // When every sampled one does (a unique email under CHECK (email LIKE '%_@_%')), the
        // generator is kept; a rare miss later makes the load fall back to PostgreSQL's filter,
        // which drops that row and asks for another. Others are redrawn when they miss, which
        // pays off when most of them keep the rules.
        if (generator.IsUnique)
        {
            return kept == SampleRows ? generator : null;
        }

        return kept >= SampleRows * 3 / 4 ? new RuleFilter(generator, patterns, rules.Forbidden, fallback()) : null;
    }

    /// <summary>POSIX regular expressions as .NET ones, where both read them the same; false for the rest.</summary>
    private static bool TryCompile(List<(string Pattern, bool IgnoreCase)> sources, out Regex[] patterns)
    {
        patterns = new Regex[sources.Count];
        for (var i = 0; i < sources.Count; i++)
        {
            var (pattern, ignoreCase) = sources[i];
            if (pattern.Contains("[[:", StringComparison.Ordinal) || pattern.Contains("\\m", StringComparison.Ordinal)
                || pattern.Contains("\\M", StringComparison.Ordinal) || pattern.Contains("\\y", StringComparison.Ordinal)
                || pattern.Contains("\\Y", StringComparison.Ordinal) || pattern.Contains("(?", StringComparison.Ordinal))
            {
                return false;
            }

            try
            {
                var options = RegexOptions.CultureInvariant | (ignoreCase ? RegexOptions.IgnoreCase : RegexOptions.None);
                patterns[i] = new Regex(pattern, options, MatchTimeout);
            }
            catch (ArgumentException)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// How many sampled values keep the patterns and avoid forbidden values; null when one breaks
    /// a length rule or is blank (which no redraw is meant to fix) or the generator fails.
    /// </summary>
    private static int? Sample(IValueGenerator generator, ColumnFacts facts, Regex[] patterns)
    {
        var rng = new Rng(0x5341_4D50_4C45);
        var output = new ValueBuilder();
        var rules = facts.Rules;
        var kept = 0;
        try
        {
            for (long i = 0; i < SampleRows; i++)
            {
                // Early rows and far ones: some generators change with the row number's width.
                var row = i < SampleRows / 2 ? i : 1_000_000 + i;
                output.Clear();
                generator.Write(row, ref rng, output);
                var value = output.ToString();
                var length = value.EnumerateRunes().Count();
                if (length > facts.MaxChars || length < rules.MinLength || (rules.NotBlank && string.IsNullOrWhiteSpace(value)))
                {
                    return null;
                }

                if (!rules.Forbidden.Contains(value) && Matches(value, patterns))
                {
                    kept++;
                }
            }
        }
        catch (GenerationException)
        {
            return null;
        }

        return facts.Rules.Patterns.Count > 0 || facts.Rules.Forbidden.Count > 0 ? kept : SampleRows;
    }

    public static bool Matches(string value, Regex[] patterns)
    {
        foreach (var pattern in patterns)
        {
            if (!pattern.IsMatch(value))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Redraws a value that misses a pattern or hits a forbidden value; after a few tries, asks the fallback.</summary>
    private sealed class RuleFilter(IValueGenerator inner, Regex[] patterns, HashSet<string> forbidden, IValueGenerator fallback) : IValueGenerator
    {
        public bool IsUnique => false;

        public void Write(long row, ref Rng rng, ValueBuilder output)
        {
            var start = output.Length;
            for (var attempt = 0; attempt < Retries; attempt++)
            {
                inner.Write(row, ref rng, output);
                var value = System.Text.Encoding.UTF8.GetString(output.WrittenSpan[start..]);
                if (!forbidden.Contains(value) && Matches(value, patterns))
                {
                    return;
                }

                output.Truncate(start);
            }

            fallback.Write(row, ref rng, output);
        }
    }
}
