using GenDb.Schema.Synthetic;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace GenDb.Commands.Configuration;

/// <summary>One start-up route of gendb.yaml: tables every session sees synthetic data for.</summary>
public sealed record ConfiguredRoute(string? Include, string? Exclude, string Scenario);

/// <summary>
/// gendb.yaml, as far as GenDB reads it today: <c>routes</c>, <c>default_rows</c>, <c>seed</c> and
/// <c>locale</c>. Unknown keys and wrong types are errors that give the file, line and column, so a
/// typo never passes silently.
/// </summary>
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
/// </code>
/// </example>
public sealed record GendbConfig(IReadOnlyList<ConfiguredRoute> Routes)
{
    public const string FileName = "gendb.yaml";

    public static GendbConfig Empty { get; } = new([]);

    /// <summary>Rows per table when generate_data is given none.</summary>
    public long? DefaultRows { get; init; }

    /// <summary>The seed when generate_data is given none.</summary>
    public long? Seed { get; init; }

    /// <summary>The locale of generated names, places and text (a Bogus locale such as en, de, fr).</summary>
    public string? Locale { get; init; }

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
            throw new GendbConfigException(path, (int)ex.Start.Line, (int)ex.Start.Column, ex.Message);
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
        foreach (var (keyNode, value) in root.Children)
        {
            var key = ((YamlScalarNode)keyNode).Value;
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
                    break;
                default:
                    throw Error(path, keyNode, $"unknown setting '{key}'; known: default_rows, locale, routes, seed");
            }
        }

        return new GendbConfig(routes) { DefaultRows = defaultRows, Seed = seed, Locale = locale };
    }

    private static long ReadInteger(string path, string? key, YamlNode node) =>
        node is YamlScalarNode { Value: { } text } && long.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var number)
            ? number
            : throw Error(path, node, $"{key} takes a whole number");

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
                var key = ((YamlScalarNode)keyNode).Value;
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
