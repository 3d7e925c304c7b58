using GenDb.IntegrationTests.Infrastructure;
using Npgsql;

namespace GenDb.IntegrationTests.Generation;

/// <summary>
/// gendb.generate_data through the proxy with Npgsql, on databases of their own: row counts,
/// every constraint (PostgreSQL enforces them on insert, and validates the foreign keys GenDB
/// puts back), determinism, append and replace, cycles, trees, composite keys, atomic failure.
/// </summary>
public sealed class GenerateDataTests(PostgresFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static int s_databases;

    private async Task<(NpgsqlConnection Proxied, NpgsqlConnection Direct)> OpenAsync(string schema)
    {
        var database = await GenerationDatabase.CreateAsync(fixture, $"gen_{schema.Replace('-', '_')}_{Interlocked.Increment(ref s_databases)}", schema, Ct);
        var proxied = new NpgsqlConnection(fixture.ProxyConnectionString(database: database) + ";Command Timeout=600");
        await proxied.OpenAsync(Ct);
        var direct = new NpgsqlConnection(fixture.DirectConnectionString(database: database) + ";Command Timeout=600");
        await direct.OpenAsync(Ct);
        return (proxied, direct);
    }

    private static async Task AssertEveryConstraintValidatedAsync(NpgsqlConnection direct)
    {
        var notValidated = await direct.RowsAsync(
            """
            SELECT k.conrelid::regclass::text, k.conname FROM pg_constraint k JOIN pg_namespace n ON n.oid = k.connamespace
            WHERE n.nspname LIKE 'gendb\_%' AND NOT k.convalidated
            """);
        Assert.Empty(notValidated);
    }

    [Fact]
    public async Task Features_EveryTableReachesItsCount_AndEveryConstraintHolds()
    {
        var (proxied, direct) = await OpenAsync("features");
        await using var _ = proxied;
        await using var __ = direct;

        var result = await proxied.RowsAsync("CALL gendb.generate_data(include => 'app.*', rows => 300)");

        var realTables = (await direct.RowsAsync(GenerationDatabase.RealTablesSql)).Select(r => (string)r[0]!).ToList();
        Assert.Equal(realTables, result.Select(r => $"{r[0]}.{r[1]}").Order(StringComparer.Ordinal));
        Assert.All(result, r => Assert.Equal(300L, r[2]));
        var counts = await GenerationDatabase.ChecksumsAsync(direct);
        Assert.Equal(realTables.Count, counts.Count);
        Assert.All(counts.Values, c => Assert.Equal(300, c.Rows));
        await AssertEveryConstraintValidatedAsync(direct);

        // The CHECKs GenDB reads and the ones PostgreSQL judges, both met (PostgreSQL enforced them on insert).
        Assert.Equal(0L, await direct.ScalarAsync<long>("SELECT count(*) FROM gendb_default__app.account WHERE NOT app.is_even(lucky) OR ends < starts OR kind NOT IN ('a', 'b', 'c')"));
        // Each profile has its own account; every staff member's store exists and every store's manager too.
        Assert.Equal(300L, await direct.ScalarAsync<long>("SELECT count(DISTINCT account_id) FROM gendb_default__app.profile"));
        Assert.Equal(300L, await direct.ScalarAsync<long>("SELECT count(*) FROM gendb_default__app.store s JOIN gendb_default__app.staff m ON m.staff_id = s.manager_id"));
    }

    [Fact]
    public async Task SelfReference_BuildsTreesWithRootsFirst()
    {
        var (proxied, direct) = await OpenAsync("features");
        await using var _ = proxied;
        await using var __ = direct;

        await proxied.ExecAsync("CALL gendb.generate_data(include => 'app.node', rows => 500)");

        var roots = await direct.ScalarAsync<long>("SELECT count(*) FROM gendb_default__app.node WHERE parent_id IS NULL");
        Assert.InRange(roots, 1, 100);
        // No cycles: every node reaches a root.
        var reachable = await direct.ScalarAsync<long>(
            """
            WITH RECURSIVE walk AS (
                SELECT id, 0 AS depth FROM gendb_default__app.node WHERE parent_id IS NULL
                UNION ALL SELECT n.id, w.depth + 1 FROM gendb_default__app.node n JOIN walk w ON n.parent_id = w.id WHERE w.depth < 1000)
            SELECT count(*) FROM walk
            """);
        Assert.Equal(500L, reachable);
    }

    [Fact]
    public async Task SameSeed_SameTables_DifferentSeed_DifferentTables()
    {
        var (proxied, direct) = await OpenAsync("features");
        await using var _ = proxied;
        await using var __ = direct;

        await proxied.ExecAsync("CALL gendb.generate_data(include => 'app.*', rows => 200, seed => 7)");
        var first = await GenerationDatabase.ChecksumsAsync(direct);
        await proxied.ExecAsync("CALL gendb.generate_data(include => 'app.*', rows => 200, seed => 7)");
        var second = await GenerationDatabase.ChecksumsAsync(direct);
        await proxied.ExecAsync("CALL gendb.generate_data(include => 'app.*', rows => 200, seed => 8)");
        var third = await GenerationDatabase.ChecksumsAsync(direct);

        Assert.Equal(first, second);
        Assert.All(first.Keys, table => Assert.NotEqual(first[table].Checksum, third[table].Checksum));
    }

    [Fact]
    public async Task Append_AddsToTheRowsThere_AndKeepsKeysUnique()
    {
        var (proxied, direct) = await OpenAsync("features");
        await using var _ = proxied;
        await using var __ = direct;

        await proxied.ExecAsync("CALL gendb.generate_data(include => 'app.account', rows => 100)");
        var result = await proxied.RowsAsync("CALL gendb.generate_data(include => 'app.account', rows => 50, mode => 'append')");

        Assert.Equal(50L, result.Single(r => (string)r[1]! == "account")[2]);
        Assert.Equal(150L, await direct.ScalarAsync<long>("SELECT count(*) FROM gendb_default__app.account"));
        Assert.Equal(150L, await direct.ScalarAsync<long>("SELECT count(DISTINCT lower(email)) FROM gendb_default__app.account"));
        // The sequence is past every id: the application's next insert does not collide.
        await direct.ExecAsync("SET ROLE scram_user");
        var next = await direct.ScalarAsync<int>("SELECT nextval('gendb_default__app.account_id_seq')::int");
        Assert.True(next > await direct.ScalarAsync<int>("SELECT max(id) FROM gendb_default__app.account"));
    }

    [Fact]
    public async Task Replace_RegeneratesChildrenThatReferencedReplacedRows_AndFillsEmptyParents()
    {
        var (proxied, direct) = await OpenAsync("features");
        await using var _ = proxied;
        await using var __ = direct;

        // Asking for tag alone fills account too: it has no synthetic rows yet.
        var first = await proxied.RowsAsync("CALL gendb.generate_data(include => 'app.tag', rows => 40)");
        var account = first.Single(r => (string)r[1]! == "account");
        Assert.Equal(40L, account[2]);
        Assert.Contains("no synthetic rows", (string)account[4]!, StringComparison.Ordinal);

        // Replacing account replaces the tags that pointed at the old accounts.
        var second = await proxied.RowsAsync("CALL gendb.generate_data(include => 'app.account', rows => 25)");
        var tag = second.Single(r => (string)r[1]! == "tag");
        Assert.Equal(40L, tag[2]);
        Assert.Contains("referenced replaced rows", (string)tag[4]!, StringComparison.Ordinal);
        Assert.Equal(25L, await direct.ScalarAsync<long>("SELECT count(*) FROM gendb_default__app.account"));
        await AssertEveryConstraintValidatedAsync(direct);
    }

    [Fact]
    public async Task Notices_OnePerTable()
    {
        var (proxied, direct) = await OpenAsync("features");
        await using var _ = proxied;
        await using var __ = direct;
        var notices = new List<PostgresNotice>();
        proxied.Notice += (_, e) => notices.Add(e.Notice);

        await proxied.ExecAsync("CALL gendb.generate_data(include => 'app.line, app.line_note', rows => 20)");

        Assert.Equal(2, notices.Count(n => n.MessageText.StartsWith("generated 20 rows in ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Failure_LeavesTheSyntheticTablesAsTheyWere()
    {
        var (proxied, direct) = await OpenAsync("features");
        await using var _ = proxied;
        await using var __ = direct;
        await fixture.Cluster.RunSqlAsync(
            "CREATE TABLE app.impossible (x integer NOT NULL CHECK (app.is_even(x) AND NOT app.is_even(x))); GRANT SELECT ON app.impossible TO scram_user;",
            direct.Database, Ct);
        await proxied.ExecAsync("CALL gendb.generate_data(include => 'app.account', rows => 30)");
        var before = await GenerationDatabase.ChecksumsAsync(direct);

        var error = await Assert.ThrowsAsync<PostgresException>(() => proxied.ExecAsync("CALL gendb.generate_data(include => 'app.account, app.impossible', rows => 10)"));

        Assert.Equal("23514", error.SqlState);
        Assert.Contains("app.impossible", error.MessageText, StringComparison.Ordinal);
        Assert.NotNull(error.Hint);
        Assert.Equal(before, await GenerationDatabase.ChecksumsAsync(direct));
        Assert.Equal(1, await proxied.ScalarAsync<int>("SELECT 1"));
    }

    [Fact]
    public async Task InsideATransactionBlock_RollbackUndoesIt()
    {
        var (proxied, direct) = await OpenAsync("features");
        await using var _ = proxied;
        await using var __ = direct;
        await proxied.ExecAsync("CALL gendb.sync(include => 'app.line')");

        await using (var transaction = await proxied.BeginTransactionAsync(Ct))
        {
            await proxied.ExecAsync("CALL gendb.generate_data(include => 'app.line', rows => 10)");
            Assert.Equal(10L, await proxied.ScalarAsync<long>("SELECT count(*) FROM gendb_default__app.line"));
            await transaction.RollbackAsync(Ct);
        }

        Assert.Equal(0L, await direct.ScalarAsync<long>("SELECT count(*) FROM gendb_default__app.line"));
    }

    [Theory]
    [InlineData("rows => -1", "22023")]
    [InlineData("mode => 'merge'", "22023")]
    [InlineData("include => 'no_such_table'", "42P01")]
    [InlineData("scenario => 'Bad Name'", "22023")]
    public async Task BadArguments_ErrorWithHint(string arguments, string sqlState)
    {
        var (proxied, direct) = await OpenAsync("features");
        await using var _ = proxied;
        await using var __ = direct;

        var error = await Assert.ThrowsAsync<PostgresException>(() => proxied.ExecAsync($"CALL gendb.generate_data({arguments})"));

        Assert.Equal(sqlState, error.SqlState);
        Assert.False(string.IsNullOrEmpty(error.Hint));
    }

    [Fact]
    public async Task ClientCancel_StopsWithinASecond_AndLeavesNothingBehind()
    {
        var (proxied, direct) = await OpenAsync("features");
        await using var _ = proxied;
        await using var __ = direct;
        await proxied.ExecAsync("CALL gendb.generate_data(include => 'app.line', rows => 100)");
        var before = await GenerationDatabase.ChecksumsAsync(direct);

        await using var command = new NpgsqlCommand("CALL gendb.generate_data(include => 'app.line', rows => 50000000)", proxied);
        var running = command.ExecuteNonQueryAsync(Ct);
        await Task.Delay(1500, Ct);
        var cancelledAt = System.Diagnostics.Stopwatch.StartNew();
        command.Cancel();
        // Npgsql reports a cancel it asked for as OperationCanceledException around the server's 57014.
        var cancelled = await Assert.ThrowsAsync<OperationCanceledException>(() => running);
        cancelledAt.Stop();

        Assert.Equal("57014", Assert.IsType<PostgresException>(cancelled.InnerException).SqlState);
        Assert.True(cancelledAt.Elapsed < TimeSpan.FromSeconds(2), $"stopped {cancelledAt.Elapsed.TotalMilliseconds:F0} ms after the cancel");
        Assert.Equal(before, await GenerationDatabase.ChecksumsAsync(direct));
        Assert.Equal(1, await proxied.ScalarAsync<int>("SELECT 1"));
    }

    [Fact]
    public async Task DemoSample_TheFirstSessionTheDemoSuggests_Works()
    {
        var (proxied, direct) = await OpenAsync("shop");
        await using var _ = proxied;
        await using var __ = direct;
        var real = await proxied.ScalarAsync<long>("SELECT count(*) FROM customers");

        await proxied.ExecAsync("CALL gendb.generate_data(include => 'customers', rows => 500)");
        await proxied.ExecAsync("CALL gendb.return_generated(include => 'customers')");
        Assert.Equal(500L, await proxied.ScalarAsync<long>("SELECT count(*) FROM customers"));
        await proxied.ExecAsync("CALL gendb.return_actual()");

        Assert.Equal(real, await proxied.ScalarAsync<long>("SELECT count(*) FROM customers"));
    }

    [Fact]
    public async Task AddingAColumnToOneTable_ChangesNoOtherTablesData()
    {
        var (proxied, direct) = await OpenAsync("features");
        await using var _ = proxied;
        await using var __ = direct;
        await proxied.ExecAsync("CALL gendb.generate_data(include => 'app.*', rows => 120, seed => 5)");
        var before = await GenerationDatabase.ChecksumsAsync(direct);

        await fixture.Cluster.RunSqlAsync("ALTER TABLE app.line ADD COLUMN memo text", direct.Database, Ct);
        await proxied.ExecAsync("CALL gendb.generate_data(include => 'app.*', rows => 120, seed => 5)");
        var after = await GenerationDatabase.ChecksumsAsync(direct);

        Assert.NotEqual(before["gendb_default__app.line"], after["gendb_default__app.line"]);
        Assert.All(before.Keys.Where(t => t != "gendb_default__app.line"), table => Assert.Equal(before[table], after[table]));
    }
}
