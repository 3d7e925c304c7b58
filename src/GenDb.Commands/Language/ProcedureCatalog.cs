using System.Diagnostics.CodeAnalysis;

namespace GenDb.Commands;

/// <summary>
/// The procedures a gendb call may name. Immutable: add a procedure with <see cref="With"/> (or the
/// constructor), which checks the definitions once so that the binder can trust them.
/// </summary>
public sealed class ProcedureCatalog
{
    private readonly Dictionary<string, ProcedureDefinition> _byName;

    public ProcedureCatalog(IEnumerable<ProcedureDefinition> procedures)
    {
        ArgumentNullException.ThrowIfNull(procedures);
        _byName = new Dictionary<string, ProcedureDefinition>(StringComparer.Ordinal);
        foreach (var procedure in procedures)
        {
            Validate(procedure);
            if (!_byName.TryAdd(procedure.Name, procedure))
            {
                throw new ArgumentException($"The procedure gendb.{procedure.Name} is defined twice.", nameof(procedures));
            }
        }

        Procedures = [.. _byName.Values.OrderBy(p => p.Name, StringComparer.Ordinal)];
        HelpRows = [.. Procedures.SelectMany(HelpRowsOf)];
    }

    /// <summary>The procedures GenDB has today: <see cref="GendbProcedures.All"/>.</summary>
    public static ProcedureCatalog Default { get; } = new(GendbProcedures.All);

    /// <summary>Ordered by name.</summary>
    public IReadOnlyList<ProcedureDefinition> Procedures { get; }

    /// <summary>
    /// What <c>CALL gendb.help()</c> returns: for each procedure (by name) a row describing it, with
    /// no parameter, then one row per parameter in positional order.
    /// </summary>
    public IReadOnlyList<ProcedureHelpRow> HelpRows { get; }

    public bool TryGet(string name, [NotNullWhen(true)] out ProcedureDefinition? procedure) =>
        _byName.TryGetValue(name, out procedure);

    /// <summary>A catalog with <paramref name="procedure"/> added, or replacing the one of the same name.</summary>
    public ProcedureCatalog With(ProcedureDefinition procedure)
    {
        ArgumentNullException.ThrowIfNull(procedure);
        return new ProcedureCatalog(Procedures.Where(p => p.Name != procedure.Name).Append(procedure));
    }

    private static IEnumerable<ProcedureHelpRow> HelpRowsOf(ProcedureDefinition procedure)
    {
        yield return new ProcedureHelpRow(procedure.Name, null, null, null, procedure.Description);
        foreach (var parameter in procedure.Parameters)
        {
            var description = parameter.Aliases.Count == 0
                ? parameter.Description
                : $"{parameter.Description} Also accepted as {string.Join(", ", parameter.Aliases)}.";
            yield return new ProcedureHelpRow(procedure.Name, parameter.Name, parameter.Type.SqlName(), parameter.DefaultSql, description);
        }
    }

    private static void Validate(ProcedureDefinition procedure)
    {
        ArgumentNullException.ThrowIfNull(procedure);
        ArgumentException.ThrowIfNullOrWhiteSpace(procedure.Name);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var parameter in procedure.Parameters)
        {
            foreach (var name in parameter.Aliases.Prepend(parameter.Name))
            {
                if (string.IsNullOrEmpty(name) || !names.Add(name))
                {
                    throw new ArgumentException(
                        $"gendb.{procedure.Name}: the parameter name \"{name}\" is empty or used twice (names and aliases share one namespace).",
                        nameof(procedure));
                }
            }

            if (parameter.Required && parameter.Default is not null)
            {
                throw new ArgumentException($"gendb.{procedure.Name}: the required parameter {parameter.Name} cannot have a default.", nameof(procedure));
            }

            if (parameter.Default is not null && parameter.Default.GetType() != parameter.Type.ClrType())
            {
                throw new ArgumentException(
                    $"gendb.{procedure.Name}: the default of {parameter.Name} is a {parameter.Default.GetType().Name}; a {parameter.Type.SqlName()} parameter needs a {parameter.Type.ClrType().Name}.",
                    nameof(procedure));
            }
        }
    }
}

/// <summary>One row of <c>CALL gendb.help()</c>.</summary>
/// <param name="Procedure">The procedure name.</param>
/// <param name="Parameter">The parameter name, or null on the row that describes the procedure itself.</param>
/// <param name="Type">text, integer or boolean; null on the procedure's row.</param>
/// <param name="Default">The default as SQL (<c>NULL</c>, <c>'session'</c>); null when required or on the procedure's row.</param>
/// <param name="Description">What the procedure or parameter does.</param>
public sealed record ProcedureHelpRow(string Procedure, string? Parameter, string? Type, string? Default, string Description)
{
    /// <summary>The column names of the result, in order; every column is text.</summary>
    public static IReadOnlyList<string> ColumnNames { get; } = ["procedure", "parameter", "type", "default", "description"];

    /// <summary>The row's values in <see cref="ColumnNames"/> order; null is SQL NULL.</summary>
    public IReadOnlyList<string?> ToValues() => [Procedure, Parameter, Type, Default, Description];
}
