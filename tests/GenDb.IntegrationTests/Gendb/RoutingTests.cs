using GenDb.IntegrationTests.Infrastructure;
using GenDb.Protocol;
using Npgsql;

namespace GenDb.IntegrationTests.Gendb;

/// <summary>
/// CALL gendb.return_generated / return_actual through the proxy: per-session temp views route a
/// table's reads and writes to its synthetic copy. Synthetic tables are made with plain SQL here.
/// </summary>
public sealed class RoutingTests(PostgresFixture fixture)
{

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<string> CreateTablePairAsync(int realRows = 3, int syntheticRows = 5) =>
        SyntheticTables.CreatePairAsync(fixture, "t", realRows, syntheticRows);

    [Fact]
    public async Task ReturnGenerated_ThenSelect_ReadsSyntheticRowsOnlyInThisSession()
    {
        var table = await CreateTablePairAsync();
        await using var routed = await fixture.OpenProxyAsync();
        await using var other = await fixture.OpenProxyAsync();

        var result = await routed.RowsAsync($"CALL gendb.return_generated(include => '{table}')");

        Assert.Equal(["public", table, "table", $"gendb_default__public.{table}", null], Assert.Single(result));
        Assert.Equal(5L, await routed.ScalarAsync<long>($"select count(*) from {table}"));
        Assert.StartsWith("fake-", await routed.ScalarAsync<string>($"select name from {table} order by id limit 1"), StringComparison.Ordinal);
        Assert.Equal(3L, await other.ScalarAsync<long>($"select count(*) from {table}"));
        Assert.Equal(3L, await routed.ScalarAsync<long>($"select count(*) from public.{table}"));

        var back = await routed.RowsAsync($"CALL gendb.return_actual(include => '{table}')");
        Assert.Single(back);
        Assert.Equal(3L, await routed.ScalarAsync<long>($"select count(*) from {table}"));
    }

    [Fact]
    public async Task RoutedView_WritesReachSyntheticTable_RealTableUnchanged()
    {
        var table = await CreateTablePairAsync();
        await using var connection = await fixture.OpenProxyAsync();
        await connection.ExecAsync($"CALL gendb.return_generated(include => '{table}')");

        await connection.ExecAsync($"insert into {table} (name) values ('inserted')");
        await connection.ExecAsync($"update {table} set name = 'updated' where name = 'fake-1'");
        await connection.ExecAsync($"delete from {table} where name = 'fake-2'");

        await using var direct = await fixture.OpenDirectAsync();
        var synthetic = await direct.RowsAsync($"select name from gendb_default__public.{table} order by id");
        Assert.Equal(["updated", "fake-3", "fake-4", "fake-5", "inserted"], synthetic.Select(r => (string)r[0]!));
        var real = await direct.RowsAsync($"select name from public.{table} order by id");
        Assert.Equal(["real-1", "real-2", "real-3"], real.Select(r => (string)r[0]!));
    }

    [Fact]
    public async Task PreparedBeforeRouting_ReadsRoutedRowsAfterEachChange()
    {
        var table = await CreateTablePairAsync();
        await using var connection = await fixture.OpenProxyAsync();

        // pg_temp exists before the statement is prepared: the case where a new temp view alone
        // would not re-plan it.
        await connection.ExecAsync("create temp table make_pg_temp_exist (x int)");
        await using var count = new NpgsqlCommand($"select count(*) from {table}", connection);
        await count.PrepareAsync(Ct);
        Assert.Equal(3L, (long)(await count.ExecuteScalarAsync(Ct))!);

        for (var round = 0; round < 3; round++)
        {
            await connection.ExecAsync($"CALL gendb.return_generated(include => '{table}')");
            Assert.Equal(5L, (long)(await count.ExecuteScalarAsync(Ct))!);
            Assert.Equal(5L, (long)(await count.ExecuteScalarAsync(Ct))!);
            await connection.ExecAsync($"CALL gendb.return_actual(include => '{table}')");
            Assert.Equal(3L, (long)(await count.ExecuteScalarAsync(Ct))!);
        }
    }

    [Fact]
    public async Task RealViewOverRoutedTable_ReturnsSyntheticRows_AndMaterializedViewIsReported()
    {
        var table = await CreateTablePairAsync();
        await using (var direct = await fixture.OpenDirectAsync())
        {
            await direct.ExecAsync($"create view public.{table}_names as select upper(name) as name from public.{table}");
            await direct.ExecAsync($"create view public.{table}_first as select name from public.{table}_names order by name limit 1");
            await direct.ExecAsync($"create materialized view public.{table}_mat as select count(*) as n from public.{table}");
        }

        await using var connection = await fixture.OpenProxyAsync();
        var result = await connection.RowsAsync($"CALL gendb.return_generated(include => '{table}')");

        Assert.Equal(
            new[] { (table, "table"), ($"{table}_first", "view"), ($"{table}_mat", "materialized view"), ($"{table}_names", "view") },
            result.Select(r => ((string)r[1]!, (string)r[2]!)).OrderBy(r => r.Item1, StringComparer.Ordinal));
        Assert.Equal("FAKE-1", await connection.ScalarAsync<string>($"select name from {table}_first"));
        Assert.Equal(5L, await connection.ScalarAsync<long>($"select count(*) from {table}_names"));

        await connection.ExecAsync($"CALL gendb.return_actual(include => '{table}')");
        Assert.Equal("REAL-1", await connection.ScalarAsync<string>($"select name from {table}_first"));
    }

    [Fact]
    public async Task Rollback_UndoesRoutingChange()
    {
        var table = await CreateTablePairAsync();
        await using var connection = await fixture.OpenProxyAsync();
        await using (var tx = await connection.BeginTransactionAsync(Ct))
        {
            await connection.ExecAsync($"CALL gendb.return_generated(include => '{table}')");
            Assert.Equal(5L, await connection.ScalarAsync<long>($"select count(*) from {table}"));
            await tx.RollbackAsync(Ct);
        }

        Assert.Equal(3L, await connection.ScalarAsync<long>($"select count(*) from {table}"));
    }

    [Fact]
    public async Task Status_ListsSyntheticTableAndRoutingOfThisSession()
    {
        var table = await CreateTablePairAsync();
        await using var connection = await fixture.OpenProxyAsync();
        await connection.ExecAsync($"CALL gendb.return_generated(include => '{table}')");

        var rows = await connection.RowsAsync("CALL gendb.status()");

        var row = Assert.Single(rows, r => (string)r[1]! == table);
        Assert.Equal(["public", table, "default", 5L, true, false], row);
    }

    [Fact]
    public async Task Help_SimpleProtocol_AnsweredAsACallWithRows()
    {
        await using var client = await RawPgClient.LoginAsync(fixture.ProxyEndPoint);
        await client.QueryAsync("/* a comment */ call GENDB.help();");

        var messages = await client.ReadUntilReadyAsync();

        Assert.Equal(BackendMessageType.RowDescription, messages[0].Type);
        Assert.Contains(messages, m => m.Type == BackendMessageType.DataRow && m.Text().Contains("return_generated", StringComparison.Ordinal));
        Assert.Equal("CALL", messages[^2].Text());
        Assert.Equal((byte)'I', messages[^1].Body[0]);
    }

    [Theory]
    [InlineData("CALL gendb.no_such_thing()", "42883")]
    [InlineData("CALL gendb.return_generated(include => users)", "42601")]
    [InlineData("CALL gendb.return_generated(bogus => 'x')", "22023")]
    [InlineData("CALL gendb.return_generated(include => 'no_table_matches_this_*')", "42P01")]
    [InlineData("CALL gendb.return_generated(scenario => 'Bad Name')", "22023")]
    [InlineData("CALL gendb.help(); SELECT 1", "0A000")]
    public async Task BadCall_ErrorWithSqlStateAndHint_SessionUsable(string sql, string sqlState)
    {
        await CreateTablePairAsync();
        await using var connection = await fixture.OpenProxyAsync();

        var error = await Assert.ThrowsAsync<PostgresException>(() => connection.ExecAsync(sql));

        Assert.Equal(sqlState, error.SqlState);
        Assert.False(string.IsNullOrEmpty(error.Hint), $"no hint for {sqlState}: {error.MessageText}");
        Assert.Equal(1, await connection.ScalarAsync<int>("select 1"));
    }

    [Fact]
    public async Task BadCall_InsideTransactionBlock_AbortsIt()
    {
        await using var connection = await fixture.OpenProxyAsync();
        await using var tx = await connection.BeginTransactionAsync(Ct);

        var first = await Assert.ThrowsAsync<PostgresException>(() => connection.ExecAsync("CALL gendb.nope()"));
        var next = await Assert.ThrowsAsync<PostgresException>(() => connection.ExecAsync("select 1"));
        var call = await Assert.ThrowsAsync<PostgresException>(() => connection.ExecAsync("CALL gendb.help()"));

        Assert.Equal(("42883", "25P02", "25P02"), (first.SqlState, next.SqlState, call.SqlState));
        await tx.RollbackAsync(Ct);
        Assert.Equal(1, await connection.ScalarAsync<int>("select 1"));
    }

    [Fact]
    public async Task GendbCallInBatchWithOtherStatements_Refused0A000_ConnectionUsable()
    {
        var table = await CreateTablePairAsync();
        await using var connection = await fixture.OpenProxyAsync();
        foreach (var order in new[] { true, false })
        {
            await using var batch = new NpgsqlBatch(connection);
            var call = new NpgsqlBatchCommand($"CALL gendb.return_generated(include => '{table}')");
            var other = new NpgsqlBatchCommand($"insert into {table} (name) values ('from the batch')");
            batch.BatchCommands.Add(order ? call : other);
            batch.BatchCommands.Add(order ? other : call);

            var error = await Assert.ThrowsAsync<PostgresException>(() => batch.ExecuteNonQueryAsync(Ct));

            Assert.Equal("0A000", error.SqlState);
            Assert.Equal(3L, await connection.ScalarAsync<long>($"select count(*) from {table}"));
        }

        await using var direct = await fixture.OpenDirectAsync();
        Assert.Equal(3L, await direct.ScalarAsync<long>($"select count(*) from public.{table}"));
        Assert.Equal(5L, await direct.ScalarAsync<long>($"select count(*) from gendb_default__public.{table}"));
    }

    [Fact]
    public async Task ExtendedProtocol_WithParametersAndPrepare_Works()
    {
        var table = await CreateTablePairAsync();
        await using var connection = await fixture.OpenProxyAsync(b => b.MaxAutoPrepare = 5);
        await using var call = new NpgsqlCommand("CALL gendb.return_generated(include => $1)", connection);
        call.Parameters.Add(new NpgsqlParameter { Value = table });
        await call.PrepareAsync(Ct);

        for (var i = 0; i < 3; i++)
        {
            await using var reader = await call.ExecuteReaderAsync(Ct);
            Assert.True(await reader.ReadAsync(Ct));
            Assert.Equal(table, reader.GetString(1));
            Assert.False(await reader.ReadAsync(Ct));
        }

        Assert.Equal(5L, await connection.ScalarAsync<long>($"select count(*) from {table}"));
    }

    [Fact]
    public async Task Privileges_RoleWithoutSelectOnSyntheticTable_Gets42501()
    {
        var table = await CreateTablePairAsync();
        await using (var direct = await fixture.OpenDirectAsync())
        {
            await direct.ExecAsync($"grant usage on schema gendb_default__public to {PostgresFixture.Md5User}");
            await direct.ExecAsync($"grant select on public.{table} to {PostgresFixture.Md5User}");
        }

        await using var connection = new NpgsqlConnection(fixture.ProxyConnectionString(PostgresFixture.Md5User, PostgresFixture.Md5Password));
        await connection.OpenAsync(Ct);

        var error = await Assert.ThrowsAsync<PostgresException>(() => connection.ExecAsync($"CALL gendb.return_generated(include => '{table}')"));
        Assert.Equal("42501", error.SqlState);
        Assert.Contains("GRANT SELECT", error.Hint, StringComparison.Ordinal);
    }
}
