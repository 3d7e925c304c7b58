using GenDb.Commands.Execution;
using GenDb.Commands.Routing;
using GenDb.Protocol;

namespace GenDb.Commands;

/// <summary>Runs a bound GENDB call in a session and says what result set it answers with.</summary>
public static class CommandExecutor
{
    public static IReadOnlyList<ResultColumn> HelpColumns { get; } =
        ProcedureHelpRow.ColumnNames.Select(name => new ResultColumn(name, ResultType.Text)).ToList();

    /// <summary>The columns a procedure answers with, known before it runs (for Describe).</summary>
    public static IReadOnlyList<ResultColumn> ResultColumns(ProcedureDefinition procedure) => procedure.Name switch
    {
        GendbProcedures.ReturnGeneratedName or GendbProcedures.ReturnActualName => RoutingCommands.RouteColumns,
        GendbProcedures.StatusName => RoutingCommands.StatusColumns,
        GendbProcedures.HelpName => HelpColumns,
        _ => throw new InvalidOperationException($"No result columns for gendb.{procedure.Name}."),
    };

    public static Task<CommandResult> ExecuteAsync(BoundCall call, ISqlSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        switch (call.Procedure.Name)
        {
            case GendbProcedures.ReturnGeneratedName:
                RequireSessionScope(call);
                return RoutingCommands.ReturnGeneratedAsync(session, call.GetText("include"), call.GetText("exclude"),
                    call.GetText("scenario") ?? SyntheticNaming.DefaultScenario, cancellationToken);
            case GendbProcedures.ReturnActualName:
                RequireSessionScope(call);
                return RoutingCommands.ReturnActualAsync(session, call.GetText("include"), call.GetText("exclude"), cancellationToken);
            case GendbProcedures.StatusName:
                return RoutingCommands.StatusAsync(session, cancellationToken);
            case GendbProcedures.HelpName:
                return Task.FromResult(Help(ProcedureCatalog.Default));
            default:
                throw new GendbCommandException(PostgresError.CreateError(SqlState.UndefinedFunction,
                    $"procedure gendb.{call.Procedure.Name} does not exist"));
        }
    }

    private static void RequireSessionScope(BoundCall call)
    {
        var scope = call.GetText("scope") ?? "session";
        if (scope == "session")
        {
            return;
        }

        throw new GendbCommandException(scope == "proxy"
            ? PostgresError.CreateError(SqlState.FeatureNotSupported, "scope => 'proxy' is not available yet",
                "Route in each session for now: CALL gendb.return_generated(include => '…') after connecting.")
            : PostgresError.CreateError(SqlState.InvalidParameterValue, $"invalid value for scope: \"{scope}\"",
                "scope is 'session' (this connection only) or 'proxy'."));
    }

    private static CommandResult Help(ProcedureCatalog catalog) => new(
        HelpColumns,
        catalog.HelpRows.Select(r => r.ToValues().Cast<object?>().ToArray()).ToList());
}
