using System.Text;
using GenDb.Protocol;
using GenDb.Sql;

namespace GenDb.Schema.Synthetic;

/// <summary>
/// Where synthetic copies live: source schema <c>S</c> of scenario <c>C</c> is copied into schema
/// <c>gendb_C__S</c>, so <c>public.users</c> becomes <c>gendb_default__public.users</c>.
/// </summary>
public static class SyntheticNaming
{
    public const string DefaultScenario = "default";
    public const string Prefix = "gendb_";
    public const string Separator = "__";

    /// <summary>PostgreSQL's NAMEDATALEN - 1: longer identifiers are silently truncated, so GenDB refuses them.</summary>
    public const int MaxIdentifierBytes = 63;

    public static string SchemaPrefix(string scenario) => Prefix + scenario + Separator;

    /// <summary>The synthetic schema's name, or an error when the scenario is not valid or the name too long.</summary>
    public static string SchemaFor(string scenario, string sourceSchema)
    {
        var name = SchemaPrefix(scenario) + sourceSchema;
        if (Encoding.UTF8.GetByteCount(name) > MaxIdentifierBytes)
        {
            throw new SqlErrorException(PostgresError.CreateError("42622",
                $"the synthetic schema name \"{name}\" is longer than {MaxIdentifierBytes} bytes",
                "Use a shorter scenario name; PostgreSQL would truncate the schema name."));
        }

        return name;
    }

    /// <summary>Scenario names are <c>[a-z][a-z0-9_]*</c> without <c>__</c>, so a schema name splits one way only.</summary>
    public static PostgresError? ValidateScenario(string scenario)
    {
        var valid = scenario.Length > 0 && scenario[0] is >= 'a' and <= 'z'
            && scenario.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_')
            && !scenario.Contains(Separator, StringComparison.Ordinal);
        if (valid && Encoding.UTF8.GetByteCount(SchemaPrefix(scenario)) < MaxIdentifierBytes)
        {
            return null;
        }

        return PostgresError.CreateError(SqlState.InvalidParameterValue,
            $"invalid scenario name \"{scenario}\"",
            "A scenario name starts with a lower-case letter and holds only a-z, 0-9 and single underscores, e.g. 'default' or 'load_test'.");
    }

    /// <summary>Splits <c>gendb_C__S</c> into scenario and source schema.</summary>
    public static bool TryParseSchema(string schema, out string scenario, out string sourceSchema)
    {
        scenario = sourceSchema = string.Empty;
        if (!schema.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var separator = schema.IndexOf(Separator, Prefix.Length, StringComparison.Ordinal);
        if (separator <= Prefix.Length || separator + Separator.Length >= schema.Length)
        {
            return false;
        }

        scenario = schema[Prefix.Length..separator];
        sourceSchema = schema[(separator + Separator.Length)..];
        return true;
    }
}
