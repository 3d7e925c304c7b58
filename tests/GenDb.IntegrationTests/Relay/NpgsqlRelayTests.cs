using System.Diagnostics;
using System.Security.Cryptography;
using GenDb.IntegrationTests.Infrastructure;
using Npgsql;
using NpgsqlTypes;

namespace GenDb.IntegrationTests.Relay;

/// <summary>Npgsql through the proxy behaves as it does against the server directly.</summary>
public sealed class NpgsqlRelayTests(PostgresFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string UniqueName(string prefix) => $"{prefix}_{Guid.NewGuid():N}"[..30];

    private static async Task<List<object?[]>> ReadAllAsync(NpgsqlConnection connection, string sql, params object[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var p in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = p });
        }

        var rows = new List<object?[]>();
        await using var reader = await command.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct))
        {
            var row = new object?[reader.FieldCount];
            reader.GetValues(row!);
            rows.Add(row);
        }

        return rows;
    }

    [Fact]
    public async Task Query_WithParametersAndManyTypes_SameRowsAsDirect()
    {
        const string sql = """
            select i, i::text || $1 as t, i * 1.5::numeric as n, now()::date as d, (i % 2 = 0) as b,
                   array[i, i + 1] as a, jsonb_build_object('i', i) as j, null::text as z
            from generate_series(1, 2000) as i order by i
            """;
        await using var proxied = await fixture.OpenProxyAsync();
        await using var direct = await fixture.OpenDirectAsync();

        var viaProxy = await ReadAllAsync(proxied, sql, "-x");
        var viaServer = await ReadAllAsync(direct, sql, "-x");

        Assert.Equal(2000, viaProxy.Count);
        Assert.Equal(viaServer.Count, viaProxy.Count);
        for (var i = 0; i < viaServer.Count; i++)
        {
            Assert.Equal(viaServer[i].Select(Format), viaProxy[i].Select(Format));
        }

        static string Format(object? value) => value switch
        {
            null or DBNull => "NULL",
            Array array => string.Join(',', array.Cast<object>()),
            _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
        };
    }

    [Fact]
    public async Task Prepare_ExplicitStatementExecutedManyTimes_UsesServerSidePreparedStatement()
    {
        await using var connection = await fixture.OpenProxyAsync();
        await using var command = new NpgsqlCommand("select $1::int * 2", connection);
        var parameter = new NpgsqlParameter<int> { NpgsqlDbType = NpgsqlDbType.Integer };
        command.Parameters.Add(parameter);
        await command.PrepareAsync(Ct);

        Assert.True(command.IsPrepared);
        for (var i = 0; i < 20; i++)
        {
            parameter.TypedValue = i;
            Assert.Equal(i * 2, (int)(await command.ExecuteScalarAsync(Ct))!);
        }

        await using var check = new NpgsqlCommand("select count(*) from pg_prepared_statements where statement like 'select $1::int * 2%'", connection);
        Assert.Equal(1L, (long)(await check.ExecuteScalarAsync(Ct))!);
    }

    [Fact]
    public async Task AutoPrepare_RepeatedQuery_IsPreparedAndStillCorrect()
    {
        await using var connection = await fixture.OpenProxyAsync(b =>
        {
            b.MaxAutoPrepare = 10;
            b.AutoPrepareMinUsages = 2;
        });

        for (var i = 0; i < 10; i++)
        {
            await using var command = new NpgsqlCommand("select $1::text || 'auto'", connection);
            command.Parameters.Add(new NpgsqlParameter { Value = i.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            Assert.Equal($"{i}auto", await command.ExecuteScalarAsync(Ct));
        }

        await using var check = new NpgsqlCommand("select count(*) from pg_prepared_statements where statement like 'select $1::text || ''auto''%'", connection);
        Assert.Equal(1L, (long)(await check.ExecuteScalarAsync(Ct))!);
    }

    [Fact]
    public async Task Batch_ErrorInTheMiddle_RestSkippedAndConnectionUsable()
    {
        var table = UniqueName("batch");
        await using var connection = await fixture.OpenProxyAsync();
        await using (var create = new NpgsqlCommand($"create table {table} (v int)", connection))
        {
            await create.ExecuteNonQueryAsync(Ct);
        }

        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand($"insert into {table} values (1)"),
                new NpgsqlBatchCommand("select 1 / 0"),
                new NpgsqlBatchCommand($"insert into {table} values (3)"),
            },
        };

        var error = await Assert.ThrowsAsync<PostgresException>(() => batch.ExecuteNonQueryAsync(Ct));
        Assert.Equal("22012", error.SqlState);

        // The batch is one implicit transaction up to its Sync: the first insert is rolled back too.
        await using var count = new NpgsqlCommand($"select count(*) from {table}", connection);
        Assert.Equal(0L, (long)(await count.ExecuteScalarAsync(Ct))!);
        await using var ping = new NpgsqlCommand("select 'still here'", connection);
        Assert.Equal("still here", await ping.ExecuteScalarAsync(Ct));
    }

    [Fact]
    public async Task Transaction_SavepointAndRollback_BehaveAsOnTheServer()
    {
        var table = UniqueName("tx");
        await using var connection = await fixture.OpenProxyAsync();
        await Execute(connection, $"create table {table} (v int)");

        await using (var tx = await connection.BeginTransactionAsync(Ct))
        {
            await Execute(connection, $"insert into {table} values (1)");
            await tx.SaveAsync("s1", Ct);
            await Execute(connection, $"insert into {table} values (2)");
            await tx.RollbackAsync("s1", Ct);
            await Execute(connection, $"insert into {table} values (3)");
            await tx.CommitAsync(Ct);
        }

        await using (var tx = await connection.BeginTransactionAsync(Ct))
        {
            await Execute(connection, $"insert into {table} values (4)");
            await tx.RollbackAsync(Ct);
        }

        await using (var tx = await connection.BeginTransactionAsync(Ct))
        {
            var failed = await Assert.ThrowsAsync<PostgresException>(() => Execute(connection, "select 1/0"));
            Assert.Equal("22012", failed.SqlState);
            var aborted = await Assert.ThrowsAsync<PostgresException>(() => Execute(connection, "select 1"));
            Assert.Equal("25P02", aborted.SqlState);
            await tx.RollbackAsync(Ct);
        }

        var rows = await ReadAllAsync(connection, $"select v from {table} order by v");
        Assert.Equal([1, 3], rows.Select(r => (int)r[0]!));
    }

    [Fact]
    public async Task Copy_BinaryAndText100kRows_ChecksumsEqualDirect()
    {
        var table = UniqueName("copy");
        await using var connection = await fixture.OpenProxyAsync();
        await Execute(connection, $"create table {table} (id int primary key, name text, amount numeric(12,2), at timestamptz)");

        var start = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        await using (var importer = await connection.BeginBinaryImportAsync($"copy {table} from stdin (format binary)", Ct))
        {
            for (var i = 0; i < 100_000; i++)
            {
                await importer.StartRowAsync(Ct);
                await importer.WriteAsync(i, NpgsqlDbType.Integer, Ct);
                await importer.WriteAsync($"name-{i}-ü", NpgsqlDbType.Text, Ct);
                await importer.WriteAsync(i * 0.01m, NpgsqlDbType.Numeric, Ct);
                await importer.WriteAsync(start.AddSeconds(i), NpgsqlDbType.TimestampTz, Ct);
            }

            Assert.Equal(100_000UL, await importer.CompleteAsync(Ct));
        }

        // Text COPY in through the proxy into a second table, from the text COPY out of the first.
        var copyOfTable = table + "_t";
        await Execute(connection, $"create table {copyOfTable} (like {table})");
        string text;
        using (var exporter = await connection.BeginTextExportAsync($"copy {table} to stdout", Ct))
        {
            text = await exporter.ReadToEndAsync(Ct);
        }

        Assert.Equal(100_000, text.Count(c => c == '\n'));
        await using (var writer = await connection.BeginTextImportAsync($"copy {copyOfTable} from stdin", Ct))
        {
            await writer.WriteAsync(text.AsMemory(), Ct);
        }

        // Binary COPY out through the proxy: every row comes back.
        var binaryRows = 0;
        await using (var exporter = await connection.BeginBinaryExportAsync($"copy {table} to stdout (format binary)", Ct))
        {
            while (await exporter.StartRowAsync(Ct) != -1)
            {
                await exporter.SkipAsync(Ct);
                await exporter.SkipAsync(Ct);
                await exporter.SkipAsync(Ct);
                await exporter.SkipAsync(Ct);
                binaryRows++;
            }
        }

        Assert.Equal(100_000, binaryRows);

        var checksum = $"select md5(string_agg(id || '|' || name || '|' || amount || '|' || at, ',' order by id)) from {{0}}";
        await using var direct = await fixture.OpenDirectAsync();
        var expected = (string)(await new NpgsqlCommand(string.Format(null, checksum, table), direct).ExecuteScalarAsync(Ct))!;
        var viaProxyCopy = (string)(await new NpgsqlCommand(string.Format(null, checksum, copyOfTable), direct).ExecuteScalarAsync(Ct))!;
        var expectedFromSource = (string)(await new NpgsqlCommand(
            $"select md5(string_agg(i || '|' || 'name-' || i || '-ü' || '|' || round(i * 0.01, 2) || '|' || (timestamptz '2020-01-01 00:00:00+00' + i * interval '1 second'), ',' order by i)) from generate_series(0, 99999) i",
            direct).ExecuteScalarAsync(Ct))!;
        Assert.Equal(expectedFromSource, expected);
        Assert.Equal(expected, viaProxyCopy);
    }

    [Fact]
    public async Task ListenNotify_NotificationWhileIdle_IsDelivered()
    {
        await using var listener = await fixture.OpenProxyAsync();
        var received = new TaskCompletionSource<NpgsqlNotificationEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        listener.Notification += (_, e) => received.TrySetResult(e);
        await Execute(listener, "listen gendb_channel");

        await using var notifier = await fixture.OpenDirectAsync();
        await Execute(notifier, "notify gendb_channel, 'hello through the proxy'");

        // The listener sends nothing: the notification arrives while the session is idle.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        await listener.WaitAsync(timeout.Token);
        var notification = await received.Task.WaitAsync(TimeSpan.FromSeconds(1), Ct);
        Assert.Equal("gendb_channel", notification.Channel);
        Assert.Equal("hello through the proxy", notification.Payload);
    }

    [Fact]
    public async Task Notice_RaisedByServer_ReachesClient()
    {
        await using var connection = await fixture.OpenProxyAsync();
        var notices = new List<PostgresNotice>();
        connection.Notice += (_, e) => notices.Add(e.Notice);
        await Execute(connection, "do $$ begin raise notice 'hello %', 42; raise warning 'careful'; end $$");

        Assert.Collection(notices,
            n => Assert.Equal(("NOTICE", "hello 42"), (n.InvariantSeverity, n.MessageText)),
            n => Assert.Equal(("WARNING", "careful"), (n.InvariantSeverity, n.MessageText)));
    }

    [Fact]
    public async Task Bytea_50MegabytesRoundTrip_Identical()
    {
        var table = UniqueName("blob");
        var payload = new byte[50 * 1024 * 1024];
        new Random(20261125).NextBytes(payload);
        await using var connection = await fixture.OpenProxyAsync(b => b.CommandTimeout = 120);
        await Execute(connection, $"create table {table} (data bytea)");

        await using (var insert = new NpgsqlCommand($"insert into {table} values ($1)", connection))
        {
            insert.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = payload, NpgsqlDbType = NpgsqlDbType.Bytea });
            await insert.ExecuteNonQueryAsync(Ct);
        }

        await using var select = new NpgsqlCommand($"select data, md5(data) from {table}", connection);
        await using var reader = await select.ExecuteReaderAsync(Ct);
        Assert.True(await reader.ReadAsync(Ct));
        var back = reader.GetFieldValue<byte[]>(0);
        Assert.Equal(SHA256.HashData(payload), SHA256.HashData(back));
        Assert.Equal(Convert.ToHexStringLower(MD5.HashData(payload)), reader.GetString(1));
    }

    [Fact]
    public async Task Cancel_LongSleep_ReturnsWithinASecond()
    {
        await using var connection = await fixture.OpenProxyAsync();
        await using var command = new NpgsqlCommand("select pg_sleep(10)", connection);
        var running = command.ExecuteNonQueryAsync(Ct);
        await Task.Delay(300, Ct);

        var stopwatch = Stopwatch.StartNew();
        command.Cancel();
        var error = await Assert.ThrowsAnyAsync<Exception>(() => running);
        stopwatch.Stop();

        var postgres = Assert.IsType<PostgresException>(error is OperationCanceledException { InnerException: PostgresException inner } ? inner : error);
        Assert.Equal("57014", postgres.SqlState);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(1), $"cancel took {stopwatch.Elapsed}");
        await using var ping = new NpgsqlCommand("select 1", connection);
        Assert.Equal(1, await ping.ExecuteScalarAsync(Ct));
    }

    [Theory]
    [InlineData(PostgresFixture.ScramUser, PostgresFixture.ScramPassword, "scram")]
    [InlineData(PostgresFixture.Md5User, PostgresFixture.Md5Password, "md5")]
    public async Task Authentication_ScramAndMd5Roles_LogInThroughProxy(string user, string password, string method)
    {
        await using var connection = new NpgsqlConnection(fixture.ProxyConnectionString(user, password));
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand("select current_user", connection);
        Assert.Equal(user, await command.ExecuteScalarAsync(Ct));

        // The server really asked for that method: md5 roles store md5 hashes, scram roles SCRAM secrets.
        await using var superuser = new NpgsqlConnection(fixture.DirectConnectionString("postgres", null));
        await superuser.OpenAsync(Ct);
        await using var stored = new NpgsqlCommand($"select rolpassword from pg_authid where rolname = '{user}'", superuser);
        var secret = (string)(await stored.ExecuteScalarAsync(Ct))!;
        Assert.StartsWith(method == "md5" ? "md5" : "SCRAM-SHA-256$", secret, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(PostgresFixture.ScramUser)]
    [InlineData(PostgresFixture.Md5User)]
    public async Task Authentication_WrongPassword_ServerErrorReachesClient(string user)
    {
        var viaProxy = await Assert.ThrowsAsync<PostgresException>(() => Open(fixture.ProxyConnectionString(user, "wrong")));
        var direct = await Assert.ThrowsAsync<PostgresException>(() => Open(fixture.DirectConnectionString(user, "wrong")));

        Assert.Equal("28P01", viaProxy.SqlState);
        Assert.Equal(direct.MessageText, viaProxy.MessageText);
    }

    [Fact]
    public async Task Startup_UnknownDatabase_ServerErrorReachesClient()
    {
        var error = await Assert.ThrowsAsync<PostgresException>(() =>
            Open(fixture.ProxyConnectionString(database: "no_such_database")));

        Assert.Equal("3D000", error.SqlState);
        Assert.Contains("no_such_database", error.MessageText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Concurrency_64ConnectionsTimes200Queries_AllAnswersRight()
    {
        var failures = 0;
        var tasks = Enumerable.Range(0, 64).Select(async client =>
        {
            await using var connection = new NpgsqlConnection(fixture.ProxyConnectionString());
            await connection.OpenAsync(Ct);
            await using var command = new NpgsqlCommand("select $1::int + $2::int, repeat('x', $2::int)", connection);
            var a = new NpgsqlParameter<int> { NpgsqlDbType = NpgsqlDbType.Integer };
            var b = new NpgsqlParameter<int> { NpgsqlDbType = NpgsqlDbType.Integer };
            command.Parameters.Add(a);
            command.Parameters.Add(b);
            for (var i = 0; i < 200; i++)
            {
                a.TypedValue = client;
                b.TypedValue = i;
                await using var reader = await command.ExecuteReaderAsync(Ct);
                await reader.ReadAsync(Ct);
                if (reader.GetInt32(0) != client + i || reader.GetString(1).Length != i)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        });

        await Task.WhenAll(tasks);
        Assert.Equal(0, failures);
    }

    private static async Task Open(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Ct);
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(Ct);
    }
}
