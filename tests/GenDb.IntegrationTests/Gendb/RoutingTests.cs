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

    private static async Task Exec(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(Ct);
    }

    private static async Task<T> Scalar<T>(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync(Ct))!;
    }

    private static async Task<List<object?[]>> Rows(NpgsqlConnection connection, string sql)
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

    [Fact]
    public async Task ReturnGenerated_ThenSelect_ReadsSyntheticRowsOnlyInThisSession()
    {
        var table = await CreateTablePairAsync();
        await using var routed = await fixture.OpenProxyAsync();
        await using var other = await fixture.OpenProxyAsync();

        var result = await Rows(routed, $"CALL gendb.return_generated(include => '{table}')");

        Assert.Equal(["public", table, "table", $"gendb_default__public.{table}", null], Assert.Single(result));
        Assert.Equal(5L, await Scalar<long>(routed, $"select count(*) from {table}"));
        Assert.StartsWith("fake-", await Scalar<string>(routed, $"select name from {table} order by id limit 1"), StringComparison.Ordinal);
        Assert.Equal(3L, await Scalar<long>(other, $"select count(*) from {table}"));
        Assert.Equal(3L, await Scalar<long>(routed, $"select count(*) from public.{table}"));

        var back = await Rows(routed, $"CALL gendb.return_actual(include => '{table}')");
        Assert.Single(back);
        Assert.Equal(3L, await Scalar<long>(routed, $"select count(*) from {table}"));
    }

    [Fact]
    public async Task RoutedView_WritesReachSyntheticTable_RealTableUnchanged()
    {
        var table = await CreateTablePairAsync();
        await using var connection = await fixture.OpenProxyAsync();
        await Exec(connection, $"CALL gendb.return_generated(include => '{table}')");

        await Exec(connection, $"insert into {table} (name) values ('inserted')");
        await Exec(connection, $"update {table} set name = 'updated' where name = 'fake-1'");
        await Exec(connection, $"delete from {table} where name = 'fake-2'");

        await using var direct = await fixture.OpenDirectAsync();
        var synthetic = await Rows(direct, $"select name from gendb_default__public.{table} order by id");
        Assert.Equal(["updated", "fake-3", "fake-4", "fake-5", "inserted"], synthetic.Select(r => (string)r[0]!));
        var real = await Rows(direct, $"select name from public.{table} order by id");
        Assert.Equal(["real-1", "real-2", "real-3"], real.Select(r => (string)r[0]!));
    }

    [Fact]
    public async Task PreparedBeforeRouting_ReadsRoutedRowsAfterEachChange()
    {
        var table = await CreateTablePairAsync();
        await using var connection = await fixture.OpenProxyAsync();

        // pg_temp exists before the statement is prepared: the case where a new temp view alone
        // would not re-plan it.
        await Exec(connection, "create temp table make_pg_temp_exist (x int)");
        await using var count = new NpgsqlCommand($"select count(*) from {table}", connection);
        await count.PrepareAsync(Ct);
        Assert.Equal(3L, (long)(await count.ExecuteScalarAsync(Ct))!);

        for (var round = 0; round < 3; round++)
        {
            await Exec(connection, $"CALL gendb.return_generated(include => '{table}')");
            Assert.Equal(5L, (long)(await count.ExecuteScalarAsync(Ct))!);
            Assert.Equal(5L, (long)(await count.ExecuteScalarAsync(Ct))!);
            await Exec(connection, $"CALL gendb.return_actual(include => '{table}')");
            Assert.Equal(3L, (long)(await count.ExecuteScalarAsync(Ct))!);
        }
    }

    [Fact]
    public async Task RealViewOverRoutedTable_ReturnsSyntheticRows_AndMaterializedViewIsReported()
    {
        var table = await CreateTablePairAsync();
        await using (var direct = await fixture.OpenDirectAsync())
        {
            await Exec(direct, $"create view public.{table}_names as select upper(name) as name from public.{table}");
            await Exec(direct, $"create view public.{table}_first as select name from public.{table}_names order by name limit 1");
            await Exec(direct, $"create materialized view public.{table}_mat as select count(*) as n from public.{table}");
        }

        await using var connection = await fixture.OpenProxyAsync();
        var result = await Rows(connection, $"CALL gendb.return_generated(include => '{table}')");

        Assert.Equal(
            new[] { (table, "table"), ($"{table}_first", "view"), ($"{table}_mat", "materialized view"), ($"{table}_names", "view") },
            result.Select(r => ((string)r[1]!, (string)r[2]!)).OrderBy(r => r.Item1, StringComparer.Ordinal));
        Assert.Equal("FAKE-1", await Scalar<string>(connection, $"select name from {table}_first"));
        Assert.Equal(5L, await Scalar<long>(connection, $"select count(*) from {table}_names"));

        await Exec(connection, $"CALL gendb.return_actual(include => '{table}')");
        Assert.Equal("REAL-1", await Scalar<string>(connection, $"select name from {table}_first"));
    }

    [Fact]
    public async Task Rollback_UndoesRoutingChange()
    {
        var table = await CreateTablePairAsync();
        await using var connection = await fixture.OpenProxyAsync();
        await using (var tx = await connection.BeginTransactionAsync(Ct))
        {
            await Exec(connection, $"CALL gendb.return_generated(include => '{table}')");
            Assert.Equal(5L, await Scalar<long>(connection, $"select count(*) from {table}"));
            await tx.RollbackAsync(Ct);
        }

        Assert.Equal(3L, await Scalar<long>(connection, $"select count(*) from {table}"));
    }

    [Fact]
    public async Task Status_ListsSyntheticTableAndRoutingOfThisSession()
    {
        var table = await CreateTablePairAsync();
        await using var connection = await fixture.OpenProxyAsync();
        await Exec(connection, $"CALL gendb.return_generated(include => '{table}')");

        var rows = await Rows(connection, "CALL gendb.status()");

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

        var error = await Assert.ThrowsAsync<PostgresException>(() => Exec(connection, sql));

        Assert.Equal(sqlState, error.SqlState);
        Assert.False(string.IsNullOrEmpty(error.Hint), $"no hint for {sqlState}: {error.MessageText}");
        Assert.Equal(1, await Scalar<int>(connection, "select 1"));
    }

    [Fact]
    public async Task BadCall_InsideTransactionBlock_AbortsIt()
    {
        await using var connection = await fixture.OpenProxyAsync();
        await using var tx = await connection.BeginTransactionAsync(Ct);

        var first = await Assert.ThrowsAsync<PostgresException>(() => Exec(connection, "CALL gendb.nope()"));
        var next = await Assert.ThrowsAsync<PostgresException>(() => Exec(connection, "select 1"));
        var call = await Assert.ThrowsAsync<PostgresException>(() => Exec(connection, "CALL gendb.help()"));

        Assert.Equal(("42883", "25P02", "25P02"), (first.SqlState, next.SqlState, call.SqlState));
        await tx.RollbackAsync(Ct);
        Assert.Equal(1, await Scalar<int>(connection, "select 1"));
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
            Assert.Equal(3L, await Scalar<long>(connection, $"select count(*) from {table}"));
        }

        await using var direct = await fixture.OpenDirectAsync();
        Assert.Equal(3L, await Scalar<long>(direct, $"select count(*) from public.{table}"));
        Assert.Equal(5L, await Scalar<long>(direct, $"select count(*) from gendb_default__public.{table}"));
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

        Assert.Equal(5L, await Scalar<long>(connection, $"select count(*) from {table}"));
    }

    [Fact]
    public async Task Privileges_RoleWithoutSelectOnSyntheticTable_Gets42501()
    {
        var table = await CreateTablePairAsync();
        await using (var direct = await fixture.OpenDirectAsync())
        {
            await Exec(direct, $"grant usage on schema gendb_default__public to {PostgresFixture.Md5User}");
            await Exec(direct, $"grant select on public.{table} to {PostgresFixture.Md5User}");
        }

        await using var connection = new NpgsqlConnection(fixture.ProxyConnectionString(PostgresFixture.Md5User, PostgresFixture.Md5Password));
        await connection.OpenAsync(Ct);

        var error = await Assert.ThrowsAsync<PostgresException>(() => Exec(connection, $"CALL gendb.return_generated(include => '{table}')"));
        Assert.Equal("42501", error.SqlState);
        Assert.Contains("GRANT SELECT", error.Hint, StringComparison.Ordinal);
    }
}
