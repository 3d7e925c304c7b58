using System.Globalization;
using System.Text;
using GenDb.Protocol;
using GenDb.Sql;
using Npgsql;

namespace GenDb.Generation.Tests.Infrastructure;

/// <summary>An <see cref="ISqlSession"/> over a plain Npgsql connection, for reading schemas and loading COPY data in tests.</summary>
public sealed class TestSqlSession(NpgsqlConnection connection) : ISqlSession
{
    public TransactionStatus TransactionStatus => TransactionStatus.Idle;

    public async Task<SqlResult> QueryAsync(string sql, CancellationToken cancellationToken)
    {
        try
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);

            // Like the proxy's session: the rows of the last result set of a multi-statement query.
            var columns = new List<string>();
            var rows = new List<string?[]>();
            do
            {
                if (reader.FieldCount == 0)
                {
                    continue;
                }

                columns = [.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetName)];
                rows = [];
                while (await reader.ReadAsync(cancellationToken))
                {
                    var row = new string?[reader.FieldCount];
                    for (var i = 0; i < row.Length; i++)
                    {
                        row[i] = reader.IsDBNull(i) ? null : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture);
                    }

                    rows.Add(row);
                }
            }
            while (await reader.NextResultAsync(cancellationToken));

            return new SqlResult(columns, rows, null);
        }
        catch (PostgresException ex)
        {
            throw new SqlErrorException(PostgresError.CreateError(ex.SqlState, ex.MessageText, ex.Hint));
        }
    }

    public async Task<long> CopyInAsync(string copyStatement, IAsyncEnumerable<ReadOnlyMemory<byte>> data, CancellationToken cancellationToken)
    {
        try
        {
            // A chunk may end inside a UTF-8 sequence: the decoder carries the rest to the next one.
            var decoder = Encoding.UTF8.GetDecoder();
            long rows = 0;
            await using (var writer = await connection.BeginTextImportAsync(copyStatement, cancellationToken))
            {
                await foreach (var chunk in data.WithCancellation(cancellationToken))
                {
                    var chars = new char[decoder.GetCharCount(chunk.Span, flush: false)];
                    decoder.GetChars(chunk.Span, chars, flush: false);
                    await writer.WriteAsync(chars, cancellationToken);

                    // Text COPY escapes newlines inside values, so each newline ends a row.
                    rows += chunk.Span.Count((byte)'\n');
                }
            }

            return rows;
        }
        catch (PostgresException ex)
        {
            throw new SqlErrorException(PostgresError.CreateError(ex.SqlState, ex.MessageText, ex.Hint));
        }
    }
}
