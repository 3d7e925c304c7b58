using System.Buffers.Binary;
using System.Text;
using GenDb.Commands;
using GenDb.Commands.Execution;
using GenDb.Protocol;

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
internal sealed partial class GendbSessionHook(ProcedureCatalog catalog) : IClientMessageHook
{
    private static readonly PostgresError AbortedTransaction = PostgresError.CreateError(
        SqlState.InFailedSqlTransaction,
        "current transaction is aborted, commands ignored until end of transaction block",
        "ROLLBACK (or ROLLBACK TO SAVEPOINT) first; the gendb call can then run.");

    public bool IsCandidate(byte messageType) => (FrontendMessageType)messageType is
        FrontendMessageType.Query or FrontendMessageType.Parse or FrontendMessageType.Bind or
        FrontendMessageType.Describe or FrontendMessageType.Execute or FrontendMessageType.Close or
        FrontendMessageType.Sync or FrontendMessageType.Flush;

    public bool Claims(byte messageType, ReadOnlySpan<byte> body) => (FrontendMessageType)messageType switch
    {
        FrontendMessageType.Query => GendbCallDetector.IsGendbCall(CString(body, 0, out _)),
        FrontendMessageType.Parse => ClaimsParse(body),
        FrontendMessageType.Bind => ClaimsBind(body),
        FrontendMessageType.Describe or FrontendMessageType.Close => ClaimsDescribeOrClose(body),
        FrontendMessageType.Execute => ClaimsExecute(body),
        FrontendMessageType.Sync or FrontendMessageType.Flush => _batchActive,
        _ => false,
    };

    public async ValueTask HandleAsync(byte messageType, ReadOnlyMemory<byte> body, ISessionChannel session, CancellationToken cancellationToken)
    {
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
    /// null is returned.
    /// </summary>
    private static async Task<CommandResult?> RunAsync(LeaseSqlSession session, BoundCall call, MessageBuilder output, CancellationToken cancellationToken)
    {
        switch (session.TransactionStatus)
        {
            case TransactionStatus.Failed:
                output.ErrorResponse(AbortedTransaction);
                return null;
            case TransactionStatus.InTransaction:
                try
                {
                    var inBlock = await CommandExecutor.ExecuteAsync(call, session, cancellationToken);
                    WriteNotices(output, inBlock);
                    return inBlock;
                }
                catch (Exception ex) when (ex is SqlErrorException or GendbCommandException)
                {
                    await FailAsync(session, ErrorOf(ex), output, cancellationToken);
                    return null;
                }

            default:
                await session.QueryAsync("BEGIN", cancellationToken);
                try
                {
                    var result = await CommandExecutor.ExecuteAsync(call, session, cancellationToken);
                    await session.QueryAsync("COMMIT", cancellationToken);
                    WriteNotices(output, result);
                    return result;
                }
                catch (Exception ex) when (ex is SqlErrorException or GendbCommandException)
                {
                    await session.QueryAsync("ROLLBACK", cancellationToken);
                    output.ErrorResponse(ErrorOf(ex));
                    return null;
                }
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
