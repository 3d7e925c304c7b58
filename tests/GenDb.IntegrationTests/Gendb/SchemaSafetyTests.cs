using GenDb.IntegrationTests.Generation;
using GenDb.IntegrationTests.Infrastructure;
using Npgsql;

namespace GenDb.IntegrationTests.Gendb;

/// <summary>
/// Every GENDB command, through the proxy, on Pagila, Chinook and a kitchen-sink schema (every
/// constraint kind, partitions, cycles, quoted names): the copies are made for every table, and
/// a fingerprint of every real table's rows, sequence, view and type is the same afterwards.
/// </summary>
public sealed class SchemaSafetyTests(PostgresFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> Schemas => new() { "pagila", "chinook", "kitchen-sink" };

    [Theory]
    [MemberData(nameof(Schemas))]
    public async Task EveryCommand_OnRealSchema_CopiesEveryTableAndChangesNothingReal(string schema)
    {
        // Loaded as the superuser (Pagila assigns owners); the test role reads everything, as an
        // application role would, and owns the database, so it may create the gendb_* schemas.
        var database = await GenerationDatabase.CreateAsync(fixture, "safety_" + schema.Replace('-', '_'), schema, Ct);

        await using var direct = new NpgsqlConnection(fixture.DirectConnectionString(database: database));
        await direct.OpenAsync(Ct);
        var before = await Scalar(direct, RealDataSafetyTests.Fingerprint);
        var realTables = (long)(await Scalar(direct, "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p') AND n.nspname NOT LIKE 'pg\\_%' AND n.nspname NOT LIKE 'gendb\\_%' AND n.nspname <> 'information_schema'"))!;
        var someTable = (string)(await Scalar(direct, "SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p') AND n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema' ORDER BY 1 LIMIT 1"))!;

        await using var proxied = new NpgsqlConnection(fixture.ProxyConnectionString(database: database));
        await proxied.OpenAsync(Ct);
        await Execute(proxied, "CALL gendb.sync()");
        var copies = (long)(await Scalar(direct, "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p') AND n.nspname LIKE 'gendb\\_default\\_\\_%'"))!;
        Assert.Equal(realTables, copies);

        string[] commands =
        [
            "CALL gendb.status()",
            $"CALL gendb.describe(table => '{someTable.Replace("'", "''", StringComparison.Ordinal)}')",
            "CALL gendb.return_generated()",
            "CALL gendb.return_actual()",
            "CALL gendb.reset()",
            "CALL gendb.sync()",
            "CALL gendb.return_generated(include => 'no_such_table')",
            "CALL gendb.drop_scenario()",
        ];
        foreach (var sql in commands)
        {
            await Execute(proxied, sql, allowError: sql.Contains("no_such_table", StringComparison.Ordinal));
        }

        Assert.Equal(before, await Scalar(direct, RealDataSafetyTests.Fingerprint));
        Assert.Equal(0L, await Scalar(direct, "SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'gendb\\_default\\_\\_%'"));
    }

    private static async Task Execute(NpgsqlConnection connection, string sql, bool allowError = false)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        try
        {
            await using var reader = await command.ExecuteReaderAsync(Ct);
            while (await reader.ReadAsync(Ct))
            {
            }
        }
        catch (PostgresException ex) when (allowError || !Rethrow(ex, sql))
        {
        }
    }

    private static bool Rethrow(PostgresException ex, string sql) =>
        throw new InvalidOperationException($"{sql} failed: {ex.SqlState} {ex.MessageText} ({ex.Hint})", ex);

    private static async Task<object?> Scalar(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync(Ct);
    }
}
