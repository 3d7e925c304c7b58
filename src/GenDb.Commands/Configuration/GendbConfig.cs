using GenDb.Schema.Synthetic;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace GenDb.Commands.Configuration;

/// <summary>One start-up route of gendb.yaml: tables every session sees synthetic data for.</summary>
public sealed record ConfiguredRoute(string? Include, string? Exclude, string Scenario);

/// <summary>
/// gendb.yaml, as far as GenDB reads it today: <c>routes</c>. Unknown keys and wrong types are
/// errors that give the file, line and column, so a typo never passes silently.
/// </summary>
/// <example>
/// <code>
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
        foreach (var (keyNode, value) in root.Children)
        {
            var key = ((YamlScalarNode)keyNode).Value;
            switch (key)
            {
                case "routes":
                    routes.AddRange(ReadRoutes(path, value));
                    break;
                default:
                    throw Error(path, keyNode, $"unknown setting '{key}'; known: routes");
            }
        }

        return new GendbConfig(routes);
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
