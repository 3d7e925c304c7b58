using GenDb.Commands.Execution;
using GenDb.Commands.Generation;
using GenDb.IntegrationTests.Infrastructure;
using GenDb.Sql.Npgsql;
using Npgsql;

namespace GenDb.IntegrationTests.Generation;

/// <summary>
/// The engine over a plain Npgsql connection (how the CLI runs it) writes the same rows as
/// through the proxy: one engine, two sessions.
/// </summary>
public sealed class DirectModeTests(PostgresFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SameSeed_SameRows_ThroughTheProxyAndOverNpgsql()
    {
        var viaProxy = await GenerationDatabase.CreateAsync(fixture, "direct_mode_proxy", "features", Ct);
        var viaNpgsql = await GenerationDatabase.CreateAsync(fixture, "direct_mode_npgsql", "features", Ct);

        await using (var proxied = new NpgsqlConnection(fixture.ProxyConnectionString(database: viaProxy)))
        {
            await proxied.OpenAsync(Ct);
            await proxied.ExecAsync("CALL gendb.generate_data(include => 'app.*', rows => 150, seed => 99)");
        }

        await using (var plain = new NpgsqlConnection(fixture.DirectConnectionString(database: viaNpgsql)))
        {
            await plain.OpenAsync(Ct);
            var session = new NpgsqlSqlSession(plain);
            await session.QueryAsync("BEGIN", Ct);
            var result = await GenerateCommands.GenerateDataAsync(session, new GenerateDataRequest("app.*", null) { Rows = 150, Seed = 99 }, CommandContext.Default, Ct);
            await session.QueryAsync("COMMIT", Ct);
            Assert.All(result.Rows, r => Assert.Equal(150L, r[2]));
        }

        await using var left = new NpgsqlConnection(fixture.DirectConnectionString(database: viaProxy));
        await left.OpenAsync(Ct);
        await using var right = new NpgsqlConnection(fixture.DirectConnectionString(database: viaNpgsql));
        await right.OpenAsync(Ct);
        Assert.Equal(await GenerationDatabase.ChecksumsAsync(left), await GenerationDatabase.ChecksumsAsync(right));
    }
}
