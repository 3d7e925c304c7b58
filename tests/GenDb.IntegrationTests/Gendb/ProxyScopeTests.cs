using GenDb.IntegrationTests.Infrastructure;
using GenDb.Proxy;
using GenDb.Proxy.Gendb;
using Npgsql;

namespace GenDb.IntegrationTests.Gendb;

/// <summary>
/// scope => 'proxy': the proxy remembers the routing for later sessions of the same user and
/// database and re-applies it after connection-pool resets. Each test has a proxy of its own, so
/// its routes reach no other test.
/// </summary>
public sealed class ProxyScopeTests(PostgresFixture fixture)
{

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A real table with 1 row and a synthetic copy with 2, both readable by the md5 role too.</summary>
    private async Task<string> CreateTablePairAsync()
    {
        var table = await SyntheticTables.CreatePairAsync(fixture, "p", realRows: 1, syntheticRows: 2);
        await using var direct = await fixture.OpenDirectAsync();
        await direct.ExecAsync($"grant select on public.{table}, gendb_default__public.{table} to {PostgresFixture.Md5User}");
        await direct.ExecAsync($"grant usage on schema gendb_default__public to {PostgresFixture.Md5User}");
        return table;
    }

    private static async Task<long> Count(NpgsqlConnection connection, string table)
    {
        await using var command = new NpgsqlCommand($"select count(*) from {table}", connection);
        return (long)(await command.ExecuteScalarAsync(Ct))!;
    }

    private async Task<NpgsqlConnection> OpenAsync(ProxyServer proxy, string user = PostgresFixture.ScramUser, string password = PostgresFixture.ScramPassword, bool pooling = false)
    {
        var builder = new NpgsqlConnectionStringBuilder(fixture.ProxyConnectionString(user, password, proxy: proxy)) { Pooling = pooling, MaxPoolSize = 1 };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(Ct);
        return connection;
    }

    [Fact]
    public async Task ProxyScope_LaterSessionsOfSameUser_SeeSyntheticRows_OtherUsersDoNot()
    {
        var table = await CreateTablePairAsync();
        await using var proxy = fixture.StartProxy(new ProxyOptions(), GendbHooks.Factory(new ProxyRoutes()));
        await using (var first = await OpenAsync(proxy))
        {
            await first.ExecAsync($"CALL gendb.return_generated(include => '{table}', scope => 'proxy')");
        }

        await using var later = await OpenAsync(proxy);
        Assert.Equal(2L, await Count(later, table));
        await using var status = new NpgsqlCommand("CALL gendb.status()", later);
        await using (var reader = await status.ExecuteReaderAsync(Ct))
        {
            var found = false;
            while (await reader.ReadAsync(Ct))
            {
                if (reader.GetString(1) == table)
                {
                    found = true;
                    Assert.True(reader.GetBoolean(4));
                    Assert.True(reader.GetBoolean(5));
                }
            }

            Assert.True(found);
        }

        await using var otherUser = await OpenAsync(proxy, PostgresFixture.Md5User, PostgresFixture.Md5Password);
        Assert.Equal(1L, await Count(otherUser, table));

        await later.ExecAsync($"CALL gendb.return_actual(include => '{table}', scope => 'proxy')");
        await using var afterReturn = await OpenAsync(proxy);
        Assert.Equal(1L, await Count(afterReturn, table));
    }

    [Fact]
    public async Task ProxyScope_PooledConnectionReset_StillRouted()
    {
        var table = await CreateTablePairAsync();
        await using var proxy = fixture.StartProxy(new ProxyOptions(), GendbHooks.Factory(new ProxyRoutes()));
        int processId;
        await using (var connection = await OpenAsync(proxy, pooling: true))
        {
            processId = connection.ProcessID;
            await connection.ExecAsync($"CALL gendb.return_generated(include => '{table}', scope => 'proxy')");
        }

        // Back from the pool: the same server session, reset by Npgsql with DISCARD ALL, which drops temp views.
        await using (var connection = await OpenAsync(proxy, pooling: true))
        {
            Assert.Equal(processId, connection.ProcessID);
            Assert.Equal(2L, await Count(connection, table));
            await connection.ExecAsync("DISCARD TEMP");
            Assert.Equal(2L, await Count(connection, table));
        }

        NpgsqlConnection.ClearAllPools();
    }

    [Fact]
    public async Task StartupRoutes_EverySessionRoutedFromItsFirstQuery()
    {
        var table = await CreateTablePairAsync();
        await using var proxy = fixture.StartProxy(new ProxyOptions(), GendbHooks.Factory(new ProxyRoutes([new ProxyRoute(table, null, "default")])));

        await using var scram = await OpenAsync(proxy);
        await using var md5 = await OpenAsync(proxy, PostgresFixture.Md5User, PostgresFixture.Md5Password);

        Assert.Equal(2L, await Count(scram, table));
        Assert.Equal(2L, await Count(md5, table));
    }

    [Fact]
    public async Task ProxyScope_RouteCannotBeApplied_SessionGetsWarningAndRealRows()
    {
        await using var proxy = fixture.StartProxy(new ProxyOptions(), GendbHooks.Factory(new ProxyRoutes([new ProxyRoute("no_such_table_anywhere", null, "default")])));
        await using var client = await RawPgClient.LoginAsync(proxy.LocalEndPoint);

        // Npgsql would run its own type-loading query first; a bare client shows the order exactly.
        await client.QueryAsync("select 42");
        var messages = await client.ReadUntilReadyAsync();

        Assert.Equal(GenDb.Protocol.BackendMessageType.NoticeResponse, messages[0].Type);
        var warning = messages[0].Error();
        Assert.Equal("WARNING", warning.Severity);
        Assert.Contains(messages, m => m.Type == GenDb.Protocol.BackendMessageType.DataRow && m.Text().EndsWith("42", StringComparison.Ordinal));
        Assert.Contains("no_such_table_anywhere", warning.Message, StringComparison.Ordinal);
    }
}
