using System.Buffers.Binary;
using System.Text;
using GenDb.Commands;
using GenDb.Commands.Execution;
using GenDb.Protocol;
using GenDb.Sql;
using GenDb.Schema.Synthetic;

namespace GenDb.Proxy.Gendb;

/// <summary>
/// Takes over the client messages that hold a <c>CALL gendb.…</c> statement, in the simple and the
/// extended protocol, runs them inside the client's own server session, and answers as the server
/// answers a CALL. Everything else is relayed untouched. One instance per session.
/// </summary>
/// <remarks>
/// <see cref="Claims"/> is called once per candidate message, in order, on the relay's hot path:
/// it must not allocate for ordinary statements, and it keeps track of which statement and portal
/// names belong to GenDB. The extended-protocol part is in <c>GendbSessionHook.Extended.cs</c>.
/// </remarks>
/// <param name="execute">Runs a bound call; <see cref="CommandExecutor.ExecuteAsync"/> unless a test gives a command of its own.</param>
/// <param name="defaults">Defaults from gendb.yaml (rows, seed) for the commands.</param>
internal sealed partial class GendbSessionHook(
    ProcedureCatalog catalog,
    ProxyRoutes routes,
    SessionInfo info,
    Func<BoundCall, ISqlSession, CancellationToken, Task<CommandResult>>? execute = null,
    CommandContext? defaults = null) : IClientMessageHook
{
    private static readonly PostgresError AbortedTransaction = PostgresError.CreateError(
        SqlState.InFailedSqlTransaction,
        "current transaction is aborted, commands ignored until end of transaction block",
        "ROLLBACK (or ROLLBACK TO SAVEPOINT) first; the gendb call can then run.");

    // What PostgreSQL answers when a CancelRequest stops a statement.
    private static readonly PostgresError CanceledByUser = PostgresError.CreateError(
        SqlState.QueryCanceled, "canceling statement due to user request");

    private readonly Func<BoundCall, ISqlSession, CancellationToken, Task<CommandResult>> _execute = execute ?? ((call, session, cancellationToken) =>
        CommandExecutor.ExecuteAsync(call, session, WithNotices(defaults ?? CommandContext.Default, session), cancellationToken));

    /// <summary>Notices a command sends as it goes (generate_data's one per table) reach the client at once.</summary>
    private static CommandContext WithNotices(CommandContext context, ISqlSession session) => session is LeaseSqlSession lease
        ? new CommandContext { DefaultRows = context.DefaultRows, DefaultSeed = context.DefaultSeed, Profile = context.Profile, Progress = context.Progress, SendNotice = lease.SendNoticeAsync }
        : context;

    public bool IsCandidate(byte messageType) => (FrontendMessageType)messageType is
        FrontendMessageType.Query or FrontendMessageType.Parse or FrontendMessageType.Bind or
        FrontendMessageType.Describe or FrontendMessageType.Execute or FrontendMessageType.Close or
        FrontendMessageType.Sync or FrontendMessageType.Flush;

    public bool Claims(byte messageType, ReadOnlySpan<byte> body) => (FrontendMessageType)messageType switch
    {
        FrontendMessageType.Query => GendbCallDetector.IsGendbCall(CString(body, 0, out _)) || ClaimsReset(CString(body, 0, out _)),
        FrontendMessageType.Parse => ClaimsParse(body),
        FrontendMessageType.Bind => ClaimsBind(body),
        FrontendMessageType.Describe or FrontendMessageType.Close => ClaimsDescribeOrClose(body),
        FrontendMessageType.Execute => ClaimsExecute(body),
        FrontendMessageType.Sync or FrontendMessageType.Flush => _batchActive,
        _ => false,
    };

    /// <summary>
    /// A pool's reset (<c>DISCARD ALL</c>/<c>DISCARD TEMP</c>) drops the routing temp views. Npgsql
    /// sends it in the same write as the next command, so the routing must be back before that
    /// command reaches the server: such a Query is taken over when proxy routes exist.
    /// </summary>
    private bool ClaimsReset(ReadOnlySpan<byte> sql)
    {
        sql = sql.TrimStart(" \t\r\n"u8);
        return sql.Length >= 7 && System.Text.Ascii.EqualsIgnoreCase(sql[..7], "DISCARD"u8) && routes.Any(info.User, info.Database);
    }

    public async ValueTask HandleAsync(byte messageType, ReadOnlyMemory<byte> body, ISessionChannel session, CancellationToken cancellationToken)
    {
        if (messageType == (byte)FrontendMessageType.Query && !GendbCallDetector.IsGendbCall(CString(body.Span, 0, out _)))
        {
            await HandleResetAsync(body, session, cancellationToken);
            return;
        }

        if (messageType == (byte)FrontendMessageType.Query)
        {
            await HandleQueryAsync(Encoding.UTF8.GetString(CString(body.Span, 0, out _)), session, cancellationToken);
        }
        else
        {
            await HandleExtendedAsync((FrontendMessageType)messageType, body, session, cancellationToken);
        }
    }

    /// <summary>A simple-protocol Query holding a gendb call: answered whole, then ReadyForQuery.</summary>
    private async Task HandleQueryAsync(string sql, ISessionChannel session, CancellationToken cancellationToken)
    {
        await using var lease = await session.AcquireBackendAsync(cancellationToken);
        var sqlSession = new LeaseSqlSession(lease);
        var output = new MessageBuilder();
        var parsed = GendbCallParser.Parse(sql);
        if (!parsed.IsSuccess)
        {
            await FailAsync(sqlSession, parsed.Error!.ToPostgresError(), output, cancellationToken);
        }
        else
        {
            var bound = ProcedureBinder.Bind(catalog, parsed.Call!, []);
            if (!bound.IsSuccess)
            {
                await FailAsync(sqlSession, bound.Error!.ToPostgresError(), output, cancellationToken);
            }
            else if (await RunAsync(sqlSession, bound.Call!, output, cancellationToken) is { } result)
            {
                var columns = CommandExecutor.ResultColumns(bound.Call!.Procedure);
                ResultWriter.RowDescription(output, columns, null);
                foreach (var row in result.Rows)
                {
                    ResultWriter.DataRow(output, columns, row, null);
                }

                output.CommandComplete(ResultWriter.CallTag);
            }
        }

        output.ReadyForQuery(lease.TransactionStatus);
        await lease.SendToClientAsync(output.Written, cancellationToken);
    }

    /// <summary>
    /// Runs the call as one unit: in the client's transaction block if there is one (ROLLBACK undoes
    /// it), otherwise in a transaction of its own. Notices go to <paramref name="output"/>; a failure
    /// becomes an ErrorResponse there, with the server left in the state the error implies, and
    /// null is returned. A CancelRequest from the client stops the command as the server stops a
    /// statement: 57014, and the work undone.
    /// </summary>
    private async Task<CommandResult?> RunAsync(LeaseSqlSession session, BoundCall call, MessageBuilder output, CancellationToken cancellationToken)
    {
        // Only the command's own statements stop on the client's cancel; BEGIN, COMMIT and
        // ROLLBACK keep the plain token, so that the session is left in a known state.
        using var command = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, session.ClientCancellation);
        switch (session.TransactionStatus)
        {
            case TransactionStatus.Failed:
                output.ErrorResponse(AbortedTransaction);
                return null;
            case TransactionStatus.InTransaction:
                try
                {
                    var inBlock = Remember(call, await _execute(call, session, command.Token));
                    WriteNotices(output, inBlock);
                    return inBlock;
                }
                catch (Exception ex) when (ex is SqlErrorException or GendbCommandException || IsClientCancel(ex, session, cancellationToken))
                {
                    await FailAsync(session, ErrorOf(ex), output, cancellationToken);
                    return null;
                }

            default:
                await session.QueryAsync("BEGIN", cancellationToken);
                try
                {
                    var result = await _execute(call, session, command.Token);
                    await session.QueryAsync("COMMIT", cancellationToken);
                    WriteNotices(output, result);
                    return Remember(call, result);
                }
                catch (Exception ex) when (ex is SqlErrorException or GendbCommandException || IsClientCancel(ex, session, cancellationToken))
                {
                    await session.QueryAsync("ROLLBACK", cancellationToken);
                    output.ErrorResponse(ErrorOf(ex));
                    return null;
                }
        }
    }

    /// <summary>The command stopped because the client cancelled it, not because the proxy is shutting down.</summary>
    private static bool IsClientCancel(Exception exception, LeaseSqlSession session, CancellationToken cancellationToken) =>
        exception is OperationCanceledException && session.ClientCancellation.IsCancellationRequested && !cancellationToken.IsCancellationRequested;

    /// <summary>Keeps proxy-scope routing, and fills status's routed_by_proxy column from it.</summary>
    private CommandResult Remember(BoundCall call, CommandResult result)
    {
        var proxyScope = call.Values.TryGetValue("scope", out var scope) && scope as string == "proxy";
        switch (call.Procedure.Name)
        {
            case GendbProcedures.ReturnGeneratedName when proxyScope:
                routes.Add(info.User, info.Database, new ProxyRoute(call.GetText("include"), call.GetText("exclude"),
                    call.GetText("scenario") ?? GenDb.Schema.Synthetic.SyntheticNaming.DefaultScenario));
                break;
            case GendbProcedures.ReturnActualName when proxyScope:
                routes.Remove(info.User, info.Database, call.GetText("include"));
                break;
            case GendbProcedures.StatusName:
                foreach (var row in result.Rows)
                {
                    row[5] = routes.Routes(info.User, info.Database, (string)row[0]!, (string)row[1]!);
                }

                break;
            default:
                break;
        }

        return result;
    }

    /// <summary>Relays the reset and its answer, then routes again before anything else runs.</summary>
    private async Task HandleResetAsync(ReadOnlyMemory<byte> body, ISessionChannel session, CancellationToken cancellationToken)
    {
        await using (var lease = await session.AcquireBackendAsync(cancellationToken))
        {
            var query = new MessageBuilder(body.Length + FrameHeader.Size).Begin(FrontendMessageType.Query).WriteBytes(body.Span).End();
            await lease.SendToBackendAsync(query.Written, cancellationToken);
            BackendMessage message;
            do
            {
                message = await lease.ReadBackendMessageAsync(cancellationToken);
                await lease.ForwardToClientAsync(message, cancellationToken);
            }
            while (message.Type != BackendMessageType.ReadyForQuery);
        }

        await OnSessionResetAsync(session, cancellationToken);
    }

    /// <summary>
    /// Re-applies proxy-scope routing when the session is new or was reset. A failure does not
    /// end the session: the client gets a WARNING saying what could not be routed.
    /// </summary>
    public async ValueTask OnSessionResetAsync(ISessionChannel session, CancellationToken cancellationToken)
    {
        var wanted = routes.For(info.User, info.Database);
        if (wanted.Count == 0)
        {
            return;
        }

        await using var lease = await session.AcquireBackendAsync(cancellationToken);
        if (lease.TransactionStatus != TransactionStatus.Idle)
        {
            return;
        }

        var sqlSession = new LeaseSqlSession(lease);
        var warnings = new MessageBuilder();
        foreach (var route in wanted)
        {
            await sqlSession.QueryAsync("BEGIN", cancellationToken);
            try
            {
                await Commands.Routing.RoutingCommands.ReturnGeneratedAsync(sqlSession, route.Include, route.Exclude, route.Scenario, cancellationToken);
                await sqlSession.QueryAsync("COMMIT", cancellationToken);
            }
            catch (Exception ex) when (ex is SqlErrorException or GendbCommandException)
            {
                await sqlSession.QueryAsync("ROLLBACK", cancellationToken);
                var error = ErrorOf(ex);
                warnings.ErrorResponse(new PostgresError("WARNING", error.SqlState,
                    $"GenDB could not route {route.Include ?? "every table"} to scenario {route.Scenario} for this session: {error.Message}")
                { Hint = error.Hint });
            }
        }

        if (warnings.Length > 0)
        {
            await lease.SendToClientAsync(warnings.Written, cancellationToken);
        }
    }

    /// <summary>
    /// Reports an error. Inside a transaction block the server's transaction must fail too, as it
    /// would had the server itself raised the error, so that the next ReadyForQuery says 'E'.
    /// </summary>
    private static async Task FailAsync(LeaseSqlSession session, PostgresError error, MessageBuilder output, CancellationToken cancellationToken)
    {
        if (session.TransactionStatus == TransactionStatus.InTransaction)
        {
            try
            {
                await session.QueryAsync("DO $gendb$ BEGIN RAISE EXCEPTION 'gendb call failed'; END $gendb$", cancellationToken);
            }
            catch (SqlErrorException)
            {
                // Expected: the block is now failed.
            }
        }

        output.ErrorResponse(error);
    }

    private static PostgresError ErrorOf(Exception exception) => exception switch
    {
        GendbCommandException command => command.Error,
        SqlErrorException sql => sql.Error,
        OperationCanceledException => CanceledByUser,
        _ => PostgresError.CreateError(SqlState.InternalError, exception.Message),
    };

    private static void WriteNotices(MessageBuilder output, CommandResult result)
    {
        foreach (var notice in result.Notices)
        {
            output.ErrorResponse(notice);
        }
    }

    /// <summary>The bytes of the NUL-terminated string at <paramref name="start"/>, and where the next field starts.</summary>
    private static ReadOnlySpan<byte> CString(ReadOnlySpan<byte> body, int start, out int next)
    {
        var rest = body[start..];
        var end = rest.IndexOf((byte)0);
        if (end < 0)
        {
            next = body.Length;
            return rest;
        }

        next = start + end + 1;
        return rest[..end];
    }
}
