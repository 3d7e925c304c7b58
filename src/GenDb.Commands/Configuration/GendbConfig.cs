using GenDb.Generation.Profiles;
using GenDb.Schema.Synthetic;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace GenDb.Commands.Configuration;

/// <summary>One start-up route of gendb.yaml: tables every session sees synthetic data for.</summary>
public sealed record ConfiguredRoute(string? Include, string? Exclude, string Scenario);

/// <summary>
/// gendb.yaml: <c>routes</c>, <c>default_rows</c>, <c>seed</c>, <c>locale</c>, and the
/// generation profile (<c>tables</c> and <c>column_rules</c>, read into <see cref="Profile"/>).
/// Unknown keys, wrong types, a generator's key under another generator and duplicate keys are
/// errors that give the file, line and column, so a typo never passes silently.
/// </summary>
/// <remarks>
/// <para>
/// <c>tables</c> maps a table (<c>schema.table</c>, or a bare name that matches the table in any
/// schema) to <c>rows</c> (rows when the CALL gives none) and <c>columns</c>; each column takes
/// <c>generator</c>, <c>null_fraction</c> (0 to 1) and <c>unique</c> (true or false), all optional.
/// <c>column_rules</c> maps a glob (<c>*</c>, <c>?</c>) on column names, or on
/// <c>table.column</c> when it holds a dot, to the same column settings; the first rule that
/// matches a column wins, so their order is kept.
/// </para>
/// <para>
/// The generators and their own keys (allowed only with that generator):
/// <c>one_of</c> values (a list of scalars; numbers and booleans kept as written), weights
/// (optional, one number ≥ 0 per value); <c>range</c> min, max (literals of the column's type),
/// distribution (uniform, the default, normal or exponential); <c>regex</c> pattern;
/// <c>faker</c> path (a Bogus data set method, such as internet.email); <c>template</c> template
/// (<c>{column}</c> placeholders); <c>constant</c> value (null or ~ for NULL); <c>sequence</c>
/// start, step (both default 1, step not 0); <c>skip</c> nothing (the column is left out).
/// </para>
/// </remarks>
/// <example>
/// <code>
/// default_rows: 500
/// seed: 42
/// locale: en
/// routes:
///   - users,orders              # a pattern, as for include =>
///   - include: 'sales.*'
///     exclude: sales.audit_log
///     scenario: load_test
/// tables:
///   public.customers:
///     rows: 2000
///     columns:
///       email:
///         generator: template
///         template: "{first_name}.{last_name}@example.com"
///         unique: true
///       status:
///         generator: one_of
///         values: [active, inactive, banned]
///         weights: [80, 15, 5]
///       score:   { generator: range, min: 0, max: 100, distribution: normal }
///       code:    { generator: regex, pattern: "[A-Z]{3}-[0-9]{4}" }
///       contact: { generator: faker, path: internet.email }
///       kind:    { generator: constant, value: retail }
///       n:       { generator: sequence, start: 1000, step: 10 }
///       legacy:  { generator: skip }
///       notes:   { null_fraction: 0.5 }
///       nick:    { unique: true }
/// column_rules:
///   "*_email": { generator: faker, path: internet.email }
///   "phone*":  { generator: regex, pattern: "\\+1 [0-9]{3} [0-9]{4}" }
/// </code>
/// </example>
public sealed partial record GendbConfig(IReadOnlyList<ConfiguredRoute> Routes)
{
    public const string FileName = "gendb.yaml";

    public static GendbConfig Empty { get; } = new([]);

    /// <summary>Rows per table when generate_data is given none.</summary>
    public long? DefaultRows { get; init; }

    /// <summary>The seed when generate_data is given none.</summary>
    public long? Seed { get; init; }

    /// <summary>The locale of generated names, places and text (a Bogus locale such as en, de, fr).</summary>
    public string? Locale { get; init; }

    /// <summary><c>locale</c>, <c>tables</c> and <c>column_rules</c>, every entry with its place in the file.</summary>
    public GenerationProfile Profile { get; init; } = GenerationProfile.Empty;

    public static GendbConfig Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new GendbConfigException(path, 0, 0, $"cannot read the file: {ex.Message}");
        }

        return Parse(text, path);
    }

    public static GendbConfig Parse(string yaml, string path)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            throw new GendbConfigException(path, (int)ex.Start.Line, (int)ex.Start.Column, DescribeYamlError(ex));
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return Empty;
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw Error(path, stream.Documents[0].RootNode, "the file must be a mapping of settings (key: value)");
        }

        var routes = new List<ConfiguredRoute>();
        long? defaultRows = null, seed = null;
        string? locale = null;
        var realisticEmails = false;
        IReadOnlyList<TableProfile> tables = [];
        IReadOnlyList<ColumnRuleProfile> columnRules = [];
        foreach (var (keyNode, value) in root.Children)
        {
            var key = KeyText(path, keyNode);
            switch (key)
            {
                case "routes":
                    routes.AddRange(ReadRoutes(path, value));
                    break;
                case "default_rows":
                    defaultRows = ReadInteger(path, key, value);
                    if (defaultRows < 0)
                    {
                        throw Error(path, value, "default_rows must not be negative");
                    }

                    break;
                case "seed":
                    seed = ReadInteger(path, key, value);
                    break;
                case "locale":
                    locale = value is YamlScalarNode { Value: { Length: > 0 } text } ? text : throw Error(path, value, "locale takes a locale name such as en, de or fr");
                    if (!GenDb.Generation.Semantics.Locales.TryNormalize(locale, out _))
                    {
                        throw Error(path, value, $"unknown locale '{locale}'; use a Bogus locale name such as {GenDb.Generation.Semantics.Locales.Examples}");
                    }

                    break;
                case "email_domains":
                    realisticEmails = value is YamlScalarNode { Value: "realistic" or "reserved" } choice
                        ? choice.Value == "realistic"
                        : throw Error(path, value, "email_domains is 'reserved' (example.com, example.net, example.org: never a real mailbox; the default) or 'realistic' (the locale's free-mail providers)");
                    break;
                case "tables":
                    tables = ReadTables(path, value);
                    break;
                case "column_rules":
                    columnRules = ReadColumnRules(path, value);
                    break;
                default:
                    throw Error(path, keyNode, $"unknown setting '{key}'; known: column_rules, default_rows, email_domains, locale, routes, seed, tables");
            }
        }

        return new GendbConfig(routes)
        {
            DefaultRows = defaultRows,
            Seed = seed,
            Locale = locale,
            Profile = new GenerationProfile { Locale = locale, RealisticEmailDomains = realisticEmails, Tables = tables, ColumnRules = columnRules },
        };
    }

    private static IEnumerable<ConfiguredRoute> ReadRoutes(string path, YamlNode node)
    {
        if (node is not YamlSequenceNode list)
        {
            throw Error(path, node, "routes is a list: each item a table pattern, or a mapping with include, exclude and scenario");
        }

        foreach (var item in list)
        {
            if (item is YamlScalarNode { Value: { Length: > 0 } pattern })
            {
                yield return new ConfiguredRoute(pattern, null, SyntheticNaming.DefaultScenario);
                continue;
            }

            if (item is not YamlMappingNode mapping)
            {
                throw Error(path, item, "a route is a table pattern ('users,orders') or a mapping with include, exclude and scenario");
            }

            string? include = null, exclude = null;
            var scenario = SyntheticNaming.DefaultScenario;
            foreach (var (keyNode, value) in mapping.Children)
            {
                var key = KeyText(path, keyNode);
                var text = value is YamlScalarNode scalar ? scalar.Value : throw Error(path, value, $"'{key}' takes a text value");
                switch (key)
                {
                    case "include": include = text; break;
                    case "exclude": exclude = text; break;
                    case "scenario":
                        scenario = text ?? SyntheticNaming.DefaultScenario;
                        if (SyntheticNaming.ValidateScenario(scenario) is { } invalid)
                        {
                            throw Error(path, value, invalid.Message + ". " + invalid.Hint);
                        }

                        break;
                    default:
                        throw Error(path, keyNode, $"unknown route setting '{key}'; known: include, exclude, scenario");
                }
            }

            yield return new ConfiguredRoute(include, exclude, scenario);
        }
    }

    /// <summary>
    /// YamlDotNet's own wording, except for a repeated key, which it reports as "Duplicate key x":
    /// that one is common enough (two entries for the same table or column) to deserve a hint.
    /// </summary>
    private static string DescribeYamlError(YamlException ex)
    {
        const string Duplicate = "Duplicate key";
        if (ex.Message.StartsWith(Duplicate, StringComparison.Ordinal))
        {
            var key = ex.Message[Duplicate.Length..].Trim();
            return key.Length == 0
                ? "a key is written twice in the same mapping; merge the two entries into one"
                : $"'{key}' is written twice in the same mapping; merge the two entries into one";
        }

        return ex.Message;
    }

    private static GendbConfigException Error(string path, YamlNode node, string message) =>
        new(path, (int)node.Start.Line, (int)node.Start.Column, message);
}

/// <summary>A gendb.yaml problem, located: <c>file:line:column: message</c>.</summary>
public sealed class GendbConfigException : Exception
{
    public GendbConfigException(string path, int line, int column, string message)
        : base($"{path}:{line}:{column}: {message}")
    {
        Path = path;
        Line = line;
        Column = column;
    }

    public GendbConfigException()
    {
        Path = string.Empty;
    }

    public GendbConfigException(string message)
        : base(message)
    {
        Path = string.Empty;
    }

    public GendbConfigException(string message, Exception innerException)
        : base(message, innerException)
    {
        Path = string.Empty;
    }

    public string Path { get; }
    public int Line { get; }
    public int Column { get; }
}
