using System.Buffers.Binary;
using System.Text;
using GenDb.Protocol;
using GenDb.Sql;

namespace GenDb.Proxy.Gendb;

/// <summary>
/// Runs GenDB's own SQL in the client's server session through a backend lease, with the simple
/// protocol, and consumes every reply: nothing the server says to GenDB reaches the client.
/// </summary>
/// <remarks>
/// Once a statement is sent its reply is read to ReadyForQuery whatever the cancellation token
/// says: a reply left unread would reach the client when the lease ends. Cancellation stops the
/// work between statements; a statement already running is stopped by the server, which received
/// the client's CancelRequest too, and a proxy shutdown closes the server connection, which ends
/// every read. COPY is in <c>LeaseSqlSession.CopyIn.cs</c>.
/// </remarks>
internal sealed partial class LeaseSqlSession(IBackendLease lease) : ISqlSession
{
    private readonly MessageBuilder _builder = new();

    public TransactionStatus TransactionStatus => lease.TransactionStatus;

    /// <summary>Sends a NOTICE (or WARNING) to the client now, while the command still runs.</summary>
    public ValueTask SendNoticeAsync(PostgresError notice, CancellationToken cancellationToken) =>
        lease.SendToClientAsync(new MessageBuilder().ErrorResponse(notice).Written, cancellationToken);

    /// <summary>Cancelled by a CancelRequest from the client while this session's lease is held.</summary>
    public CancellationToken ClientCancellation => lease.ClientCancellation;

    public async Task<SqlResult> QueryAsync(string sql, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _builder.Clear();
        await lease.SendToBackendAsync(_builder.Query(sql).Written, CancellationToken.None);

        IReadOnlyList<string> columns = [];
        var rows = new List<string?[]>();
        string? tag = null;
        PostgresError? error = null;
        while (true)
        {
            var message = await lease.ReadBackendMessageAsync(CancellationToken.None);
            switch (message.Type)
            {
                case BackendMessageType.RowDescription:
                    columns = ReadColumnNames(message.Body);
                    rows.Clear();
                    break;
                case BackendMessageType.DataRow:
                    rows.Add(ReadRow(message.Body));
                    break;
                case BackendMessageType.CommandComplete:
                    tag = ReadTag(message.Body);
                    break;
                case BackendMessageType.ErrorResponse:
                    error = PostgresError.Parse(message.Body);
                    break;
                case BackendMessageType.ReadyForQuery:
                    if (error is not null)
                    {
                        throw new SqlErrorException(error);
                    }

                    return new SqlResult(columns, rows, tag);
                default:
                    // Notices about GenDB's own statements ("view does not exist, skipping") are its own business.
                    break;
            }
        }
    }

    private static string ReadTag(byte[] body) => Encoding.UTF8.GetString(body.AsSpan(0, Math.Max(0, body.Length - 1)));

    private static List<string> ReadColumnNames(byte[] body)
    {
        var count = BinaryPrimitives.ReadInt16BigEndian(body);
        var names = new List<string>(count);
        var offset = 2;
        for (var i = 0; i < count; i++)
        {
            var end = Array.IndexOf(body, (byte)0, offset);
            names.Add(Encoding.UTF8.GetString(body, offset, end - offset));
            offset = end + 1 + 18; // table oid, attnum, type oid, typlen, typmod, format
        }

        return names;
    }

    private static string?[] ReadRow(byte[] body)
    {
        var count = BinaryPrimitives.ReadInt16BigEndian(body);
        var values = new string?[count];
        var offset = 2;
        for (var i = 0; i < count; i++)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(body.AsSpan(offset));
            offset += 4;
            if (length >= 0)
            {
                values[i] = Encoding.UTF8.GetString(body, offset, length);
                offset += length;
            }
        }

        return values;
    }
}
