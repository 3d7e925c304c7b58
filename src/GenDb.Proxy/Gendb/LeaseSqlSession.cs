using System.Buffers.Binary;
using System.Text;
using GenDb.Protocol;
using GenDb.Sql;

namespace GenDb.Proxy.Gendb;

/// <summary>
/// Runs GenDB's own SQL in the client's server session through a backend lease, with the simple
/// protocol, and consumes every reply: nothing the server says to GenDB reaches the client.
/// </summary>
internal sealed class LeaseSqlSession(IBackendLease lease) : ISqlSession
{
    private readonly MessageBuilder _builder = new();

    public TransactionStatus TransactionStatus => lease.TransactionStatus;

    public async Task<SqlResult> QueryAsync(string sql, CancellationToken cancellationToken)
    {
        _builder.Clear();
        await lease.SendToBackendAsync(_builder.Query(sql).Written, cancellationToken);

        IReadOnlyList<string> columns = [];
        var rows = new List<string?[]>();
        string? tag = null;
        PostgresError? error = null;
        while (true)
        {
            var message = await lease.ReadBackendMessageAsync(cancellationToken);
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
                    tag = Encoding.UTF8.GetString(message.Body.AsSpan(0, Math.Max(0, message.Body.Length - 1)));
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
