using System.Globalization;
using GenDb.Commands.Execution;
using GenDb.Protocol;
using Npgsql;

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
            var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
            var rows = new List<string?[]>();
            while (await reader.ReadAsync(cancellationToken))
            {
                var row = new string?[reader.FieldCount];
                for (var i = 0; i < row.Length; i++)
                {
                    row[i] = reader.IsDBNull(i) ? null : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture);
                }

                rows.Add(row);
            }

            return new SqlResult(columns, rows, null);
        }
        catch (PostgresException ex)
        {
            throw new SqlErrorException(PostgresError.CreateError(ex.SqlState, ex.MessageText, ex.Hint));
        }
    }
}
