using GenDb.IntegrationTests.Gendb;
using GenDb.IntegrationTests.Infrastructure;
using Npgsql;

namespace GenDb.IntegrationTests.Generation;

/// <summary>
/// Every table of Pagila (its partitioned payment included), Chinook and the kitchen-sink schema
/// reaches the requested count, PostgreSQL checks every constraint, and no real row changes.
/// </summary>
/// <remarks>One class per schema, so the three run in parallel.</remarks>
public abstract class RealSchemaGenerationTests(PostgresFixture fixture, string schema)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static int s_databases;

    [Theory]
    [InlineData(10)]
    [InlineData(1_000)]
    [InlineData(100_000)]
    public async Task EveryTable_ReachesTheCount(int rows)
    {
        var database = await GenerationDatabase.CreateAsync(fixture, $"real_{schema.Replace('-', '_')}_{Interlocked.Increment(ref s_databases)}", schema, Ct);
        await using var direct = new NpgsqlConnection(fixture.DirectConnectionString(database: database) + ";Command Timeout=900");
        await direct.OpenAsync(Ct);
        await using var proxied = new NpgsqlConnection(fixture.ProxyConnectionString(database: database) + ";Command Timeout=900");
        await proxied.OpenAsync(Ct);
        var fingerprint = await direct.ScalarAsync(RealDataSafetyTests.Fingerprint);

        var result = await proxied.RowsAsync($"CALL gendb.generate_data(rows => {rows})");

        var realTables = (await direct.RowsAsync(GenerationDatabase.RealTablesSql)).Select(r => (string)r[0]!).ToList();
        // kitchen-sink has a real schema named like a synthetic one (gendb_demo__shop); it is not a real table of its own.
        Assert.Equal(realTables, result.Select(r => $"{r[0]}.{r[1]}").Order(StringComparer.Ordinal));
        var counts = await GenerationDatabase.ChecksumsAsync(direct);
        Assert.Equal(realTables.Count, counts.Count);
        Assert.All(counts, c => Assert.True(c.Value.Rows == rows, $"{c.Key}: {c.Value.Rows} rows, expected {rows}"));
        Assert.Empty(await direct.RowsAsync(
            "SELECT k.conname FROM pg_constraint k JOIN pg_namespace n ON n.oid = k.connamespace WHERE n.nspname LIKE 'gendb\\_%' AND NOT k.convalidated"));
        Assert.Equal(fingerprint, await direct.ScalarAsync(RealDataSafetyTests.Fingerprint));
    }
}

public sealed class PagilaGenerationTests(PostgresFixture fixture) : RealSchemaGenerationTests(fixture, "pagila");

public sealed class ChinookGenerationTests(PostgresFixture fixture) : RealSchemaGenerationTests(fixture, "chinook");

public sealed class KitchenSinkGenerationTests(PostgresFixture fixture) : RealSchemaGenerationTests(fixture, "kitchen-sink");
