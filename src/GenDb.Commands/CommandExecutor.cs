using GenDb.Commands.Execution;
using GenDb.Commands.Generation;
using GenDb.Commands.Routing;
using GenDb.Commands.Synthetic;
using GenDb.Protocol;
using GenDb.Sql;
using GenDb.Schema.Synthetic;

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
        GendbProcedures.SyncName or GendbProcedures.DropScenarioName or GendbProcedures.ResetName => SyntheticCommands.Columns,
        GendbProcedures.DescribeName => SyntheticCommands.DescribeColumns,
        GendbProcedures.GenerateDataName => GenerateCommands.Columns,
        GendbProcedures.PlanName => PlanCommands.Columns,
        _ => throw new InvalidOperationException($"No result columns for gendb.{procedure.Name}."),
    };

    public static Task<CommandResult> ExecuteAsync(BoundCall call, ISqlSession session, CancellationToken cancellationToken) =>
        ExecuteAsync(call, session, CommandContext.Default, cancellationToken);

    public static Task<CommandResult> ExecuteAsync(BoundCall call, ISqlSession session, CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        switch (call.Procedure.Name)
        {
            case GendbProcedures.GenerateDataName:
                return GenerateCommands.GenerateDataAsync(session,
                    new GenerateDataRequest(call.GetText("include"), call.GetText("exclude"))
                    {
                        Rows = call.GetInteger("rows"),
                        Seed = call.GetInteger("seed"),
                        Scenario = call.GetText("scenario") ?? SyntheticNaming.DefaultScenario,
                        Mode = call.GetText("mode"),
                        Locale = call.GetText("locale"),
                    },
                    context,
                    cancellationToken);
            case GendbProcedures.PlanName:
                return PlanCommands.PlanResultAsync(session, call.GetText("include"), call.GetText("exclude"), call.GetInteger("rows"),
                    call.GetText("scenario") ?? SyntheticNaming.DefaultScenario, context, cancellationToken);
            case GendbProcedures.ReturnGeneratedName:
                ValidateScope(call);
                return RoutingCommands.ReturnGeneratedAsync(session, call.GetText("include"), call.GetText("exclude"),
                    call.GetText("scenario") ?? SyntheticNaming.DefaultScenario, cancellationToken);
            case GendbProcedures.ReturnActualName:
                ValidateScope(call);
                return RoutingCommands.ReturnActualAsync(session, call.GetText("include"), call.GetText("exclude"), cancellationToken);
            case GendbProcedures.StatusName:
                return RoutingCommands.StatusAsync(session, cancellationToken);
            case GendbProcedures.SyncName:
                return SyntheticCommands.SyncAsync(session, call.GetText("include"), call.GetText("exclude"),
                    call.GetText("scenario") ?? SyntheticNaming.DefaultScenario, call.GetBoolean("force") ?? false, cancellationToken);
            case GendbProcedures.ResetName:
                return SyntheticCommands.ResetAsync(session, call.GetText("include"), call.GetText("exclude"),
                    call.GetText("scenario") ?? SyntheticNaming.DefaultScenario, cancellationToken);
            case GendbProcedures.DescribeName:
                return SyntheticCommands.DescribeAsync(session, call.GetText("table")!,
                    call.GetText("scenario") ?? SyntheticNaming.DefaultScenario, cancellationToken);
            case GendbProcedures.DropScenarioName:
                return SyntheticCommands.DropScenarioAsync(session, call.GetText("scenario") ?? SyntheticNaming.DefaultScenario,
                    call.GetText("schema"), call.GetBoolean("force") ?? false, cancellationToken);
            case GendbProcedures.HelpName:
                return Task.FromResult(Help(ProcedureCatalog.Default));
            default:
                throw new GendbCommandException(PostgresError.CreateError(SqlState.UndefinedFunction,
                    $"procedure gendb.{call.Procedure.Name} does not exist"));
        }
    }

    /// <summary>
    /// 'session' or 'proxy'. The command itself is the same for both; with 'proxy', the proxy also
    /// keeps the request and applies it to later sessions.
    /// </summary>
    private static void ValidateScope(BoundCall call)
    {
        var scope = call.GetText("scope") ?? "session";
        if (scope is "session" or "proxy")
        {
            return;
        }

        throw new GendbCommandException(PostgresError.CreateError(SqlState.InvalidParameterValue, $"invalid value for scope: \"{scope}\"",
            "scope is 'session' (this connection only) or 'proxy' (every later session of this user and database, through this proxy)."));
    }

    private static CommandResult Help(ProcedureCatalog catalog) => new(
        HelpColumns,
        catalog.HelpRows.Select(r => r.ToValues().Cast<object?>().ToArray()).ToList());
}
