using System.Globalization;
using GenDb.Protocol;
using Npgsql;
using GenDb.Sql;

namespace GenDb.Schema.Tests.Infrastructure;

/// <summary>An <see cref="ISqlSession"/> over a plain Npgsql connection, counting the queries it runs.</summary>
public sealed class NpgsqlSqlSession(NpgsqlConnection connection) : ISqlSession
{
    private int _queryCount;

    public int QueryCount => _queryCount;

    public TransactionStatus TransactionStatus => TransactionStatus.Idle;

    public async Task<SqlResult> QueryAsync(string sql, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _queryCount);
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
}
