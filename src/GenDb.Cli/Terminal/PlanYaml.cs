using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using GenDb.Generation.Engine;
using GenDb.Generation.Profiles;

namespace GenDb.Cli.Terminal;

/// <summary>
/// <c>gendb inspect --format yaml</c>: the plan as a gendb.yaml skeleton to edit and feed back.
/// Every table gets an entry with its rows; every column a line. A column gendb.yaml already
/// sets keeps that setting, live; any other column gets a suggestion, commented out, with what
/// GenDB does now and why beside it. So the file as written plans like the file it came from, and
/// uncommenting a line is all it takes to override a column.
/// </summary>
/// <example>
/// <code>
/// tables:
///   "public.customers":
///     rows: 500
///     columns:
///       # email: { generator: faker, path: internet.email }   # now: email (column name "email")
/// </code>
/// </example>
internal static partial class PlanYaml
{
    /// <summary>Faker methods for what the detector calls a column, where Bogus has a close match.</summary>
    private static readonly Dictionary<string, string> FakerByConcept = new(StringComparer.Ordinal)
    {
        ["email"] = "internet.email",
        ["username"] = "internet.userName",
        ["URL"] = "internet.url",
        ["person first name"] = "name.firstName",
        ["person last name"] = "name.lastName",
        ["person full name"] = "name.fullName",
        ["job title"] = "name.jobTitle",
        ["street address"] = "address.streetAddress",
        ["city"] = "address.city",
        ["state/region"] = "address.state",
        ["postal code"] = "address.zipCode",
        ["country"] = "address.country",
        ["country code"] = "address.countryCode",
        ["phone number"] = "phone.phoneNumber",
        ["company name"] = "company.companyName",
    };

    public static string Render(IReadOnlyList<PlannedTable> plans, GenerationProfile profile, string origin)
    {
        ArgumentNullException.ThrowIfNull(plans);
        ArgumentNullException.ThrowIfNull(profile);
        var yaml = new StringBuilder();
        yaml.AppendLine(CultureInfo.InvariantCulture, $"# gendb.yaml skeleton: what `gendb generate` would do to {plans.Count} {(plans.Count == 1 ? "table" : "tables")} of {Comment(origin)}.");
        yaml.AppendLine("# Each column line is a suggestion, commented out; \"now:\" says what GenDB does today and why.");
        yaml.AppendLine("# Uncomment a line and edit it to override the column; settings from your gendb.yaml are kept as they are.");
        yaml.AppendLine("# Settings other than tables (routes, seed, column_rules ...) are not repeated: merge this into your gendb.yaml,");
        yaml.AppendLine("# then check it with: gendb config check FILE --db ...");
        yaml.AppendLine("tables:");
        foreach (var plan in plans)
        {
            var name = $"{plan.Table.Schema}.{plan.Table.Name}";
            if (plan.Table.Schema.Contains('.', StringComparison.Ordinal) || plan.Table.Name.Contains('.', StringComparison.Ordinal))
            {
                yaml.AppendLine(CultureInfo.InvariantCulture, $"  # {Comment(name)}: a dot in the name, which gendb.yaml cannot tell from schema.table");
                continue;
            }

            var entries = profile.Tables.Where(t => t.Name == name).Concat(profile.Tables.Where(t => t.Name == plan.Table.Name)).ToList();
            yaml.AppendLine(CultureInfo.InvariantCulture, $"  {Quote(name)}:");
            yaml.AppendLine(CultureInfo.InvariantCulture, $"    rows: {plan.Rows}");
            yaml.AppendLine(CultureInfo.InvariantCulture, $"    # load: {Comment(plan.Load)}");
            foreach (var note in plan.Notes)
            {
                yaml.AppendLine(CultureInfo.InvariantCulture, $"    # note: {Comment(note)}");
            }

            yaml.AppendLine("    columns:");
            foreach (var column in plan.Columns)
            {
                var now = $"# now: {Now(column)}";
                var configured = entries.Select(t => t.Columns.GetValueOrDefault(column.Name)).FirstOrDefault(c => c is not null);
                yaml.AppendLine(configured is not null
                    ? $"      {Key(column.Name)}: {Flow(configured)}   {now}"
                    : $"      # {Key(column.Name)}: {Suggest(column)}   {now}");
            }
        }

        return yaml.ToString();
    }

    /// <summary><c>email (column name "email")</c>: the generator, then why, once.</summary>
    private static string Now(PlannedColumn column)
    {
        var why = column.Reason.StartsWith(column.Generator, StringComparison.Ordinal)
            ? column.Reason
            : $"{column.Generator} ({PlanView.SourceName(column.Source)}: {column.Reason})";
        return Comment(why);
    }

    /// <summary>
    /// A setting for the column that parses and says what can be changed: a faker method for a
    /// detected concept Bogus knows, else a range, a choice or a pattern that fits the type.
    /// Keys and generated columns get none: their values come from elsewhere.
    /// </summary>
    internal static string Suggest(PlannedColumn column)
    {
        ArgumentNullException.ThrowIfNull(column);
        if (column.Source is PlannedSource.ForeignKey or PlannedSource.Database or PlannedSource.Null)
        {
            return "{}";
        }

        // A handful of values (a status, a flag): the values drawn and their spread, to reweigh or extend.
        if (column.Spread.Count > 0)
        {
            var values = string.Join(", ", column.Spread.Select(s => Quote(s.Value)));
            var weights = string.Join(", ", column.Spread.Select(s => s.Count.ToString(CultureInfo.InvariantCulture)));
            return $"{{ generator: one_of, values: [{values}], weights: [{weights}] }}";
        }

        // A CHECK of the column's own is met by what GenDB does now; a suggestion made from the
        // type alone could break it, so the column is listed without one.
        var nullable = !column.Constraints.Contains("NOT NULL");
        if (column.Constraints.Any(c => c.StartsWith("CHECK", StringComparison.Ordinal)))
        {
            return nullable ? "{ null_fraction: 0.1 }" : "{}";
        }

        if (FakerByConcept.TryGetValue(column.Generator, out var path) && FakerDataSets.TryResolve(path, out _))
        {
            return $"{{ generator: faker, path: {path} }}";
        }

        var type = column.Type.ToLowerInvariant();
        return type switch
        {
            "smallint" or "integer" or "bigint" or "int" or "int2" or "int4" or "int8" => "{ generator: range, min: 1, max: 1000 }",
            _ when type.StartsWith("numeric", StringComparison.Ordinal) || type.StartsWith("decimal", StringComparison.Ordinal)
                || type is "real" or "double precision" or "money" => "{ generator: range, min: 0, max: 1000, distribution: normal }",
            "date" => "{ generator: range, min: 2020-01-01, max: 2025-12-31 }",
            _ when type.StartsWith("timestamp", StringComparison.Ordinal) => "{ generator: range, min: \"2020-01-01 00:00:00\", max: \"2025-12-31 23:59:59\" }",
            "boolean" or "bool" => "{ generator: one_of, values: [true, false], weights: [50, 50] }",
            "text" => "{ generator: regex, pattern: \"[A-Z][a-z]{2,9}\" }",
            _ when TextLength().Match(type) is { Success: true } match => Pattern(int.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture)),
            _ => nullable ? "{ null_fraction: 0.1 }" : "{}",
        };
    }

    /// <summary>A word that fits <paramref name="length"/> characters.</summary>
    private static string Pattern(int length) => length switch
    {
        1 => "{ generator: regex, pattern: \"[A-Z]\" }",
        < 10 => string.Create(CultureInfo.InvariantCulture, $"{{ generator: regex, pattern: \"[A-Z]{{1,{length}}}\" }}"),
        _ => "{ generator: regex, pattern: \"[A-Z][a-z]{2,9}\" }",
    };

    /// <summary>A column's gendb.yaml settings written back as a flow mapping.</summary>
    internal static string Flow(ColumnOverride settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var parts = new List<string>();
        switch (settings.Generator)
        {
            case OneOfSpec oneOf:
                parts.Add("generator: one_of");
                parts.Add($"values: [{string.Join(", ", oneOf.Values.Select(Scalar))}]");
                if (oneOf.Weights is { } weights)
                {
                    parts.Add($"weights: [{string.Join(", ", weights.Select(w => w.ToString("R", CultureInfo.InvariantCulture)))}]");
                }

                break;
            case RegexSpec regex:
                parts.Add("generator: regex");
                parts.Add($"pattern: {Quote(regex.Pattern)}");
                break;
            case RangeSpec range:
                parts.Add("generator: range");
                parts.Add($"min: {Scalar(range.Min)}");
                parts.Add($"max: {Scalar(range.Max)}");
                if (range.Distribution != RangeDistribution.Uniform)
                {
                    parts.Add($"distribution: {range.Distribution.ToString().ToLowerInvariant()}");
                }

                break;
            case FakerSpec faker:
                parts.Add("generator: faker");
                parts.Add($"path: {Scalar(faker.Path)}");
                break;
            case TemplateSpec template:
                parts.Add("generator: template");
                parts.Add($"template: {Quote(template.Template)}");
                break;
            case ConstantSpec constant:
                parts.Add("generator: constant");
                parts.Add($"value: {(constant.Value is null ? "null" : Quote(constant.Value))}");
                break;
            case SequenceSpec sequence:
                parts.Add("generator: sequence");
                parts.Add(string.Create(CultureInfo.InvariantCulture, $"start: {sequence.Start}"));
                parts.Add(string.Create(CultureInfo.InvariantCulture, $"step: {sequence.Step}"));
                break;
            case SkipSpec:
                parts.Add("generator: skip");
                break;
            default:
                break;
        }

        if (settings.NullFraction is { } fraction)
        {
            parts.Add($"null_fraction: {fraction.ToString("R", CultureInfo.InvariantCulture)}");
        }

        if (settings.Unique is { } unique)
        {
            parts.Add($"unique: {(unique ? "true" : "false")}");
        }

        return parts.Count == 0 ? "{}" : $"{{ {string.Join(", ", parts)} }}";
    }

    /// <summary>A mapping key: plain when YAML reads it back as the same text, else double-quoted.</summary>
    internal static string Key(string name) => IsPlain(name) ? name : Quote(name);

    /// <summary>A value in a flow collection, where <c>,</c> <c>[</c> <c>]</c> <c>{</c> <c>}</c> would end it: plain only when harmless.</summary>
    private static string Scalar(string value) => IsPlain(value) ? value : Quote(value);

    private static bool IsPlain(string text) =>
        PlainWord().IsMatch(text) && !IsSpecialWord(text);

    /// <summary>Words YAML reads as null or booleans (1.1 and 1.2), which would not come back as text.</summary>
    private static bool IsSpecialWord(string text) => text.ToLowerInvariant() is
        "null" or "true" or "false" or "yes" or "no" or "on" or "off" or "y" or "n" or "~";

    /// <summary>A YAML double-quoted string: backslash escapes for <c>\</c>, <c>"</c> and control characters.</summary>
    internal static string Quote(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var quoted = new StringBuilder("\"");
        foreach (var c in text)
        {
            _ = c switch
            {
                '\\' => quoted.Append("\\\\"),
                '"' => quoted.Append("\\\""),
                '\n' => quoted.Append("\\n"),
                '\r' => quoted.Append("\\r"),
                '\t' => quoted.Append("\\t"),
                < ' ' or '\u007f' => quoted.Append(CultureInfo.InvariantCulture, $"\\x{(int)c:x2}"),
                _ => quoted.Append(c),
            };
        }

        return quoted.Append('"').ToString();
    }

    /// <summary>Text on one comment line: line breaks would end the comment and start YAML.</summary>
    private static string Comment(string text) => text.ReplaceLineEndings(" ");

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_.\-]*$")]
    private static partial Regex PlainWord();

    [GeneratedRegex(@"^(?:character varying|varchar|character|char|bpchar)\((?<n>\d+)\)$")]
    private static partial Regex TextLength();
}
