using System.Buffers.Binary;
using System.Text;
using GenDb.Commands;
using GenDb.Commands.Execution;
using GenDb.Protocol;

namespace GenDb.Proxy.Gendb;

/// <summary>
/// The extended protocol. Parse/Bind/Describe/Execute/Close of gendb statements are answered from
/// here; their replies are held until Flush or Sync, as the server may hold its own, and the calls
/// run then, in order. A Sync batch is either all gendb messages (answered here) or none (relayed):
/// mixing them in one batch is refused with 0A000, so that the batch's transaction and its
/// skip-to-Sync-after-an-error rule stay PostgreSQL's own. See docs/gendb-sql.md.
/// </summary>
internal sealed partial class GendbSessionHook
{
    private const string BogusPortal = "\u0001gendb: fail this batch";

    private static readonly PostgresError MixedBatch = PostgresError.CreateError(
        SqlState.FeatureNotSupported,
        "a gendb call cannot share a Sync batch with other statements",
        "Send the gendb call as a command of its own (not inside an NpgsqlBatch or a pipeline with other statements).");

    private readonly Dictionary<string, GendbStatement> _statements = new(StringComparer.Ordinal);
    private readonly Dictionary<string, GendbPortal> _portals = new(StringComparer.Ordinal);
    private readonly List<Step> _steps = [];

    // Gendb messages were taken since the last Sync, so the Sync (and any Flush) is answered here.
    private bool _batchActive;

    // An error happened in this batch: everything up to Sync is skipped, as the server would.
    private bool _batchFailed;

    private sealed record GendbStatement(GendbCall Call, uint[] ParameterTypes);

    private sealed class GendbPortal(ProcedureDefinition procedure, BoundCall? call, PostgresError? error, short[] resultFormats)
    {
        public ProcedureDefinition Procedure { get; } = procedure;
        public BoundCall? Call { get; } = call;
        public PostgresError? Error { get; } = error;
        public short[] ResultFormats { get; } = resultFormats;
        public CommandResult? Result { get; set; }
        public int RowsSent { get; set; }
    }

    private abstract record Step;

    private sealed record ReplyStep(byte[] Messages) : Step;

    // The portal is taken when the Execute arrives, as the server would take it: a Close or a new
    // Bind of the same name later in the batch does not change what this Execute runs.
    private sealed record ExecuteStep(string Name, GendbPortal Portal, int MaxRows) : Step;

    private sealed record ErrorStep(PostgresError Error) : Step;

    private bool ClaimsParse(ReadOnlySpan<byte> body)
    {
        var name = CString(body, 0, out var next);
        if (GendbCallDetector.IsGendbCall(CString(body, next, out _)) || _batchActive)
        {
            return true;
        }

        // The server's unnamed statement is replaced by this Parse: ours is gone too.
        if (name.IsEmpty && _statements.Count > 0)
        {
            _statements.Remove(string.Empty);
        }

        return false;
    }

    private bool ClaimsBind(ReadOnlySpan<byte> body)
    {
        var portal = CString(body, 0, out var next);
        if (ContainsName(_statements, CString(body, next, out _)) || _batchActive)
        {
            return true;
        }

        if (portal.IsEmpty && _portals.Count > 0)
        {
            _portals.Remove(string.Empty);
        }

        return false;
    }

    private bool ClaimsDescribeOrClose(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
        {
            return false;
        }

        var name = CString(body, 1, out _);
        return (body[0] == (byte)'S' ? ContainsName(_statements, name) : ContainsName(_portals, name)) || _batchActive;
    }

    private bool ClaimsExecute(ReadOnlySpan<byte> body) => ContainsName(_portals, CString(body, 0, out _)) || _batchActive;

    /// <summary>Looks a name up without allocating: these run for every ordinary Bind/Execute once a gendb statement exists.</summary>
    private static bool ContainsName<T>(Dictionary<string, T> map, ReadOnlySpan<byte> utf8Name)
    {
        if (map.Count == 0)
        {
            return false;
        }

        if (utf8Name.Length > 256)
        {
            return map.ContainsKey(Encoding.UTF8.GetString(utf8Name));
        }

        Span<char> chars = stackalloc char[256];
        var count = Encoding.UTF8.GetChars(utf8Name, chars);
        return map.GetAlternateLookup<ReadOnlySpan<char>>().ContainsKey(chars[..count]);
    }

    private async Task HandleExtendedAsync(FrontendMessageType type, ReadOnlyMemory<byte> body, ISessionChannel session, CancellationToken cancellationToken)
    {
        if (type == FrontendMessageType.Sync)
        {
            await AnswerBatchAsync(session, sync: true, cancellationToken);
            return;
        }

        if (_batchFailed)
        {
            return; // skipping to Sync
        }

        if (type == FrontendMessageType.Flush)
        {
            await AnswerBatchAsync(session, sync: false, cancellationToken);
            return;
        }

        var span = body.Span;
        var first = CString(span, type is FrontendMessageType.Describe or FrontendMessageType.Close ? 1 : 0, out var next);
        var ours = type switch
        {
            FrontendMessageType.Parse => GendbCallDetector.IsGendbCall(CString(span, next, out _)),
            FrontendMessageType.Bind => ContainsName(_statements, CString(span, next, out _)),
            FrontendMessageType.Execute => ContainsName(_portals, first),
            _ => span[0] == (byte)'S' ? ContainsName(_statements, first) : ContainsName(_portals, first),
        };

        if (!ours)
        {
            // An ordinary statement after gendb messages in the same batch: nothing of it has run.
            _steps.Clear();
            Fail(MixedBatch);
            return;
        }

        if (!_batchActive && session.HasUnsyncedExtendedMessages)
        {
            // Ordinary statements came first in this batch and are already with the server.
            await FailServerBatchAsync(session, cancellationToken);
            return;
        }

        _batchActive = true;
        var name = Encoding.UTF8.GetString(first);
        switch (type)
        {
            case FrontendMessageType.Parse:
                Parse(name, span[next..]);
                break;
            case FrontendMessageType.Bind:
                Bind(name, span[next..]);
                break;
            case FrontendMessageType.Describe:
                Describe(span[0], name);
                break;
            case FrontendMessageType.Execute:
                _steps.Add(new ExecuteStep(name, _portals[name], BinaryPrimitives.ReadInt32BigEndian(span[next..])));
                break;
            case FrontendMessageType.Close:
                if (span[0] == (byte)'S')
                {
                    _statements.Remove(name);
                }
                else
                {
                    _portals.Remove(name);
                }

                Reply(b => b.Begin(BackendMessageType.CloseComplete).End());
                break;
            default:
                break;
        }
    }

    private void Parse(string name, ReadOnlySpan<byte> rest)
    {
        var sql = Encoding.UTF8.GetString(CString(rest, 0, out var next));
        var count = BinaryPrimitives.ReadInt16BigEndian(rest[next..]);
        var types = new uint[count];
        for (var i = 0; i < count; i++)
        {
            types[i] = BinaryPrimitives.ReadUInt32BigEndian(rest[(next + 2 + (4 * i))..]);
        }

        if (name.Length > 0 && _statements.ContainsKey(name))
        {
            Fail(PostgresError.CreateError("42P05", $"prepared statement \"{name}\" already exists"));
            return;
        }

        var parsed = GendbCallParser.Parse(sql);
        if (!parsed.IsSuccess)
        {
            Fail(parsed.Error!.ToPostgresError());
            return;
        }

        if (!catalog.TryGet(parsed.Call!.Procedure, out _))
        {
            // The server also rejects a CALL of an unknown procedure at Parse.
            Fail(ProcedureBinder.Bind(catalog, parsed.Call, []).Error!.ToPostgresError());
            return;
        }

        _statements[name] = new GendbStatement(parsed.Call, types);
        Reply(b => b.Begin(BackendMessageType.ParseComplete).End());
    }

    private void Bind(string portalName, ReadOnlySpan<byte> rest)
    {
        var statement = _statements[Encoding.UTF8.GetString(CString(rest, 0, out var offset))];
        var formatCount = BinaryPrimitives.ReadInt16BigEndian(rest[offset..]);
        var formats = new short[formatCount];
        offset += 2;
        for (var i = 0; i < formatCount; i++, offset += 2)
        {
            formats[i] = BinaryPrimitives.ReadInt16BigEndian(rest[offset..]);
        }

        var valueCount = BinaryPrimitives.ReadInt16BigEndian(rest[offset..]);
        offset += 2;
        var values = new PlaceholderValue[valueCount];
        for (var i = 0; i < valueCount; i++)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(rest[offset..]);
            offset += 4;
            var format = ResultWriter.FormatOf(formats, i);
            var type = i < statement.ParameterTypes.Length ? statement.ParameterTypes[i] : 0;
            if (length < 0)
            {
                values[i] = new PlaceholderValue(null, format, type);
                continue;
            }

            values[i] = new PlaceholderValue(rest.Slice(offset, length).ToArray(), format, type);
            offset += length;
        }

        var resultCount = BinaryPrimitives.ReadInt16BigEndian(rest[offset..]);
        var resultFormats = new short[resultCount];
        offset += 2;
        for (var i = 0; i < resultCount; i++, offset += 2)
        {
            resultFormats[i] = BinaryPrimitives.ReadInt16BigEndian(rest[offset..]);
        }

        var bound = ProcedureBinder.Bind(catalog, statement.Call, values);
        catalog.TryGet(statement.Call.Procedure, out var procedure);
        var error = bound.IsSuccess ? null : bound.Error!.ToPostgresError();
        _portals[portalName] = new GendbPortal(procedure!, bound.Call, error, resultFormats);
        if (error is not null)
        {
            Fail(error);
            return;
        }

        Reply(b => b.Begin(BackendMessageType.BindComplete).End());
    }

    private void Describe(byte kind, string name)
    {
        if (kind == (byte)'S')
        {
            var statement = _statements[name];
            catalog.TryGet(statement.Call.Procedure, out var procedure);
            var count = Math.Max(statement.ParameterTypes.Length, statement.Call.MaxPlaceholder);
            Reply(b =>
            {
                b.Begin(BackendMessageType.ParameterDescription).WriteInt16((short)count);
                for (var i = 0; i < count; i++)
                {
                    var type = i < statement.ParameterTypes.Length && statement.ParameterTypes[i] != 0 ? statement.ParameterTypes[i] : 25u;
                    b.WriteInt32((int)type);
                }

                b.End();
                ResultWriter.RowDescription(b, CommandExecutor.ResultColumns(procedure!), null);
            });
            return;
        }

        var portal = _portals[name];
        Reply(b => ResultWriter.RowDescription(b, CommandExecutor.ResultColumns(portal.Procedure), portal.ResultFormats));
    }

    private void Reply(Action<MessageBuilder> write)
    {
        var builder = new MessageBuilder();
        write(builder);
        _steps.Add(new ReplyStep(builder.ToArray()));
    }

    private void Fail(PostgresError error)
    {
        _steps.Add(new ErrorStep(error));
        _batchFailed = true;
        _batchActive = true;
    }

    /// <summary>Sends what the batch has to say so far; runs its Executes; at Sync, ends it.</summary>
    private async Task AnswerBatchAsync(ISessionChannel session, bool sync, CancellationToken cancellationToken)
    {
        await using var lease = await session.AcquireBackendAsync(cancellationToken);
        var sqlSession = new LeaseSqlSession(lease);
        var output = new MessageBuilder();
        foreach (var step in _steps)
        {
            if (!await AnswerStepAsync(step, sqlSession, output, cancellationToken))
            {
                _batchFailed = true;
                break;
            }
        }

        _steps.Clear();
        if (sync)
        {
            output.ReadyForQuery(lease.TransactionStatus);
            _batchActive = false;
            _batchFailed = false;
            if (lease.TransactionStatus == TransactionStatus.Idle)
            {
                // Portals live until their transaction ends.
                _portals.Clear();
            }
        }

        await lease.SendToClientAsync(output.Written, cancellationToken);
    }

    private async Task<bool> AnswerStepAsync(Step step, LeaseSqlSession session, MessageBuilder output, CancellationToken cancellationToken)
    {
        switch (step)
        {
            case ReplyStep reply:
                output.WriteBytes(reply.Messages);
                return true;
            case ErrorStep error:
                await FailAsync(session, error.Error, output, cancellationToken);
                return false;
            case ExecuteStep execute:
                var portal = execute.Portal;
                if (portal.Error is not null)
                {
                    await FailAsync(session, portal.Error, output, cancellationToken);
                    return false;
                }

                portal.Result ??= await RunAsync(session, portal.Call!, output, cancellationToken);
                if (portal.Result is null)
                {
                    return false;
                }

                var columns = CommandExecutor.ResultColumns(portal.Procedure);
                var rows = portal.Result.Rows;
                var end = execute.MaxRows > 0 ? Math.Min(rows.Count, portal.RowsSent + execute.MaxRows) : rows.Count;
                for (; portal.RowsSent < end; portal.RowsSent++)
                {
                    ResultWriter.DataRow(output, columns, rows[portal.RowsSent], portal.ResultFormats);
                }

                if (portal.RowsSent < rows.Count)
                {
                    output.Begin(BackendMessageType.PortalSuspended).End();
                }
                else
                {
                    output.CommandComplete(ResultWriter.CallTag);
                }

                return true;
            default:
                return true;
        }
    }

    /// <summary>
    /// Ordinary messages of this batch are already with the server. It is made to fail the batch
    /// (an Execute of a portal that cannot exist, then Sync, so its transaction rolls back as after
    /// any error in a batch); what it says about the ordinary messages goes to the client; the rest
    /// of the batch is skipped here, and the client's Sync is answered with the server's status.
    /// </summary>
    private async Task FailServerBatchAsync(ISessionChannel session, CancellationToken cancellationToken)
    {
        await using (var lease = await session.AcquireBackendAsync(cancellationToken))
        {
            var request = new MessageBuilder()
                .Begin(FrontendMessageType.Execute).WriteCString(BogusPortal).WriteInt32(0).End()
                .Begin(FrontendMessageType.Sync).End();
            await lease.SendToBackendAsync(request.Written, cancellationToken);
            while (true)
            {
                var message = await lease.ReadBackendMessageAsync(cancellationToken);
                if (message.Type == BackendMessageType.ReadyForQuery)
                {
                    break;
                }

                if (message.Type == BackendMessageType.ErrorResponse && PostgresError.Parse(message.Body).Message.Contains(BogusPortal, StringComparison.Ordinal))
                {
                    continue;
                }

                await lease.ForwardToClientAsync(message, cancellationToken);
            }
        }

        _steps.Clear();
        Fail(MixedBatch);
    }
}
