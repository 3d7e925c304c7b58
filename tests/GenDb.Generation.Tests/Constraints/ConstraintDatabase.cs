using System.Collections.Concurrent;
using GenDb.Generation.Tests.Infrastructure;
using Npgsql;

namespace GenDb.Generation.Tests.Constraints;

/// <summary>
/// Databases made on first use and shared by the tests that name them (each test makes its own
/// tables), with the few statements these tests need.
/// </summary>
internal static class ConstraintDatabase
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<string>>> Databases = new(StringComparer.Ordinal);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<NpgsqlConnection> OpenAsync(ClusterFixture fixture, string name, string? setup = null)
    {
        var connectionString = await Databases.GetOrAdd(name, _ => new Lazy<Task<string>>(() => CreateAsync(fixture, name, setup))).Value;
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Ct);

        // Timestamps with time zone are printed in the session's zone: pin it so the expected texts hold.
        await connection.ExecAsync("SET TimeZone = 'UTC'");
        return connection;
    }

    public static async Task ExecAsync(this NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(Ct);
    }

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
            rows.Add([.. row.Select(v => v is DBNull ? null : v)]);
        }

        return rows;
    }

    /// <summary>The definitions of a table's CHECK constraints by name, as pg_get_constraintdef prints them.</summary>
    public static async Task<Dictionary<string, string>> ChecksAsync(this NpgsqlConnection connection, string table)
    {
        var rows = await connection.RowsAsync(
            $"SELECT conname::text, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = '{table}'::regclass AND contype = 'c'");
        return rows.ToDictionary(r => (string)r[0]!, r => (string)r[1]!, StringComparer.Ordinal);
    }

    private static async Task<string> CreateAsync(ClusterFixture fixture, string name, string? setup)
    {
        var connectionString = await fixture.CreateDatabaseAsync(name);
        if (setup is not null)
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(Ct);
            await connection.ExecAsync(setup);
        }

        return connectionString;
    }
}
