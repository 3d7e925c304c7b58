using Npgsql;

namespace GenDb.IntegrationTests.Infrastructure;

/// <summary>
/// Real tables with hand-made synthetic copies, for the tests of routing: until generation
/// lands, a synthetic table is plain SQL in <c>gendb_default__public</c>.
/// </summary>
public static class SyntheticTables
{
    private static readonly SemaphoreSlim SchemaLock = new(1, 1);

    /// <summary>
    /// Creates <c>public.&lt;prefix&gt;_&lt;random&gt;</c> with rows named real-1…real-N and its
    /// synthetic copy with rows named fake-1…fake-M; returns the table's name.
    /// </summary>
    public static async Task<string> CreatePairAsync(PostgresFixture fixture, string prefix, int realRows = 3, int syntheticRows = 5)
    {
        var table = prefix + "_" + Guid.NewGuid().ToString("N")[..10];
        await using var direct = await fixture.OpenDirectAsync();
        await EnsureSchemaAsync(direct);
        await ExecAsync(direct, $"create table public.{table} (id serial primary key, name text not null)");
        await ExecAsync(direct, $"insert into public.{table} (name) select 'real-' || i from generate_series(1, {realRows}) i");
        await ExecAsync(direct, $"create table gendb_default__public.{table} (id serial primary key, name text not null)");
        await ExecAsync(direct, $"insert into gendb_default__public.{table} (name) select 'fake-' || i from generate_series(1, {syntheticRows}) i");
        return table;
    }

    /// <summary>
    /// Test classes create the schema at the same time, and concurrent <c>create schema if not
    /// exists</c> can still collide on the catalog's unique index: serialized here, retried there.
    /// </summary>
    public static async Task EnsureSchemaAsync(NpgsqlConnection connection)
    {
        await SchemaLock.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await ExecAsync(connection, "create schema if not exists gendb_default__public");
                    return;
                }
                catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.DuplicateSchema && attempt < 5)
                {
                    await Task.Delay(50 * attempt, TestContext.Current.CancellationToken);
                }
            }
        }
        finally
        {
            SchemaLock.Release();
        }
    }

    private static async Task ExecAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }
}
