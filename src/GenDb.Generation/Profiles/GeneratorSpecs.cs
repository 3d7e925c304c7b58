using System.Globalization;
using GenDb.Generation.Values.Linear;

namespace GenDb.Generation.Profiles;

/// <summary>Checks of a <see cref="GeneratorSpec"/> that need no database: a pattern that parses, a faker path that exists.</summary>
public static class GeneratorSpecs
{
    /// <summary>What is wrong with the spec on its own, or null. The message does not repeat the location.</summary>
    public static string? Problem(GeneratorSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec switch
        {
            OneOfSpec oneOf => OneOfProblem(oneOf),
            RegexSpec regex => RegexProblem(regex.Pattern),
            RangeSpec range => RangeProblem(range),
            FakerSpec faker => FakerDataSets.TryResolve(faker.Path, out var problem) ? null : problem,
            TemplateSpec template => TemplateProblem(template.Template),
            SequenceSpec { Step: 0 } => "sequence step is 0, so every row would get the start value; use constant for that",
            _ => null,
        };
    }

    private static string? OneOfProblem(OneOfSpec spec)
    {
        if (spec.Values.Count == 0)
        {
            return "one_of needs at least one value";
        }

        if (spec.Weights is not { } weights)
        {
            return null;
        }

        if (weights.Count != spec.Values.Count)
        {
            return $"one_of has {spec.Values.Count} values but {weights.Count} weights; give one weight per value, or none";
        }

        for (var i = 0; i < weights.Count; i++)
        {
            if (!double.IsFinite(weights[i]) || weights[i] < 0)
            {
                return string.Create(CultureInfo.InvariantCulture, $"one_of weight {weights[i]} (of value \"{spec.Values[i]}\") is not a non-negative number");
            }
        }

        return weights.Sum() > 0 ? null : "one_of weights add up to 0; at least one must be positive";
    }

    private static string? RegexProblem(string pattern)
    {
        if (pattern.Length == 0)
        {
            return "regex is empty";
        }

        var automaton = RegexPatterns.TryAutomaton(RegexPatterns.Anchor(pattern), out var problem);
        if (automaton is null)
        {
            return $"regex \"{pattern}\" {problem}";
        }

        return RegexPatterns.ShortestMatch(automaton) is null ? $"regex \"{pattern}\" matches no string" : null;
    }

    private static string? RangeProblem(RangeSpec spec)
    {
        if (string.IsNullOrWhiteSpace(spec.Min) || string.IsNullOrWhiteSpace(spec.Max))
        {
            return "range needs both min and max";
        }

        // Numbers, or ISO dates and timestamps; other literals are judged against the column's type.
        var (min, max) = (spec.Min.Trim(), spec.Max.Trim());
        var ordered = decimal.TryParse(min, NumberStyles.Float, CultureInfo.InvariantCulture, out var low)
            && decimal.TryParse(max, NumberStyles.Float, CultureInfo.InvariantCulture, out var high)
            ? low <= high
            : !TemporalLiteral.TryParseTimestamp(min, applyOffset: true, out var from)
              || !TemporalLiteral.TryParseTimestamp(max, applyOffset: true, out var to)
              || from <= to;
        return ordered ? null : $"range min {min} is greater than max {max}";
    }

    /// <summary><c>{column}</c> placeholders must be closed and named; <c>{{</c> and <c>}}</c> are literal braces.</summary>
    private static string? TemplateProblem(string template)
    {
        for (var i = 0; i < template.Length; i++)
        {
            switch (template[i])
            {
                case '{' when i + 1 < template.Length && template[i + 1] == '{':
                case '}' when i + 1 < template.Length && template[i + 1] == '}':
                    i++;
                    break;
                case '{':
                    var close = template.IndexOf('}', i + 1);
                    var open = template.IndexOf('{', i + 1);
                    if (close < 0 || (open >= 0 && open < close))
                    {
                        return $"template has a {{ at position {i + 1} without a closing }}; write {{{{ for a literal brace";
                    }

                    if (string.IsNullOrWhiteSpace(template[(i + 1)..close]))
                    {
                        return $"template has an empty {{}} placeholder at position {i + 1}; name a column of the row, as in {{first_name}}";
                    }

                    i = close;
                    break;
                case '}':
                    return $"template has a }} at position {i + 1} without an opening {{; write }}}} for a literal brace";
            }
        }

        return null;
    }
}
