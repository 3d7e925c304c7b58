using System.Globalization;
using System.Text;
using Fare;
using GenDb.Generation.Constraints;
using GenDb.Generation.Randomness;
using GenDb.Generation.Semantics;
using GenDb.Generation.Semantics.Columns;
using GenDb.Generation.Values;
using GenDb.Generation.Values.Linear;
using GenDb.Generation.Values.Text;
using GenDb.Schema;

namespace GenDb.Generation.Profiles;

/// <summary>A generator that can make only so many distinct values (a one_of list, a constant, a bounded range).</summary>
public interface IBoundedGenerator : IValueGenerator
{
    /// <summary>How many distinct values it can write: a unique column gets at most this many rows.</summary>
    long DistinctValues { get; }
}

/// <summary>
/// Builds the generators gendb.yaml's per-column overrides name (<c>one_of</c>, <c>regex</c>,
/// <c>range</c>, <c>faker</c>, <c>constant</c>, <c>sequence</c>). What the column's type and its
/// CHECK and domain rules rule out is reported when the generator is built, as a
/// <see cref="GenerationException"/> with SQLSTATE F0000 (config_file_error) that names the place
/// in gendb.yaml, the column, the generator, the value and the rule, rather than as a COPY failure
/// halfway through a table.
/// </summary>
public static class OverrideGenerators
{
    /// <summary>PostgreSQL's config_file_error: the mistake is in gendb.yaml.</summary>
    public const string SqlState = "F0000";

    /// <summary>
    /// The generator for <paramref name="spec"/> on the column of <paramref name="context"/>; with
    /// <paramref name="unique"/>, one whose distinct rows get distinct values where the kind allows
    /// it (not faker, not constant). Throws <see cref="GenerationException"/> (F0000) when the
    /// spec cannot work for this column, and <see cref="ArgumentException"/> for <c>template</c>
    /// and <c>skip</c>, and for a NULL <c>constant</c> on a nullable column, which the engine
    /// applies itself.
    /// </summary>
    public static IValueGenerator Build(GeneratorSpec spec, ColumnContext context, bool unique)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(context);
        if (spec is TemplateSpec or SkipSpec)
        {
            throw new ArgumentException($"{spec.Kind} is applied by the generation engine, not built as a value generator.", nameof(spec));
        }

        var column = new OverrideColumn(spec, context);
        if (GeneratorSpecs.Problem(spec) is { } problem)
        {
            throw column.Error(problem, $"Fix the {spec.Kind} generator of {column.Name} in gendb.yaml.");
        }

        return spec switch
        {
            OneOfSpec oneOf => OneOf(oneOf, column, unique),
            RegexSpec regex => Regex(regex, column, unique),
            RangeSpec range => Range(range, column, unique),
            FakerSpec faker => Faker(faker, column),
            ConstantSpec constant => Constant(constant, column),
            SequenceSpec sequence => Sequence(sequence, column),
            _ => throw new ArgumentException($"Unknown generator kind {spec.Kind}.", nameof(spec)),
        };
    }

    private static IValueGenerator OneOf(OneOfSpec spec, OverrideColumn column, bool unique)
    {
        foreach (var value in spec.Values)
        {
            if (column.ValueProblem(value) is { } why)
            {
                throw column.Error(
                    $"one_of value \"{value}\" {why}",
                    $"Remove or change \"{value}\" in the one_of list of {column.Name} in gendb.yaml, or change the column's constraint.");
            }
        }

        if (unique && column.FirstDuplicate(spec.Values) is { } twice)
        {
            throw column.Error(
                $"one_of lists \"{twice}\" more than once, so its values cannot be unique",
                $"List each value once in the one_of of {column.Name} in gendb.yaml, or drop unique.");
        }

        return new OneOfGenerator(spec.Values, spec.Weights, unique ? column.Shuffled(spec.Values.Count, "one_of") : null, column.Target);
    }

    private static IValueGenerator Constant(ConstantSpec spec, OverrideColumn column)
    {
        if (spec.Value is null)
        {
            if (column.IsNotNull)
            {
                throw column.Error(
                    "constant is NULL, but the column is NOT NULL",
                    $"Give the constant of {column.Name} in gendb.yaml a value, or drop the NOT NULL constraint.");
            }

            throw new ArgumentException("A NULL constant is applied by the engine (every row NULL), not built as a value generator.", nameof(spec));
        }

        if (column.ValueProblem(spec.Value) is { } why)
        {
            throw column.Error(
                $"constant value \"{spec.Value}\" {why}",
                $"Set the constant of {column.Name} in gendb.yaml to a value the column accepts.");
        }

        return new ConstantGenerator(spec.Value);
    }

    private static IValueGenerator Regex(RegexSpec spec, OverrideColumn column, bool unique)
    {
        var shape = column.Shape;
        if (!shape.IsText)
        {
            throw column.Error(
                $"regex generates text, but the column's type is {column.Context.Column.TypeSql}",
                $"Use regex only on text, varchar, char or citext columns; for {column.Name} use one_of, range, sequence or constant in gendb.yaml.");
        }

        var anchored = RegexPatterns.Anchor(spec.Pattern);
        var automaton = RegexPatterns.TryAutomaton(anchored, out var invalid)
            ?? throw column.Error($"regex \"{spec.Pattern}\" {invalid}", $"Fix the regex of {column.Name} in gendb.yaml.");
        var rules = column.View;
        var min = rules.MinLength ?? 0;
        var max = Min(shape.MaxChars, rules.MaxLength);
        if (RegexPatterns.ShortestMatch(automaton) is not { } shortest)
        {
            throw column.Error($"regex \"{spec.Pattern}\" matches no string", $"Fix the regex of {column.Name} in gendb.yaml.");
        }

        if (max is { } limit && shortest > limit)
        {
            var allows = shape.MaxChars == limit ? $"{shape.TypeSql} allows" : "the column's CHECK allows";
            throw column.Error(
                $"regex \"{spec.Pattern}\": its shortest match is {shortest} characters, longer than {allows} ({limit})",
                $"Shorten the regex of {column.Name} in gendb.yaml so it can match {limit} characters or fewer, or widen the column.");
        }

        if (PatternLanguage.TryCreate([anchored], min, max) is null)
        {
            throw column.Error(
                $"regex \"{spec.Pattern}\" has no match of {min} to {max?.ToString(CultureInfo.InvariantCulture) ?? "256"} characters, the lengths the column takes",
                $"Change the regex of {column.Name} in gendb.yaml so it matches strings of a length the column takes.");
        }

        if (rules.Allowed is { } allowed)
        {
            // A list of allowed values replaces any generator: keep those the regex matches.
            var matching = allowed.Where(v => automaton.Run(v) && column.ValueProblem(v) is null).Distinct(StringComparer.Ordinal).ToList();
            if (matching.Count == 0)
            {
                throw column.Error(
                    $"regex \"{spec.Pattern}\" matches none of the values the column's CHECK allows ({Quoted(allowed)})",
                    $"Change the regex of {column.Name} in gendb.yaml, or use one_of with the allowed values.");
            }

            return new OneOfGenerator(matching, null, unique ? column.Shuffled(matching.Count, "regex") : null, column.Target);
        }

        // A CHECK pattern GenDB cannot translate is left to PostgreSQL; generating from the
        // others keeps the override's own pattern in force.
        var own = column.Context.Rules;
        var checkPatterns = own.Patterns.Where(RegexPatterns.IsTranslatable).ToList();
        var checkInsensitive = own.CaseInsensitivePatterns.Where(RegexPatterns.IsTranslatable).ToList();
        var allPatterns = rules.Patterns.Select(p => p.Pattern).Where(RegexPatterns.IsTranslatable).Append(anchored).ToList();
        if (allPatterns.Count == 1 || PatternLanguage.TryCreate(allPatterns, min, max) is not null)
        {
            return column.Fallback(own with { Patterns = [.. checkPatterns, anchored], CaseInsensitivePatterns = checkInsensitive }, unique, "regex");
        }

        // GenDB reads a CHECK pattern open at its end ('^[A-Z]') as a match followed by a few
        // letters or digits, which can leave nothing in common with the override ('[A-Z]{2}-[0-9]{3}')
        // although its strings pass the CHECK. Generating from the override and testing a sample
        // against the CHECK's patterns tells a real conflict from that.
        var generator = column.Fallback(own with { Patterns = [anchored], CaseInsensitivePatterns = [] }, unique, "regex");
        var checks = RegexPatterns.Compile(rules.Patterns);
        const int SampleSize = 64;
        var rng = new Rng(column.Seed("regex"));
        var output = new ValueBuilder();
        var matched = 0;
        for (var i = 0; i < SampleSize; i++)
        {
            output.Clear();
            generator.Write(i, ref rng, output);
            matched += RegexPatterns.MatchesAll(output.ToString(), checks) ? 1 : 0;
        }

        // Unique values cannot be drawn again: all must match.
        if (matched < SampleSize * 3 / 4 || (generator.IsUnique && matched < SampleSize))
        {
            throw column.Error(
                $"regex \"{spec.Pattern}\": {SampleSize - matched} of {SampleSize} sampled strings do not match the column's CHECK pattern(s) {string.Join(", ", rules.Patterns.Select(p => $"'{p.Pattern}'"))}",
                $"Change the regex of {column.Name} in gendb.yaml so its strings satisfy the column's CHECK, or drop the override.");
        }

        return generator.IsUnique || checks.Length == 0 ? generator : new PatternCheckedGenerator(generator, checks);
    }

    private static IValueGenerator Range(RangeSpec spec, OverrideColumn column, bool unique)
    {
        var shape = column.Shape;
        if (column.Comparison is null || !(shape.IsNumber || shape.IsInstant || shape.Kind is ValueKind.Time or ValueKind.Interval))
        {
            throw column.Error(
                $"range needs a number, date, timestamp, time or interval column, but the column's type is {column.Context.Column.TypeSql}",
                $"Use one_of, regex or constant for {column.Name} in gendb.yaml.");
        }

        var min = column.RangeEnd(spec.Min, "min");
        var max = column.RangeEnd(spec.Max, "max");
        if (min > max)
        {
            throw column.Error(
                $"range min {spec.Min} is greater than max {spec.Max}",
                $"Swap min and max of the range of {column.Name} in gendb.yaml.");
        }

        if (unique && spec.Distribution != RangeDistribution.Uniform)
        {
            throw column.Error(
                $"range with distribution {spec.Distribution.ToString().ToLowerInvariant()} cannot give unique values",
                $"Use distribution: uniform for the range of {column.Name} in gendb.yaml, since the column is unique.");
        }

        var type = column.RangeType(spec.Min, spec.Max);
        var rangeRule = new ColumnRules { Lower = new ValueBound(spec.Min.Trim(), true), Upper = new ValueBound(spec.Max.Trim(), true) };
        var columnRules = shape.Rules.Aggregate(RuleSet.None, (set, rule) => set.With(rule));
        var domain = LinearDomain.Build(type, columnRules.With(rangeRule));
        if (domain.IsEmpty)
        {
            var reason = LinearDomain.Build(type, columnRules).IsEmpty
                ? $"the column's constraints leave no value of {shape.TypeSql} at all"
                : LinearDomain.Build(type, RuleSet.None.With(rangeRule)).IsEmpty
                    ? $"no value of {shape.TypeSql} lies between them"
                    : $"it lies outside what the column's CHECK allows ({column.DescribeBounds()})";
            throw column.Error(
                $"range {spec.Min} to {spec.Max} holds no value the column accepts: {reason}",
                $"Set min and max of the range of {column.Name} in gendb.yaml inside the column's CHECK bounds.");
        }

        if (column.View.Allowed is { } allowed)
        {
            // A list of allowed values replaces any generator: keep those inside the range.
            var inside = allowed
                .Where(v => column.Comparison.TryParse(v, out var steps) && steps >= min && steps <= max && column.ValueProblem(v) is null)
                .Distinct(StringComparer.Ordinal)
                .ToList();
            if (inside.Count == 0)
            {
                throw column.Error(
                    $"range {spec.Min} to {spec.Max} holds none of the values the column's CHECK allows ({Quoted(allowed)})",
                    $"Set the range of {column.Name} in gendb.yaml around the allowed values, or use one_of.");
            }

            return new OneOfGenerator(inside, null, unique ? column.Shuffled(inside.Count, "range") : null, column.Target);
        }

        // The steps the range spans once the column's own bounds cut it.
        var low = LinearDomain.LowerStep(type, rangeRule.Lower!) ?? type.Min;
        var high = LinearDomain.UpperStep(type, rangeRule.Upper!) ?? type.Max;
        foreach (var rule in shape.Rules)
        {
            low = rule.Lower is { } lower && LinearDomain.LowerStep(type, lower) is { } l ? Math.Max(low, l) : low;
            high = rule.Upper is { } upper && LinearDomain.UpperStep(type, upper) is { } h ? Math.Min(high, h) : high;
        }

        low = Math.Max(low, type.Min);
        high = Math.Min(high, type.Max);
        if (low > high)
        {
            throw column.Error(
                $"range {spec.Min} to {spec.Max} holds no value the column accepts: it lies outside what the column's CHECK allows ({column.DescribeBounds()})",
                $"Set min and max of the range of {column.Name} in gendb.yaml inside the column's CHECK bounds.");
        }

        var permutation = unique ? Permutation.Create(domain.Count, column.Seed("range")) : null;
        return new RangeGenerator(type, domain, low, high, spec.Distribution, permutation, column.Target);
    }

    private static IValueGenerator Faker(FakerSpec spec, OverrideColumn column)
    {
        var locale = column.Context.Locale;
        if (!FakerDataSets.TryNormalizeLocale(locale, out var bogusLocale))
        {
            throw column.Error(
                $"faker {spec.Path}: locale \"{locale}\" is not a Bogus locale",
                $"Set locale in gendb.yaml to one of: {string.Join(", ", FakerDataSets.Locales)}.");
        }

        var method = FakerDataSets.Resolve(spec.Path);
        var shape = column.Shape;
        var maxChars = shape.IsText ? Min(shape.MaxChars, column.View.MaxLength) : null;
        var checks = shape.Kind != ValueKind.Unsupported || !column.View.IsEmpty();
        Func<string, bool>? accept = checks ? v => column.ValueProblem(v) is null : null;

        // A sample tells a method that suits the column (a few values to draw again) from one
        // that does not (most values rejected): the latter is a mistake in gendb.yaml.
        const int SampleSize = 64;
        var rng = new Rng(column.Seed("faker"));
        var rejected = 0;
        (string Value, string Why)? example = null;
        for (var i = 0; i < SampleSize; i++)
        {
            string value;
            try
            {
                value = method.Draw(ref rng, bogusLocale);
            }
            catch (InvalidOperationException ex)
            {
                throw column.Error($"faker {method.Path}: {ex.Message}", $"Choose another faker method for {column.Name} in gendb.yaml.");
            }

            if (checks && column.ValueProblem(value) is { } why)
            {
                rejected++;
                example ??= (value, why);
            }
        }

        if (rejected > SampleSize / 4 && example is var (bad, reason))
        {
            throw column.Error(
                $"faker {method.Path}: {rejected} of {SampleSize} sampled values do not fit the column; for example \"{bad}\" {reason}",
                $"Choose a faker method whose values fit {column.Name} ({column.Context.Column.TypeSql}) in gendb.yaml, or widen the column.");
        }

        return new FakerGenerator(method, bogusLocale, accept, maxChars);
    }

    private static IValueGenerator Sequence(SequenceSpec spec, OverrideColumn column)
    {
        var shape = column.Shape;
        if (!(shape.IsNumber || shape.IsText))
        {
            throw column.Error(
                $"sequence writes whole numbers, but the column's type is {column.Context.Column.TypeSql}",
                $"Use sequence only on number or text columns; for {column.Name} use range, one_of or constant in gendb.yaml.");
        }

        var start = spec.Start.ToString(CultureInfo.InvariantCulture);
        if (column.ValueProblem(start) is { } why)
        {
            throw column.Error(
                $"sequence start {start} {why}",
                $"Set the sequence start of {column.Name} in gendb.yaml to a value the column accepts.");
        }

        var (lowest, highest) = column.SequenceLimits();
        if (spec.Start < lowest || spec.Start > highest)
        {
            throw column.Error(
                $"sequence start {start} is outside {lowest} to {highest}, the whole numbers the column takes",
                $"Set the sequence start of {column.Name} in gendb.yaml between {lowest} and {highest}.");
        }

        return new SequenceGenerator(spec.Start, spec.Step, lowest, highest, column.Name, column.Target);
    }

    private static int? Min(int? a, int? b) => a is null ? b : b is null ? a : Math.Min(a.Value, b.Value);

    internal static string Quoted(IEnumerable<string> values)
    {
        var list = values.Take(11).Select(v => $"'{v}'").ToList();
        return list.Count > 10 ? string.Join(", ", list.Take(10)) + ", …" : string.Join(", ", list);
    }

    private static bool IsEmpty(this RuleView view) =>
        view.MaxLength is null && view.MinLength is null && !view.NotBlank && view.Allowed is null && view.Forbidden.Count == 0 && !view.HasBounds;
}

/// <summary>What an override needs to know of its column: its type with domains looked through, every rule on it, and how to report a mistake.</summary>
internal sealed class OverrideColumn
{
    private const int MaxDomainDepth = 16;

    private readonly GeneratorSpec _spec;

    public OverrideColumn(GeneratorSpec spec, ColumnContext context)
    {
        _spec = spec;
        Context = context;
        Shape = ColumnShape.Read(context.Column, context.Model, context.Rules);
        View = new RuleView(Shape.Rules);
        Comparison = ComparisonType(Shape);
        Target = new GenerationTarget(context.Table, context.Column);
        Name = $"{context.Table.QualifiedName}.{context.Column.Name}";
    }

    public ColumnContext Context { get; }

    public ColumnShape Shape { get; }

    /// <summary>The column's rules and its domains', combined.</summary>
    public RuleView View { get; }

    /// <summary>The type as steps, to compare literals with bounds; null where values are not ordered (text, uuid …).</summary>
    public LinearType? Comparison { get; }

    public GenerationTarget Target { get; }

    /// <summary><c>schema.table.column</c>, for messages.</summary>
    public string Name { get; }

    public bool IsNotNull => Context.Column.NotNull || Shape.Rules.Any(r => r.NotNull) || NotNullDomain();

    private bool IsBpchar => Shape.TypeSql.StartsWith("character(", StringComparison.Ordinal) || Shape.TypeSql is "character" or "bpchar";

    private bool IsCaseInsensitive => Shape.CaseInsensitive;

    /// <summary>An F0000 error, prefixed with the spec's place in gendb.yaml and the column.</summary>
    public GenerationException Error(string what, string hint) =>
        new(OverrideGenerators.SqlState, Message(what), hint)
        {
            Table = Context.Table.QualifiedName.ToString(),
            Column = Context.Column.Name,
        };

    /// <summary><c>gendb.yaml:12:9: schema.table.column: </c> and what went wrong.</summary>
    public string Message(string what) => _spec.Where is { } location ? $"{location}: {Name}: {what}" : $"{Name}: {what}";

    /// <summary>A seed for this column's override that depends on the table's seed and the names alone.</summary>
    public ulong Seed(string purpose) =>
        StableSeed.Derive(unchecked((long)Context.TableSeed), Context.Table.Schema, Context.Table.Name, Context.Column.Name, purpose);

    /// <summary>0..count-1 in an order fixed by the table's seed.</summary>
    public int[] Shuffled(int count, string purpose)
    {
        var order = Enumerable.Range(0, count).ToArray();
        var rng = new Rng(Seed(purpose));
        for (var i = count - 1; i > 0; i--)
        {
            var j = (int)rng.NextBelow((ulong)i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }

        return order;
    }

    /// <summary>
    /// Why the column cannot take <paramref name="value"/> (its text input form), as far as its type
    /// and rules tell without a database; null when nothing is known against it.
    /// </summary>
    public string? ValueProblem(string value)
    {
        var length = value.EnumerateRunes().Count();
        if (Shape.IsText)
        {
            // char(n) drops the spaces it would pad with anyway, so they do not count against n.
            var counted = IsBpchar && Shape.MaxChars is { } n && length > n ? value.TrimEnd(' ').EnumerateRunes().Count() : length;
            if (Shape.MaxChars is { } chars && counted > chars)
            {
                return $"is {length} characters long, but {Shape.TypeSql} holds at most {chars}";
            }
        }

        if (View.MaxLength is { } max && length > max)
        {
            return $"is {length} characters long, but the column's CHECK allows at most {max}";
        }

        if (View.MinLength is { } min && length < min)
        {
            return $"is {length} characters long, but the column's CHECK requires at least {min}";
        }

        if (View.NotBlank && value.Trim(' ').Length == 0)
        {
            return "is blank, but the column's CHECK requires more than spaces";
        }

        if (Comparison is { } type && TypeProblem(type, value, bounds: true) is { } typeProblem)
        {
            return typeProblem;
        }

        if (View.Allowed is { } allowed && !allowed.Any(a => Same(a, value)))
        {
            return $"is not one of the values the column's CHECK allows ({OverrideGenerators.Quoted(allowed)})";
        }

        return View.Forbidden.Any(f => Same(f, value)) ? "is a value the column's CHECK forbids" : null;
    }

    /// <summary>The first value listed twice, as the column compares them; null when all differ.</summary>
    public string? FirstDuplicate(IReadOnlyList<string> values)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return values.FirstOrDefault(v => !seen.Add(Key(v)));
    }

    /// <summary>A range end as steps of the column's type; throws F0000 when it is not a value of the type.</summary>
    public decimal RangeEnd(string literal, string which)
    {
        var type = Comparison!;
        var text = literal.Trim();
        var hint = $"Write the range {which} of {Name} in gendb.yaml as a literal of {Context.Column.TypeSql}.";
        if (!type.TryParse(text, out var steps))
        {
            throw Error($"range {which} \"{literal}\" is not a valid {Shape.TypeSql}", hint);
        }

        if (Shape.IsNumber && NumberLiteral.TryParse(text, out var number) && Math.Abs(number) == decimal.MaxValue)
        {
            throw Error($"range {which} \"{literal}\" is not a finite number", hint);
        }

        if (TypeProblem(type, text, bounds: false) is { } why)
        {
            throw Error($"range {which} {text} {why}", hint);
        }

        if (!Shape.IsNumber && (steps < type.Min || steps > type.Max))
        {
            throw Error($"range {which} {text} is outside the values {Shape.TypeSql} can hold", hint);
        }

        return steps;
    }

    /// <summary>
    /// The type values of a range are written at: numbers at the column's scale (two decimals,
    /// or as many as the ends have, when it sets none), dates and times at their precision.
    /// </summary>
    public LinearType RangeType(string min, string max)
    {
        var typeSql = Shape.TypeSql;
        var wanted = Math.Max(2, Math.Max(Decimals(min), Decimals(max)));
        switch (Shape.Kind)
        {
            case ValueKind.Numeric:
                return ScaledDecimalType.Numeric(typeSql, Shape.Precision, Shape.Scale, Shape.Scale ?? Math.Min(wanted, 15));
            case ValueKind.Float:
                // A float keeps 6 (real) or 15 (double) significant digits: wide ranges step coarser.
                var single = IsReal(typeSql);
                var digits = single ? 6 : 15;
                var scale = Math.Min(wanted, digits);
                var magnitude = Math.Max(Math.Abs(Number(min)), Math.Abs(Number(max)));
                while (scale > -28 && NumberLiteral.ScaleBy(magnitude, scale) >= NumberLiteral.ScaleBy(1m, digits))
                {
                    scale--;
                }

                return ScaledDecimalType.Float(typeSql, single, scale);
            default:
                return Comparison!;
        }
    }

    /// <summary>The column's bounds as people read them: <c>&gt;= 0 and &lt; 100</c>.</summary>
    public string DescribeBounds()
    {
        var parts = new List<string>();
        foreach (var rule in Shape.Rules)
        {
            if (rule.Lower is { } lower)
            {
                parts.Add($"{(lower.Inclusive ? ">=" : ">")} {lower.Literal}");
            }

            if (rule.Upper is { } upper)
            {
                parts.Add($"{(upper.Inclusive ? "<=" : "<")} {upper.Literal}");
            }

            if (rule.Intervals is not null)
            {
                parts.Add("the table's partition bounds");
            }

            if (rule.ForbiddenValues.Count > 0)
            {
                parts.Add($"not {OverrideGenerators.Quoted(rule.ForbiddenValues)}");
            }
        }

        return parts.Count == 0 ? "its type" : string.Join(" and ", parts);
    }

    /// <summary>The whole numbers a sequence may write: the type's range (or length) cut by the column's bounds.</summary>
    public (long Lowest, long Highest) SequenceLimits()
    {
        long lowest;
        long highest;
        switch (Shape.Kind)
        {
            case ValueKind.Integer:
                (lowest, highest) = (Shape.IntegerMin, Shape.IntegerMax);
                break;
            case ValueKind.Numeric when Shape.Precision is { } precision:
                var digits = precision - (Shape.Scale ?? 0);
                highest = digits <= 0 ? 0 : digits >= 19 ? long.MaxValue : NumberLiteral.Pow10Long(digits) - 1;
                lowest = -highest;
                break;
            case ValueKind.Float:
                // Beyond 2^24 (real) or 2^53 (double) consecutive whole numbers are no longer distinct floats.
                highest = IsReal(Shape.TypeSql) ? 1L << 24 : 1L << 53;
                lowest = -highest;
                break;
            case ValueKind.Money:
                highest = long.MaxValue / 100;
                lowest = -highest;
                break;
            case ValueKind.Text:
                var max = Shape.MaxChars is { } chars ? Math.Min(chars, View.MaxLength ?? int.MaxValue) : View.MaxLength;
                highest = max is not { } n ? long.MaxValue : n >= 19 ? long.MaxValue : NumberLiteral.Pow10Long(n) - 1;
                lowest = max is not { } m ? long.MinValue : m >= 20 ? long.MinValue : m <= 1 ? 0 : -(NumberLiteral.Pow10Long(m - 1) - 1);
                break;
            default:
                (lowest, highest) = (long.MinValue, long.MaxValue);
                break;
        }

        if (Shape.IsNumber)
        {
            var steps = new IntegerType(Shape.TypeSql, long.MinValue, long.MaxValue);
            foreach (var rule in Shape.Rules)
            {
                lowest = rule.Lower is { } lower && LinearDomain.LowerStep(steps, lower) is { } l ? Math.Max(lowest, l) : lowest;
                highest = rule.Upper is { } upper && LinearDomain.UpperStep(steps, upper) is { } h ? Math.Min(highest, h) : highest;
            }
        }

        return (lowest, highest);
    }

    /// <summary>The type fallback with <paramref name="rules"/> in place of the column's own; its errors name the override.</summary>
    public IValueGenerator Fallback(ColumnRules rules, bool unique, string kind)
    {
        try
        {
            return ValueGenerators.ForColumn(Context.Table, Context.Column, Context.Model, rules, unique);
        }
        catch (GenerationException ex)
        {
            // "No value satisfies the constraints" is the override's doing here: a gendb.yaml error.
            throw new GenerationException(SqlStateOf(ex), Message($"{kind}: {ex.Message}"), ex.Hint, ex)
            {
                Table = ex.Table,
                Column = ex.Column,
            };
        }

        static string SqlStateOf(GenerationException ex) => ex.SqlState == "23514" ? OverrideGenerators.SqlState : ex.SqlState;
    }

    /// <summary>Why <paramref name="value"/> is not a value of the type, or (with <paramref name="bounds"/>) lies outside the column's bounds.</summary>
    private string? TypeProblem(LinearType type, string value, bool bounds)
    {
        if (!type.TryParse(value, out var steps))
        {
            return Shape.Kind switch
            {
                ValueKind.Enum => $"is not a label of {Shape.TypeSql} ({OverrideGenerators.Quoted(Shape.Labels)})",
                _ when Shape.IsNumber => $"is not a valid {Shape.TypeSql}",
                ValueKind.Bool => "is not a valid boolean",

                // Dates and times in forms other than ISO are left to PostgreSQL.
                _ => null,
            };
        }

        if (Shape.Kind == ValueKind.Integer)
        {
            if (steps != decimal.Truncate(steps))
            {
                return $"is not a whole number, which {Shape.TypeSql} needs";
            }

            if (steps < Shape.IntegerMin || steps > Shape.IntegerMax)
            {
                return $"is outside the range of {Shape.TypeSql} ({Shape.IntegerMin} to {Shape.IntegerMax})";
            }
        }

        if (Shape is { Kind: ValueKind.Numeric, Precision: { } precision } && NumberLiteral.TryParse(value, out var number))
        {
            var scale = Shape.Scale ?? 0;
            var limit = NumberLiteral.ScaleBy(1m, precision - scale);
            if (Math.Abs(Math.Round(number, Math.Clamp(scale, 0, 28), MidpointRounding.AwayFromZero)) >= limit)
            {
                return $"is too large for {Shape.TypeSql}, which holds values below {limit.ToString(CultureInfo.InvariantCulture)} in magnitude";
            }
        }

        foreach (var rule in bounds ? Shape.Rules : [])
        {
            if (rule.Lower is { } lower && type.TryParse(lower.Literal, out var low) && (steps < low || (steps == low && !lower.Inclusive)))
            {
                return $"is below the lower bound of the column's CHECK ({(lower.Inclusive ? ">=" : ">")} {lower.Literal})";
            }

            if (rule.Upper is { } upper && type.TryParse(upper.Literal, out var high) && (steps > high || (steps == high && !upper.Inclusive)))
            {
                return $"is above the upper bound of the column's CHECK ({(upper.Inclusive ? "<=" : "<")} {upper.Literal})";
            }

            if (rule.Intervals is { } intervals && !intervals.Any(i => Inside(type, i, steps)))
            {
                return "lies in none of the table's partitions";
            }
        }

        return null;
    }

    /// <summary>Whether <paramref name="steps"/> lies in the interval; an end not understood counts as open (PostgreSQL judges).</summary>
    private static bool Inside(LinearType type, ValueInterval interval, decimal steps)
    {
        if (interval.Lower is { } lower && type.TryParse(lower.Literal, out var low) && (steps < low || (steps == low && !lower.Inclusive)))
        {
            return false;
        }

        return !(interval.Upper is { } upper && type.TryParse(upper.Literal, out var high) && (steps > high || (steps == high && !upper.Inclusive)));
    }

    /// <summary>Whether the column sees two literals as one value (1 and 1.0 in a numeric, 'a' and 'A' in citext).</summary>
    private bool Same(string a, string b) => string.Equals(Key(a), Key(b), StringComparison.Ordinal);

    private string Key(string value)
    {
        if (Comparison is { } type && type.TryParse(value, out var steps))
        {
            return "#" + steps.ToString(CultureInfo.InvariantCulture);
        }

        if (IsBpchar)
        {
            value = value.TrimEnd(' ');
        }

        return IsCaseInsensitive ? value.ToLowerInvariant() : value;
    }

    private bool NotNullDomain()
    {
        var type = Context.Column.Type;
        for (var depth = 0; type.Kind == TypeKind.Domain && depth <= MaxDomainDepth; depth++)
        {
            if (Context.Model.FindType(type.Schema, type.Name) is not DomainTypeModel domain)
            {
                return false;
            }

            if (domain.NotNull)
            {
                return true;
            }

            type = domain.BaseType;
        }

        return false;
    }

    private static bool IsReal(string typeSql) => typeSql.StartsWith("real", StringComparison.Ordinal) || typeSql.StartsWith("float4", StringComparison.Ordinal);

    private static decimal Number(string literal) => NumberLiteral.TryParse(literal, out var value) ? value : 0m;

    private static int Decimals(string literal) => NumberLiteral.TryParse(literal, out var value) ? NumberLiteral.Scale(value) : 0;

    /// <summary>The column's type as steps, for comparing literals; null for unordered types.</summary>
    private static LinearType? ComparisonType(ColumnShape shape)
    {
        var typeSql = shape.TypeSql;
        return shape.Kind switch
        {
            ValueKind.Integer => new IntegerType(typeSql, shape.IntegerMin, shape.IntegerMax),
            ValueKind.Numeric => ScaledDecimalType.Numeric(typeSql, shape.Precision, shape.Scale, shape.Scale ?? 6),
            ValueKind.Float => ScaledDecimalType.Float(typeSql, IsReal(typeSql), 0),
            ValueKind.Money => ScaledDecimalType.Money(typeSql),
            ValueKind.Date => new DateType(typeSql),
            ValueKind.Timestamp => new TimestampType(typeSql, TypeModifier.Single(typeSql), withZone: false),
            ValueKind.TimestampTz => new TimestampType(typeSql, TypeModifier.Single(typeSql), withZone: true),
            ValueKind.Time => new TimeType(typeSql, TypeModifier.Single(typeSql), withZone: false),
            ValueKind.Interval => IntervalType.Create(typeSql, TypeModifier.IntervalSmallestField(typeSql), TypeModifier.Single(typeSql)),
            ValueKind.Bool => new BoolType(typeSql),
            ValueKind.Enum => new LabelType(typeSql, shape.Labels),
            _ => null,
        };
    }
}

/// <summary>Regexes of gendb.yaml: anchored, translated as CHECK patterns are, and measured.</summary>
internal static class RegexPatterns
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(200);

    /// <summary>POSIX classes and word anchors .NET reads differently or not at all.</summary>
    private static readonly string[] PosixOnly = ["[[:", "\\m", "\\M", "\\y", "\\Y", "(?"];

    /// <summary>
    /// The pattern matched against the whole value: <c>[A-Z]{3}</c> → <c>^(?:[A-Z]{3})$</c>. Anchors
    /// the user wrote are kept out of the group (PostgreSQL allows <c>^</c> only at its start).
    /// </summary>
    public static string Anchor(string pattern)
    {
        var options = string.Empty;
        var core = pattern;
        if (core.StartsWith("(?", StringComparison.Ordinal) && core.IndexOf(')', StringComparison.Ordinal) is var close and > 2
            && core.AsSpan(2, close - 2).IndexOfAnyExcept("bceimnpqstw") < 0)
        {
            options = core[..(close + 1)];
            core = core[(close + 1)..];
        }

        if (core.StartsWith('^'))
        {
            core = core[1..];
        }

        if (core.EndsWith('$') && !EscapedAt(core, core.Length - 1))
        {
            core = core[..^1];
        }

        return $"{options}^(?:{core})$";
    }

    /// <summary>The automaton of a PostgreSQL regex as GenDB generates from it; null with the reason when it has none.</summary>
    public static Automaton? TryAutomaton(string pattern, out string? problem)
    {
        var fare = new StringBuilder();
        if (!PosixPattern.TryTranslate(pattern, fare, new SortedSet<char>()))
        {
            problem = SyntaxError(pattern) is { } error
                ? $"is not a valid regular expression: {error}"
                : "uses a construct GenDB cannot generate from (back references, lookaround, word boundaries, or an anchor inside the pattern)";
            return null;
        }

        try
        {
            problem = null;
            return new RegExp(fare.ToString(), default(RegExpSyntaxOptions)).ToAutomaton();
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or IndexOutOfRangeException or FormatException or NullReferenceException)
        {
            // Fare rejects what it cannot parse with a variety of exceptions.
            problem = $"is not a valid pattern: {ex.Message}";
            return null;
        }
    }

    public static bool IsTranslatable(string pattern) => TryAutomaton(pattern, out _) is not null;

    /// <summary>
    /// What .NET finds wrong with the pattern's syntax (an unclosed group, a reversed range), or
    /// null. Only asked about patterns GenDB could not translate: .NET refuses some valid
    /// PostgreSQL escapes (<c>\m</c>), so its word decides only between two failures.
    /// </summary>
    private static string? SyntaxError(string pattern)
    {
        try
        {
            _ = new System.Text.RegularExpressions.Regex(pattern, System.Text.RegularExpressions.RegexOptions.None, MatchTimeout);
            return null;
        }
        catch (System.Text.RegularExpressions.RegexParseException ex)
        {
            return ex.Error switch
            {
                System.Text.RegularExpressions.RegexParseError.InsufficientClosingParentheses => "a ( is not closed",
                System.Text.RegularExpressions.RegexParseError.InsufficientOpeningParentheses => "a ) has no (",
                System.Text.RegularExpressions.RegexParseError.UnterminatedBracket => "a [ is not closed",
                System.Text.RegularExpressions.RegexParseError.ReversedCharacterRange => "a range in [] runs backwards",
                System.Text.RegularExpressions.RegexParseError.ReversedQuantifierRange => "a {m,n} has m greater than n",
                _ => $"{ex.Error} at offset {ex.Offset}",
            };
        }
    }

    /// <summary>
    /// CHECK patterns as .NET regexes, where both read them alike; the others are left out
    /// (PostgreSQL judges those).
    /// </summary>
    public static System.Text.RegularExpressions.Regex[] Compile(IEnumerable<(string Pattern, bool IgnoreCase)> patterns)
    {
        var compiled = new List<System.Text.RegularExpressions.Regex>();
        foreach (var (pattern, ignoreCase) in patterns)
        {
            if (PosixOnly.Any(p => pattern.Contains(p, StringComparison.Ordinal)))
            {
                continue;
            }

            try
            {
                var options = System.Text.RegularExpressions.RegexOptions.CultureInvariant
                    | (ignoreCase ? System.Text.RegularExpressions.RegexOptions.IgnoreCase : System.Text.RegularExpressions.RegexOptions.None);
                compiled.Add(new System.Text.RegularExpressions.Regex(pattern, options, MatchTimeout));
            }
            catch (ArgumentException)
            {
                // Not a .NET pattern: left to PostgreSQL.
            }
        }

        return [.. compiled];
    }

    public static bool MatchesAll(string value, System.Text.RegularExpressions.Regex[] patterns)
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

    /// <summary>The length of the shortest string the automaton accepts; null when it accepts none.</summary>
    public static int? ShortestMatch(Automaton automaton)
    {
        var seen = new HashSet<State> { automaton.Initial };
        var level = new List<State> { automaton.Initial };
        for (var length = 0; level.Count > 0; length++)
        {
            if (level.Any(s => s.Accept))
            {
                return length;
            }

            var next = new List<State>();
            foreach (var state in level)
            {
                foreach (var transition in state.Transitions)
                {
                    if (seen.Add(transition.To))
                    {
                        next.Add(transition.To);
                    }
                }
            }

            level = next;
        }

        return null;
    }

    private static bool EscapedAt(string text, int index)
    {
        var backslashes = 0;
        for (var i = index - 1; i >= 0 && text[i] == '\\'; i--)
        {
            backslashes++;
        }

        return backslashes % 2 == 1;
    }
}

/// <summary>Draws again (a few times) a string that misses one of the column's CHECK patterns.</summary>
internal sealed class PatternCheckedGenerator(IValueGenerator inner, System.Text.RegularExpressions.Regex[] patterns) : IValueGenerator
{
    private const int Attempts = 16;

    public bool IsUnique => false;

    public void Write(long row, ref Rng rng, ValueBuilder output)
    {
        var start = output.Length;
        for (var attempt = 0; ; attempt++)
        {
            inner.Write(row, ref rng, output);
            if (attempt == Attempts || RegexPatterns.MatchesAll(Encoding.UTF8.GetString(output.WrittenSpan[start..]), patterns))
            {
                return;
            }

            output.Truncate(start);
        }
    }
}

/// <summary>One of a list of values, by weight; or, unique, each value once in a shuffled order.</summary>
internal sealed class OneOfGenerator : IBoundedGenerator
{
    private readonly byte[][] _values;
    private readonly double[]? _cumulative;
    private readonly int[]? _order;
    private readonly GenerationTarget _target;

    public OneOfGenerator(IReadOnlyList<string> values, IReadOnlyList<double>? weights, int[]? order, GenerationTarget target)
    {
        _values = [.. values.Select(Encoding.UTF8.GetBytes)];
        _order = order;
        _target = target;
        if (weights is not null && order is null)
        {
            _cumulative = new double[weights.Count];
            var total = 0.0;
            for (var i = 0; i < weights.Count; i++)
            {
                total += weights[i];
                _cumulative[i] = total;
            }
        }
    }

    public bool IsUnique => _order is not null;

    public long DistinctValues => _values.Length;

    public void Write(long row, ref Rng rng, ValueBuilder output)
    {
        if (_order is not null)
        {
            if (row >= _order.Length)
            {
                throw _target.Exhausted(_target.ColumnTypeSql, row);
            }

            output.Append(_values[_order[row]]);
            return;
        }

        output.Append(_values[_cumulative is null ? (int)rng.NextBelow((ulong)_values.Length) : Weighted(ref rng)]);
    }

    /// <summary>The first value whose running total passes the draw: a zero weight is never chosen.</summary>
    private int Weighted(ref Rng rng)
    {
        var cumulative = _cumulative!;
        var draw = rng.NextDouble() * cumulative[^1];
        var low = 0;
        var high = cumulative.Length - 1;
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (cumulative[mid] > draw)
            {
                high = mid;
            }
            else
            {
                low = mid + 1;
            }
        }

        return low;
    }
}

/// <summary>The same value in every row.</summary>
internal sealed class ConstantGenerator(string value) : IBoundedGenerator
{
    private readonly byte[] _value = Encoding.UTF8.GetBytes(value);

    public bool IsUnique => false;

    public long DistinctValues => 1;

    public void Write(long row, ref Rng rng, ValueBuilder output) => output.Append(_value);
}

/// <summary>start + row·step as a whole number; a row whose value leaves the column's limits is an error.</summary>
internal sealed class SequenceGenerator(long start, long step, long lowest, long highest, string column, GenerationTarget target) : IValueGenerator
{
    public bool IsUnique => step != 0;

    public void Write(long row, ref Rng rng, ValueBuilder output)
    {
        var value = (Int128)start + ((Int128)row * step);
        if (value < lowest || value > highest)
        {
            throw new GenerationException(
                "22003",
                string.Create(CultureInfo.InvariantCulture, $"sequence of {column} reaches {value} at row {row + 1}, outside {lowest} to {highest}, the whole numbers the column takes"),
                "Generate fewer rows, or change the sequence's start or step in gendb.yaml.")
            {
                Table = target.Table,
                Column = target.Column,
            };
        }

        output.Append((long)value);
    }
}

/// <summary>
/// A range of a <see cref="LinearType"/> from <c>low</c> to <c>high</c> steps (the range cut by the
/// column's bounds), spread uniformly, as a bell, or with an exponential tail; only steps the
/// column's domain holds are written. Unique values are a permutation of the domain's steps.
/// </summary>
internal sealed class RangeGenerator(
    LinearType type, LinearDomain domain, long low, long high, RangeDistribution distribution, Permutation? permutation, GenerationTarget target)
    : IBoundedGenerator
{
    private const int Attempts = 32;

    /// <summary>Exponential rate over the range: about 1 value in 13 lies in its upper half.</summary>
    private const double Rate = 5.0;

    /// <summary>1 - e^-<see cref="Rate"/>, written out so no platform's exp can change a value.</summary>
    private const double TruncatedMass = 0.9932620530009145;

    public bool IsUnique => permutation is not null;

    public long DistinctValues => (long)UInt128.Min(domain.Count, long.MaxValue);

    public void Write(long row, ref Rng rng, ValueBuilder output)
    {
        long k;
        if (permutation is not null)
        {
            if (!permutation.TryGet(row, out var ordinal) || !domain.TryUnique(unchecked((long)ordinal), out k))
            {
                throw target.Exhausted(type.TypeSql, row);
            }
        }
        else
        {
            k = Draw(ref rng);
        }

        type.Write(k, output);
    }

    private long Draw(ref Rng rng)
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var k = distribution switch
            {
                RangeDistribution.Normal => Normal(ref rng),
                RangeDistribution.Exponential => Exponential(ref rng),
                _ => rng.NextInclusive(low, high),
            };

            // Forbidden values and partition gaps are holes in the range: draw again.
            if (domain.Contains(k))
            {
                return k;
            }
        }

        return domain.Random(ref rng);
    }

    /// <summary>
    /// Twelve uniforms summed (Irwin–Hall) less six: close to a standard normal, from additions
    /// alone, so every machine rounds it alike; clipped at three deviations, the ends of the range.
    /// </summary>
    private long Normal(ref Rng rng)
    {
        var sum = 0.0;
        for (var i = 0; i < 12; i++)
        {
            sum += rng.NextDouble();
        }

        var z = Math.Clamp(sum - 6.0, -3.0, 3.0);
        var span = (double)high - low;
        return At((z + 3.0) / 6.0 * span);
    }

    /// <summary>An exponential truncated to the range by its inverse distribution function.</summary>
    private long Exponential(ref Rng rng)
    {
        var u = rng.NextDouble();
        var t = -Ln(1.0 - (u * TruncatedMass)) / Rate;
        return At(t * ((double)high - low));
    }

    /// <summary>The step <paramref name="offset"/> steps above low, rounded, kept in the range.</summary>
    private long At(double offset)
    {
        var rounded = Math.Round(offset, MidpointRounding.AwayFromZero);
        var span = (ulong)(high - low);
        var steps = rounded <= 0 ? 0UL : rounded >= span ? span : (ulong)rounded;
        return unchecked(low + (long)steps);
    }

    /// <summary>
    /// The natural logarithm from IEEE arithmetic alone (Math.Log comes from the platform's C
    /// library, whose last bit may differ): x = m·2^e, ln m = 2·atanh((m-1)/(m+1)) as a series.
    /// </summary>
    internal static double Ln(double x)
    {
        const double Ln2 = 0.6931471805599453;
        if (x <= 0)
        {
            return double.NegativeInfinity;
        }

        var exponent = 0;
        while (x >= 2.0)
        {
            x /= 2.0;
            exponent++;
        }

        while (x < 1.0)
        {
            x *= 2.0;
            exponent--;
        }

        var s = (x - 1.0) / (x + 1.0);
        var s2 = s * s;
        var term = s;
        var sum = 0.0;
        for (var n = 1; n < 60; n += 2)
        {
            sum += term / n;
            term *= s2;
        }

        return (2.0 * sum) + (exponent * Ln2);
    }
}

/// <summary>
/// A bijection of 0..n-1 fixed by a seed: a four-round Feistel network over the smallest even
/// number of bits that holds n, walking the cycle until a value below n comes out (at most four
/// steps on average). Unique rows so spread over a range instead of counting up from its start.
/// </summary>
internal sealed class Permutation
{
    private const int Rounds = 4;

    private readonly UInt128 _count;
    private readonly int _halfBits;
    private readonly ulong _mask;
    private readonly ulong[] _keys;

    private Permutation(UInt128 count, int halfBits, ulong[] keys)
    {
        _count = count;
        _halfBits = halfBits;
        _mask = halfBits == 32 ? uint.MaxValue : (1UL << halfBits) - 1;
        _keys = keys;
    }

    public static Permutation Create(UInt128 count, ulong seed)
    {
        var bits = 2;
        while (bits < 64 && (UInt128.One << bits) < count)
        {
            bits += 2;
        }

        var rng = new Rng(seed);
        var keys = new ulong[Rounds];
        for (var i = 0; i < Rounds; i++)
        {
            keys[i] = rng.NextUInt64();
        }

        return new Permutation(count, bits / 2, keys);
    }

    public bool TryGet(long row, out ulong ordinal)
    {
        ordinal = 0;
        if (row < 0 || (ulong)row >= _count)
        {
            return false;
        }

        var x = (ulong)row;
        do
        {
            x = Encrypt(x);
        }
        while (x >= _count);

        ordinal = x;
        return true;
    }

    private ulong Encrypt(ulong x)
    {
        var left = (x >> _halfBits) & _mask;
        var right = x & _mask;
        foreach (var key in _keys)
        {
            (left, right) = (right, left ^ (Mix(right ^ key) & _mask));
        }

        return (left << _halfBits) | right;
    }

    /// <summary>SplitMix64's finaliser: every input bit moves every output bit.</summary>
    private static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
