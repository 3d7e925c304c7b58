using System.Collections.Frozen;
using GenDb.Generation.Profiles;
using YamlDotNet.RepresentationModel;

namespace GenDb.Commands.Configuration;

// tables and column_rules: the generation profile.
public sealed partial record GendbConfig
{
    private const string ColumnKeys = "generator, null_fraction, unique";

    /// <summary>Each generator's own keys; a key of one generator under another is an error, not ignored.</summary>
    private static readonly FrozenDictionary<string, string[]> GeneratorKeys = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["constant"] = ["value"],
        ["faker"] = ["path"],
        ["one_of"] = ["values", "weights"],
        ["range"] = ["min", "max", "distribution"],
        ["regex"] = ["pattern"],
        ["sequence"] = ["start", "step"],
        ["skip"] = [],
        ["template"] = ["template"],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly string KnownGenerators = string.Join(", ", GeneratorKeys.Keys.Order(StringComparer.Ordinal));

    private static IReadOnlyList<TableProfile> ReadTables(string path, YamlNode node)
    {
        if (IsNull(node))
        {
            return [];
        }

        if (node is not YamlMappingNode mapping)
        {
            throw Error(path, node, $"tables is a mapping from a table (schema.table, or a bare name for any schema) to its settings (columns, rows), not {Describe(node)}");
        }

        var tables = new List<TableProfile>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in mapping.Children)
        {
            var name = ReadTableName(path, keyNode);
            if (!seen.Add(name))
            {
                throw Error(path, keyNode, $"table '{name}' appears twice under tables; merge the two entries into one");
            }

            tables.Add(ReadTable(path, name, keyNode, value));
        }

        return tables;
    }

    private static string ReadTableName(string path, YamlNode keyNode)
    {
        var name = KeyText(path, keyNode);
        var parts = name.Split('.');
        if (parts.Length > 2 || parts.Any(part => part.Length == 0 || part.Trim().Length != part.Length))
        {
            throw Error(path, keyNode, $"table name '{name}' must be table or schema.table: at most one dot, no empty parts, no spaces around them");
        }

        if (name.AsSpan().IndexOfAny('*', '?') >= 0)
        {
            throw Error(path, keyNode, $"table name '{name}' must name one table, not a pattern; for settings by pattern use column_rules");
        }

        return name;
    }

    private static TableProfile ReadTable(string path, string name, YamlNode keyNode, YamlNode node)
    {
        var table = new TableProfile(name, Where(path, keyNode));
        if (IsNull(node))
        {
            return table;
        }

        if (node is not YamlMappingNode mapping)
        {
            throw Error(path, node, $"the settings of table '{name}' are a mapping with columns and rows, not {Describe(node)}");
        }

        foreach (var (settingNode, value) in mapping.Children)
        {
            var key = KeyText(path, settingNode);
            switch (key)
            {
                case "rows":
                    var rows = ReadInteger(path, key, value);
                    table = rows >= 0 ? table with { Rows = rows } : throw Error(path, value, $"rows must not be negative, not {rows}");
                    break;
                case "columns":
                    table = table with { Columns = ReadColumns(path, name, value) };
                    break;
                default:
                    throw Error(path, settingNode, $"unknown setting '{key}' of table '{name}'; known: columns, rows");
            }
        }

        return table;
    }

    private static Dictionary<string, ColumnOverride> ReadColumns(string path, string table, YamlNode node)
    {
        var columns = new Dictionary<string, ColumnOverride>(StringComparer.Ordinal);
        if (IsNull(node))
        {
            return columns;
        }

        if (node is not YamlMappingNode mapping)
        {
            throw Error(path, node, $"columns of table '{table}' is a mapping from a column name to its settings ({ColumnKeys}), not {Describe(node)}");
        }

        foreach (var (keyNode, value) in mapping.Children)
        {
            var column = KeyText(path, keyNode);
            if (column.Length == 0)
            {
                throw Error(path, keyNode, $"a column of table '{table}' has an empty name");
            }

            // YamlDotNet rejects a repeated key while loading; this catches spellings it treats as different keys.
            if (columns.ContainsKey(column))
            {
                throw Error(path, keyNode, $"column '{column}' appears twice under table '{table}'; merge the two entries into one");
            }

            columns.Add(column, ReadOverride(path, $"column '{table}.{column}'", keyNode, value));
        }

        return columns;
    }

    private static List<ColumnRuleProfile> ReadColumnRules(string path, YamlNode node)
    {
        var rules = new List<ColumnRuleProfile>();
        if (IsNull(node))
        {
            return rules;
        }

        if (node is not YamlMappingNode mapping)
        {
            throw Error(path, node, $"column_rules is a mapping from a pattern on column names (or table.column) to the column settings ({ColumnKeys}), not {Describe(node)}");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in mapping.Children)
        {
            var pattern = KeyText(path, keyNode);
            var parts = pattern.Split('.');
            if (parts.Length > 2 || parts.Any(part => part.Length == 0))
            {
                throw Error(path, keyNode, $"column rule '{pattern}' must be a pattern on column names ('*_email') or on table.column ('users.*'): at most one dot, no empty parts");
            }

            if (!seen.Add(pattern))
            {
                throw Error(path, keyNode, $"column rule '{pattern}' appears twice; merge the two entries into one");
            }

            rules.Add(new ColumnRuleProfile(pattern, ReadOverride(path, $"column rule '{pattern}'", keyNode, value)));
        }

        return rules;
    }

    /// <summary>One column's settings; <paramref name="subject"/> names the column or rule in messages.</summary>
    private static ColumnOverride ReadOverride(string path, string subject, YamlNode keyNode, YamlNode node)
    {
        var column = new ColumnOverride(Where(path, keyNode));
        if (IsNull(node))
        {
            return column;
        }

        if (node is not YamlMappingNode mapping)
        {
            throw Error(path, node, $"the settings of {subject} are a mapping ({ColumnKeys}, and the generator's own keys), not {Describe(node)}");
        }

        // The generator decides which other keys are allowed, and it may be written after them.
        string? kind = null;
        foreach (var (settingNode, value) in mapping.Children)
        {
            if (KeyText(path, settingNode) == "generator")
            {
                kind = ReadGeneratorName(path, value);
            }
        }

        var own = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        YamlNode? firstCommon = null;
        foreach (var (settingNode, value) in mapping.Children)
        {
            var key = KeyText(path, settingNode);
            switch (key)
            {
                case "generator":
                    break;
                case "null_fraction":
                    var fraction = ReadNumber(path, key, value, "0 to 1");
                    column = fraction is >= 0 and <= 1
                        ? column with { NullFraction = fraction }
                        : throw Error(path, value, $"null_fraction takes a number from 0 to 1, not {Describe(value)}");
                    firstCommon ??= settingNode;
                    break;
                case "unique":
                    column = column with { Unique = ReadBoolean(path, key, value) };
                    firstCommon ??= settingNode;
                    break;
                default:
                    if (kind is null || !GeneratorKeys[kind].Contains(key))
                    {
                        throw Error(path, settingNode, UnknownColumnSetting(subject, key, kind));
                    }

                    own.Add(key, value);
                    break;
            }
        }

        if (kind is null)
        {
            return column;
        }

        if (kind == "skip" && firstCommon is not null)
        {
            throw Error(path, firstCommon, $"{subject} is skipped (left out of the rows), so null_fraction and unique do not apply; remove them or choose another generator");
        }

        var spec = ReadSpec(path, subject, kind, mapping, own);
        if (GeneratorSpecs.Problem(spec) is { } problem)
        {
            throw Error(path, mapping, $"{subject}, generator {kind}: {problem}");
        }

        return column with { Generator = spec };
    }

    private static string ReadGeneratorName(string path, YamlNode node)
    {
        var name = node is YamlScalarNode { Value: { } text } && !IsNull(node) ? text : null;
        return name is not null && GeneratorKeys.ContainsKey(name)
            ? name
            : throw Error(path, node, $"unknown generator {Describe(node)}; known: {KnownGenerators}");
    }

    private static string UnknownColumnSetting(string subject, string key, string? kind)
    {
        var owners = GeneratorKeys.Where(g => g.Value.Contains(key)).Select(g => g.Key).Order(StringComparer.Ordinal).ToList();
        if (owners.Count > 0)
        {
            var owner = string.Join(" or ", owners);
            return kind is null
                ? $"'{key}' of {subject} is a setting of generator {owner}, and no generator is given; add generator: {owners[0]}"
                : $"'{key}' of {subject} is a setting of generator {owner}, not of {kind}; {kind} takes {OwnKeys(kind)}";
        }

        return kind is null
            ? $"unknown setting '{key}' of {subject}; known: {ColumnKeys}, and with a generator its own keys"
            : $"unknown setting '{key}' of {subject}; known: {ColumnKeys}, and for {kind}: {OwnKeys(kind)}";
    }

    private static string OwnKeys(string kind) =>
        GeneratorKeys[kind] is { Length: > 0 } keys ? string.Join(", ", keys) : "no settings of its own";

    /// <summary>The spec's place is its column's mapping: where a reader looks for what is wrong with it.</summary>
    private static GeneratorSpec ReadSpec(string path, string subject, string kind, YamlMappingNode mapping, Dictionary<string, YamlNode> own)
    {
        var where = Where(path, mapping);
        YamlNode Required(string key, string what) =>
            own.TryGetValue(key, out var value) ? value : throw Error(path, mapping, $"generator {kind} of {subject} needs '{key}' ({what})");

        switch (kind)
        {
            case "one_of":
                var values = ReadValues(path, Required("values", "a list of values"));
                var weights = own.TryGetValue("weights", out var weightsNode) ? ReadWeights(path, weightsNode, values.Count) : null;
                return new OneOfSpec(values, weights, where);
            case "range":
                const string Literal = "a number, date or timestamp";
                var min = ReadText(path, "min", Required("min", Literal), Literal);
                var max = ReadText(path, "max", Required("max", Literal), Literal);
                var distribution = own.TryGetValue("distribution", out var distributionNode) ? ReadDistribution(path, distributionNode) : RangeDistribution.Uniform;
                return new RangeSpec(min, max, distribution, where);
            case "regex":
                return new RegexSpec(ReadText(path, "pattern", Required("pattern", "a regular expression"), "a regular expression"), where);
            case "faker":
                const string FakerPath = "a faker path such as internet.email";
                var fakerPath = ReadText(path, "path", Required("path", FakerPath), FakerPath);
                return new FakerSpec(fakerPath, where);
            case "template":
                const string Template = "text with {column} placeholders";
                return new TemplateSpec(ReadText(path, "template", Required("template", Template), Template), where);
            case "constant":
                return new ConstantSpec(ReadConstant(path, Required("value", "the value; null for NULL")), where);
            case "sequence":
                var start = own.TryGetValue("start", out var startNode) ? ReadInteger(path, "start", startNode) : 1;
                var step = 1L;
                if (own.TryGetValue("step", out var stepNode))
                {
                    step = ReadInteger(path, "step", stepNode);
                    if (step == 0)
                    {
                        throw Error(path, stepNode, "step must not be 0 (every row would get the same value); for that use generator: constant");
                    }
                }

                return new SequenceSpec(start, step, where);
            default:
                return new SkipSpec(where);
        }
    }

    private static List<string> ReadValues(string path, YamlNode node)
    {
        if (node is not YamlSequenceNode list || list.Children.Count == 0)
        {
            throw Error(path, node, $"values takes a list of one or more values, such as [active, inactive], not {(node is YamlSequenceNode ? "an empty list" : Describe(node))}");
        }

        return [.. list.Children.Select(item => IsNull(item)
            ? throw Error(path, item, "values cannot hold null; for NULLs set null_fraction on the column")
            : ReadText(path, "each of values", item, "a single value (text, number or boolean)"))];
    }

    private static List<double> ReadWeights(string path, YamlNode node, int count)
    {
        if (node is not YamlSequenceNode list)
        {
            throw Error(path, node, $"weights takes a list of numbers, one per value, not {Describe(node)}");
        }

        var weights = list.Children.Select(item => ReadNumber(path, "each of weights", item, "0 or more")).ToList();
        if (weights.Count != count)
        {
            throw Error(path, node, $"weights has {weights.Count} numbers but values has {count}; give one weight per value");
        }

        for (var i = 0; i < weights.Count; i++)
        {
            if (weights[i] < 0)
            {
                throw Error(path, list.Children[i], $"weights must not be negative, not {Describe(list.Children[i])}");
            }
        }

        return weights.Sum() > 0 ? weights : throw Error(path, node, "weights are all 0; at least one value needs a weight above 0");
    }

    private static RangeDistribution ReadDistribution(string path, YamlNode node) =>
        node is YamlScalarNode { Value: { } text } ? text switch
        {
            "uniform" => RangeDistribution.Uniform,
            "normal" => RangeDistribution.Normal,
            "exponential" => RangeDistribution.Exponential,
            _ => throw Error(path, node, $"unknown distribution {Describe(node)}; known: uniform, normal, exponential"),
        }
        : throw Error(path, node, $"unknown distribution {Describe(node)}; known: uniform, normal, exponential");

    private static string? ReadConstant(string path, YamlNode node) =>
        IsNull(node) ? null
        : node is YamlScalarNode { Value: { } text } ? text
        : throw Error(path, node, $"value takes a single value (null for NULL), not {Describe(node)}");
}
