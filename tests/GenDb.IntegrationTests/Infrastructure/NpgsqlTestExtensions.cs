using Npgsql;

namespace GenDb.IntegrationTests.Infrastructure;

/// <summary>One statement at a time, as the tests of gendb commands write them.</summary>
public static class NpgsqlTestExtensions
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task ExecAsync(this NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(Ct);
    }

    public static async Task<object?> ScalarAsync(this NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync(Ct);
    }

    public static async Task<T> ScalarAsync<T>(this NpgsqlConnection connection, string sql) => (T)(await connection.ScalarAsync(sql))!;

    /// <summary>Every row, DBNull read as null.</summary>
    public static async Task<List<object?[]>> RowsAsync(this NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var rows = new List<object?[]>();
        while (await reader.ReadAsync(Ct))
        {
            var row = new object?[reader.FieldCount];
            reader.GetValues(row!);
            rows.Add(row.Select(v => v is DBNull ? null : v).ToArray());
        }

        return rows;
    }
}
