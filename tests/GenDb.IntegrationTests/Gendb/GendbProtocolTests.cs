using System.Buffers.Binary;
using System.Text;
using GenDb.Commands;
using GenDb.IntegrationTests.Infrastructure;
using GenDb.Protocol;
using Npgsql;

namespace GenDb.IntegrationTests.Gendb;

/// <summary>
/// gendb calls in the extended protocol, byte by byte, with a bare-socket client: the exact message
/// sequences a driver relies on (Parse/Bind/Describe/Execute/Close, row limits, Flush, errors that
/// skip to Sync, binary formats, pipelines, notifications).
/// </summary>
public sealed class GendbProtocolTests(PostgresFixture fixture)
{
    private const BackendMessageType ParseComplete = BackendMessageType.ParseComplete;
    private const BackendMessageType BindComplete = BackendMessageType.BindComplete;
    private const BackendMessageType CloseComplete = BackendMessageType.CloseComplete;
    private const BackendMessageType RowDescription = BackendMessageType.RowDescription;
    private const BackendMessageType DataRow = BackendMessageType.DataRow;
    private const BackendMessageType CommandComplete = BackendMessageType.CommandComplete;
    private const BackendMessageType ReadyForQuery = BackendMessageType.ReadyForQuery;
    private const BackendMessageType ErrorResponse = BackendMessageType.ErrorResponse;
    private const BackendMessageType PortalSuspended = BackendMessageType.PortalSuspended;
    private const BackendMessageType ParameterDescription = BackendMessageType.ParameterDescription;

    private const uint TextOid = 25;
    private const uint BigintOid = 20;
    private const uint BooleanOid = 16;

    private const string Help = "CALL gendb.help()";


    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Rows of <c>CALL gendb.help()</c>: one per procedure and one per parameter.</summary>
    private static int HelpRows => ProcedureCatalog.Default.HelpRows.Count;

    [Fact]
    public async Task UnnamedParseBindDescribePortalExecute_Help_ExactlyTheServersSequenceForACallWithRows()
    {
        await using var client = await RawPgClient.LoginAsync(fixture.ProxyEndPoint);
        client.Parse("", Help);
        client.Bind("", "");
        Describe(client, 'P', "");
        client.Execute();
        client.Sync();
        await client.SendBuiltAsync();

        var messages = await client.ReadUntilReadyAsync();

        Assert.Equal([ParseComplete, BindComplete, RowDescription, .. Repeat(DataRow, HelpRows), CommandComplete, ReadyForQuery], Types(messages));
        var columns = Columns(messages[2]);
        Assert.Equal(ProcedureHelpRow.ColumnNames, columns.Select(c => c.Name));
        Assert.All(columns, c => Assert.Equal((TextOid, (short)0), (c.TypeOid, c.Format)));
        var procedures = messages.Where(m => m.Type == DataRow).Select(m => Text(Fields(m)[0])).Distinct().ToList();
        Assert.Equal(ProcedureCatalog.Default.Procedures.Select(p => p.Name), procedures);
        Assert.Equal("CALL", messages[^2].Text());
        Assert.Equal((byte)'I', messages[^1].Body.Single());
    }

    [Fact]
    public async Task DescribeStatement_PlaceholderOfUnspecifiedType_ParameterDescriptionTextThenRowDescription()
    {
        await using var client = await RawPgClient.LoginAsync(fixture.ProxyEndPoint);
        Parse(client, "gendb_describe_route", "CALL gendb.return_generated(include => $1)", 0);
        Describe(client, 'S', "gendb_describe_route");
        Parse(client, "gendb_describe_help", Help);
        Describe(client, 'S', "gendb_describe_help");
        client.Sync();
        await client.SendBuiltAsync();

        var messages = await client.ReadUntilReadyAsync();

        Assert.Equal(
            [ParseComplete, ParameterDescription, RowDescription, ParseComplete, ParameterDescription, RowDescription, ReadyForQuery],
            Types(messages));
        Assert.Equal([TextOid], ParameterTypes(messages[1]));
        Assert.Equal(["schema", "name", "kind", "reads_from", "note"], Columns(messages[2]).Select(c => c.Name));
        Assert.All(Columns(messages[2]), c => Assert.Equal(TextOid, c.TypeOid));
        Assert.Empty(ParameterTypes(messages[4]));
        Assert.Equal(ProcedureHelpRow.ColumnNames, Columns(messages[5]).Select(c => c.Name));
    }

    [Fact]
    public async Task NamedStatement_ReusedAcrossBatchesThenClosed_BindAfterCloseIsRelayedAndServerSays26000()
    {
        const string Statement = "gendb_reused_help";
        await using var client = await RawPgClient.LoginAsync(fixture.ProxyEndPoint);
        Parse(client, Statement, Help);
        client.Sync();
        await client.SendBuiltAsync();
        Assert.Equal([ParseComplete, ReadyForQuery], Types(await client.ReadUntilReadyAsync()));

        for (var round = 0; round < 3; round++)
        {
            client.Bind("", Statement);
            client.Execute();
            client.Sync();
            await client.SendBuiltAsync();
            var call = await client.ReadUntilReadyAsync();
            Assert.Equal([BindComplete, .. Repeat(DataRow, HelpRows), CommandComplete, ReadyForQuery], Types(call));

            // An ordinary unnamed statement between the calls goes to the server and leaves ours alone.
            client.Parse("", $"select {round} + 40");
            client.Bind("", "");
            client.Execute();
            client.Sync();
            await client.SendBuiltAsync();
            var select = await client.ReadUntilReadyAsync();
            Assert.Equal([ParseComplete, BindComplete, DataRow, CommandComplete, ReadyForQuery], Types(select));
            Assert.Equal((40 + round).ToString(System.Globalization.CultureInfo.InvariantCulture), Text(Fields(select[2])[0]));
        }

        Close(client, 'S', Statement);
        client.Sync();
        await client.SendBuiltAsync();
        Assert.Equal([CloseComplete, ReadyForQuery], Types(await client.ReadUntilReadyAsync()));

        client.Bind("", Statement);
        client.Execute();
        client.Sync();
        await client.SendBuiltAsync();
        var afterClose = await client.ReadUntilReadyAsync();

        Assert.Equal([ErrorResponse, ReadyForQuery], Types(afterClose));
        Assert.Equal("26000", afterClose[0].Error().SqlState);
        Assert.Contains(Statement, afterClose[0].Error().Message, StringComparison.Ordinal);
        Assert.Equal((byte)'I', afterClose[^1].Body.Single());
    }

    [Fact]
    public async Task Execute_WithRowLimit_PortalSuspendedThenLaterExecutesContinueInOrder()
    {
        Assert.True(HelpRows > 5, $"help() has {HelpRows} rows; this test needs more than 5.");
        await using var client = await RawPgClient.LoginAsync(fixture.ProxyEndPoint);
        client.Parse("", Help);
        client.Bind("", "");
        client.Execute();
        client.Sync();
        await client.SendBuiltAsync();
        var whole = (await client.ReadUntilReadyAsync()).Where(m => m.Type == DataRow).Select(m => m.Body).ToList();

        client.Parse("", Help);
        client.Bind("", "");
        client.Execute(maxRows: 2);
        client.Execute(maxRows: 3);
        client.Execute(maxRows: 0);
        client.Sync();
        await client.SendBuiltAsync();
        var messages = await client.ReadUntilReadyAsync();

        Assert.Equal(
            [
                ParseComplete, BindComplete,
                DataRow, DataRow, PortalSuspended,
                DataRow, DataRow, DataRow, PortalSuspended,
                .. Repeat(DataRow, HelpRows - 5), CommandComplete,
                ReadyForQuery,
            ],
            Types(messages));
        Assert.Equal(whole, messages.Where(m => m.Type == DataRow).Select(m => m.Body));
        Assert.Equal("CALL", messages[^2].Text());
    }

    [Fact]
    public async Task NamedPortal_InTransactionBlock_SurvivesSyncAndContinues_OutsideOneIsGoneAfterSync()
    {
        await using var client = await RawPgClient.LoginAsync(fixture.ProxyEndPoint);
        await client.QueryAsync("BEGIN");
        Assert.Equal([CommandComplete, ReadyForQuery], Types(await client.ReadUntilReadyAsync()));
        client.Parse("", Help);
        client.Bind("gendb_portal", "");
        client.Execute("gendb_portal", maxRows: 2);
        client.Sync();
        await client.SendBuiltAsync();

        var first = await client.ReadUntilReadyAsync();

        Assert.Equal([ParseComplete, BindComplete, DataRow, DataRow, PortalSuspended, ReadyForQuery], Types(first));
        Assert.Equal((byte)'T', first[^1].Body.Single());

        client.Execute("gendb_portal");
        client.Sync();
        await client.SendBuiltAsync();
        var rest = await client.ReadUntilReadyAsync();

        Assert.Equal([.. Repeat(DataRow, HelpRows - 2), CommandComplete, ReadyForQuery], Types(rest));
        Assert.Equal((byte)'T', rest[^1].Body.Single());
        Close(client, 'P', "gendb_portal");
        client.Sync();
        await client.SendBuiltAsync();
        Assert.Equal([CloseComplete, ReadyForQuery], Types(await client.ReadUntilReadyAsync()));
        await client.QueryAsync("COMMIT");
        Assert.Equal([CommandComplete, ReadyForQuery], Types(await client.ReadUntilReadyAsync()));

        // Outside a transaction block the Sync ends the implicit transaction, and its portals with it.
        client.Parse("", Help);
        client.Bind("gendb_portal", "");
        client.Execute("gendb_portal", maxRows: 2);
        client.Sync();
        await client.SendBuiltAsync();
        Assert.Equal([ParseComplete, BindComplete, DataRow, DataRow, PortalSuspended, ReadyForQuery], Types(await client.ReadUntilReadyAsync()));
        client.Execute("gendb_portal");
        client.Sync();
        await client.SendBuiltAsync();
        var gone = await client.ReadUntilReadyAsync();

        Assert.Equal([ErrorResponse, ReadyForQuery], Types(gone));
        Assert.Equal("34000", gone[0].Error().SqlState);
        Assert.Equal((byte)'I', gone[^1].Body.Single());
    }

    /// <summary>
    /// The server runs messages in order: the Execute sees the portal, then the Close drops it. A
    /// driver that closes a portal as soon as it has read it may send both in one batch.
    /// </summary>
    [Fact]
    public async Task ExecuteThenClosePortal_SameBatch_RowsThenCloseComplete()
    {
        await using var client = await RawPgClient.LoginAsync(fixture.ProxyEndPoint);
        client.Parse("", Help);
        client.Bind("gendb_closed_portal", "");
        client.Execute("gendb_closed_portal");
        Close(client, 'P', "gendb_closed_portal");
        client.Sync();
        await client.SendBuiltAsync();

        var messages = await client.ReadUntilReadyAsync();

        Assert.Equal([ParseComplete, BindComplete, .. Repeat(DataRow, HelpRows), CommandComplete, CloseComplete, ReadyForQuery], Types(messages));
    }

    [Fact]
    public async Task ErrorInTransactionBlock_ExtendedProtocol_ReadyForQueryFailedAndServerRejectsNextStatement()
    {
        await using var client = await RawPgClient.LoginAsync(fixture.ProxyEndPoint);
        await client.QueryAsync("BEGIN");
        Assert.Equal([CommandComplete, ReadyForQuery], Types(await client.ReadUntilReadyAsync()));
        client.Parse("", "CALL gendb.no_such_procedure()");
        client.Bind("", "");
        client.Execute();
        client.Sync();
        await client.SendBuiltAsync();

        var failed = await client.ReadUntilReadyAsync();

        Assert.Equal([ErrorResponse, ReadyForQuery], Types(failed));
        Assert.Equal("42883", failed[0].Error().SqlState);
        Assert.Equal((byte)'E', failed[^1].Body.Single());

        await client.QueryAsync("select 1");
        var rejected = await client.ReadUntilReadyAsync();
        Assert.Equal([ErrorResponse, ReadyForQuery], Types(rejected));
        Assert.Equal("25P02", rejected[0].Error().SqlState);

        client.Parse("", Help);
        client.Bind("", "");
        client.Execute();
        client.Sync();
        await client.SendBuiltAsync();
        var call = await client.ReadUntilReadyAsync();
        Assert.Equal([ParseComplete, BindComplete, ErrorResponse, ReadyForQuery], Types(call));
        Assert.Equal("25P02", call[2].Error().SqlState);

        await client.QueryAsync("ROLLBACK");
        var rolledBack = await client.ReadUntilReadyAsync();
        Assert.Equal([CommandComplete, ReadyForQuery], Types(rolledBack));
        Assert.Equal((byte)'I', rolledBack[^1].Body.Single());
    }

    [Fact]
    public async Task Flush_WithoutSync_RepliesArriveAndReadyForQueryOnlyAfterSync()
    {
        await using var client = await RawPgClient.LoginAsync(fixture.ProxyEndPoint);
        client.Parse("", Help);
        client.Bind("", "");
        client.Execute();
        Flush(client);
        await client.SendBuiltAsync();

        var flushed = new List<BackendMessage>();
        for (var i = 0; i < HelpRows + 3; i++)
        {
            flushed.Add(await client.ReadAsync(TimeSpan.FromSeconds(10)) ?? throw new IOException("The proxy closed the connection."));
        }

        Assert.Equal([ParseComplete, BindComplete, .. Repeat(DataRow, HelpRows), CommandComplete], Types(flushed));
        await Task.Delay(300, Ct);
        Assert.Equal(0, client.Socket.Available);

        client.Sync();
        await client.SendBuiltAsync();
        var synced = await client.ReadUntilReadyAsync();

        Assert.Equal([ReadyForQuery], Types(synced));
        Assert.Equal((byte)'I', synced[0].Body.Single());
    }

    [Fact]
    public async Task ErrorAtParse_UnknownProcedure_RestOfBatchSkippedUntilSync_NextBatchWorks()
    {
        await using var client = await RawPgClient.LoginAsync(fixture.ProxyEndPoint);
        client.Parse("", "CALL gendb.no_such_procedure()");
        client.Bind("", "");
        Describe(client, 'P', "");
        client.Execute();
        client.Sync();
        await client.SendBuiltAsync();

        var failed = await client.ReadUntilReadyAsync();

        Assert.Equal([ErrorResponse, ReadyForQuery], Types(failed));
        var error = failed[0].Error();
        Assert.Equal(("ERROR", "42883"), (error.Severity, error.SqlState));
        Assert.Contains("no_such_procedure", error.Message, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(error.Hint));
        Assert.Equal((byte)'I', failed[^1].Body.Single());

        client.Parse("", Help);
        client.Bind("", "");
        client.Execute();
        client.Sync();
        await client.SendBuiltAsync();

        Assert.Equal([ParseComplete, BindComplete, .. Repeat(DataRow, HelpRows), CommandComplete, ReadyForQuery], Types(await client.ReadUntilReadyAsync()));
    }

    [Fact]
    public async Task BinaryTextParameter_ReturnGenerated_RoutesTableForLaterQueriesOnTheConnection()
    {
        var table = await CreateTablePairAsync();
        await using var client = await RawPgClient.LoginAsync(fixture.ProxyEndPoint);
        Parse(client, "", "CALL gendb.return_generated(include => $1)", TextOid);
        Bind(client, "", "", [1], [Encoding.UTF8.GetBytes(table)], []);
        client.Execute();
        client.Sync();
        await client.SendBuiltAsync();

        var call = await client.ReadUntilReadyAsync();

        Assert.Equal([ParseComplete, BindComplete, DataRow, CommandComplete, ReadyForQuery], Types(call));
        Assert.Equal(["public", table, "table", $"gendb_default__public.{table}", null], Fields(call[2]).Select(Text));
        Assert.Equal((byte)'I', call[^1].Body.Single());

        await client.QueryAsync($"select count(*), min(name) from {table}");
        var select = await client.ReadUntilReadyAsync();
        Assert.Equal([RowDescription, DataRow, CommandComplete, ReadyForQuery], Types(select));
        Assert.Equal(["5", "fake-1"], Fields(select[1]).Select(Text));
    }

    [Fact]
    public async Task BinaryResultFormat_Status_BigintIsEightBytesAndBooleansOneByte()
    {
        var table = await CreateTablePairAsync(syntheticRows: 7);
        await using var client = await RawPgClient.LoginAsync(fixture.ProxyEndPoint);
        await client.QueryAsync($"CALL gendb.return_generated(include => '{table}')");
        Assert.DoesNotContain(ErrorResponse, Types(await client.ReadUntilReadyAsync()));

        client.Parse("", "CALL gendb.status()");
        Bind(client, "", "", [], [], [1]);
        Describe(client, 'P', "");
        client.Execute();
        client.Sync();
        await client.SendBuiltAsync();
        var messages = await client.ReadUntilReadyAsync();

        Assert.Equal([ParseComplete, BindComplete, RowDescription], Types(messages.Take(3)));
        Assert.Equal([CommandComplete, ReadyForQuery], Types(messages.TakeLast(2)));
        var columns = Columns(messages[2]);
        Assert.Equal(
            [("source_schema", TextOid), ("table_name", TextOid), ("scenario", TextOid), ("synthetic_rows", BigintOid), ("routed_in_session", BooleanOid), ("routed_by_proxy", BooleanOid)],
            columns.Select(c => (c.Name, c.TypeOid)));
        Assert.All(columns, c => Assert.Equal(1, c.Format));
        var row = Assert.Single(messages.Where(m => m.Type == DataRow).Select(Fields), f => Text(f[1]) == table);
        Assert.Equal(["public", table, "default"], row.Take(3).Select(Text));
        Assert.Equal(8, row[3]!.Length);
        Assert.Equal(7L, BinaryPrimitives.ReadInt64BigEndian(row[3]));
        Assert.Equal([1], row[4]);
        Assert.Equal([0], row[5]);
    }

    [Fact]
    public async Task Pipeline_QueryThenGendbExtendedBatchThenQuery_InOneWrite_AnsweredInOrder()
    {
        await using var client = await RawPgClient.LoginAsync(fixture.ProxyEndPoint);
        client.Messages.Query("select 1");
        client.Parse("", Help);
        client.Bind("", "");
        client.Execute();
        client.Sync();
        client.Messages.Query("select 2");
        await client.SendBuiltAsync();

        var first = await client.ReadUntilReadyAsync();
        var call = await client.ReadUntilReadyAsync();
        var last = await client.ReadUntilReadyAsync();

        Assert.Equal([RowDescription, DataRow, CommandComplete, ReadyForQuery], Types(first));
        Assert.Equal("1", Text(Fields(first[1])[0]));
        Assert.Equal([ParseComplete, BindComplete, .. Repeat(DataRow, HelpRows), CommandComplete, ReadyForQuery], Types(call));
        Assert.Equal("CALL", call[^2].Text());
        Assert.Equal([RowDescription, DataRow, CommandComplete, ReadyForQuery], Types(last));
        Assert.Equal("2", Text(Fields(last[1])[0]));
        await Task.Delay(200, Ct);
        Assert.Equal(0, client.Socket.Available);
    }

    [Fact]
    public async Task Pipeline_ManyGendbAndOrdinaryBatchesInOneWrite_EachAnsweredInOrder()
    {
        const int Rounds = 25;
        await using var client = await RawPgClient.LoginAsync(fixture.ProxyEndPoint);
        for (var i = 0; i < Rounds; i++)
        {
            client.Messages.Query($"select {i}");
            client.Parse("", Help);
            client.Bind("", "");
            client.Execute(maxRows: i % 3 == 0 ? 4 : 0);
            client.Sync();
            client.Parse("", $"select {i} * 1000");
            client.Bind("", "");
            client.Execute();
            client.Sync();
        }

        await client.SendBuiltAsync();

        for (var i = 0; i < Rounds; i++)
        {
            var query = await client.ReadUntilReadyAsync();
            Assert.Equal([RowDescription, DataRow, CommandComplete, ReadyForQuery], Types(query));
            Assert.Equal($"{i}", Text(Fields(query[1])[0]));

            var call = await client.ReadUntilReadyAsync();
            var rows = i % 3 == 0 ? 4 : HelpRows;
            var end = i % 3 == 0 ? PortalSuspended : CommandComplete;
            Assert.Equal([ParseComplete, BindComplete, .. Repeat(DataRow, rows), end, ReadyForQuery], Types(call));

            var extended = await client.ReadUntilReadyAsync();
            Assert.Equal([ParseComplete, BindComplete, DataRow, CommandComplete, ReadyForQuery], Types(extended));
            Assert.Equal($"{i * 1000}", Text(Fields(extended[2])[0]));
        }
    }

    [Fact]
    public async Task MixedBatch_OrdinaryInsertThenGendbCall_Refused0A000AndInsertRolledBack()
    {
        var table = await CreateTablePairAsync();
        await using var client = await RawPgClient.LoginAsync(fixture.ProxyEndPoint);
        client.Parse("", $"insert into public.{table} (name) values ('from the mixed batch')");
        client.Bind("", "");
        client.Execute();
        client.Parse("", Help);
        client.Bind("", "");
        client.Execute();
        client.Sync();
        await client.SendBuiltAsync();

        var messages = await client.ReadUntilReadyAsync();

        var error = Assert.Single(messages, m => m.Type == ErrorResponse).Error();
        Assert.Equal("0A000", error.SqlState);
        Assert.Equal([ErrorResponse, ReadyForQuery], Types(messages.TakeLast(2)));
        Assert.DoesNotContain(DataRow, Types(messages));
        Assert.Equal((byte)'I', messages[^1].Body.Single());

        await client.QueryAsync($"select count(*) from public.{table}");
        var count = await client.ReadUntilReadyAsync();
        Assert.Equal("3", Text(Fields(count.Single(m => m.Type == DataRow))[0]));
    }

    [Fact]
    public async Task Notification_SentWhileGendbCallRuns_DeliveredToListeningClient()
    {
        var table = await CreateTablePairAsync();
        var channel = "gendb_chan_" + Guid.NewGuid().ToString("N")[..10];
        await using var client = await RawPgClient.LoginAsync(fixture.ProxyEndPoint);
        await client.QueryAsync($"LISTEN {channel}");
        Assert.Equal([CommandComplete, ReadyForQuery], Types(await client.ReadUntilReadyAsync()));

        // The call blocks on a lock held by the notifier, so the NOTIFY commits while the call's
        // own transaction is open; the server sends the notification before the ReadyForQuery of
        // GenDB's COMMIT, i.e. while GenDB holds the server connection.
        await using var notifier = await fixture.OpenDirectAsync();
        await using var observer = await fixture.OpenDirectAsync();
        await using var transaction = await notifier.BeginTransactionAsync(Ct);
        await Exec(notifier, $"lock table gendb_default__public.{table} in access exclusive mode");
        await client.QueryAsync($"CALL gendb.return_generated(include => '{table}')");
        await WaitForLockWaiterAsync(observer, table);
        await Exec(notifier, $"notify {channel}, 'during the call'");
        await transaction.CommitAsync(Ct);

        var messages = await client.ReadUntilReadyAsync();
        if (!messages.Any(m => m.Type == BackendMessageType.NotificationResponse))
        {
            messages.Add(await client.ReadAsync(TimeSpan.FromSeconds(5)) ?? throw new IOException("The proxy closed the connection."));
        }

        var notification = Assert.Single(messages, m => m.Type == BackendMessageType.NotificationResponse);
        Assert.Equal((notifier.ProcessID, channel, "during the call"), Notification(notification));
        var reply = messages.Where(m => m.Type != BackendMessageType.NotificationResponse).ToList();
        Assert.Equal([RowDescription, DataRow, CommandComplete, ReadyForQuery], Types(reply));
        Assert.Equal(table, Text(Fields(reply[1])[1]));

        await client.QueryAsync($"select count(*) from {table}");
        var select = await client.ReadUntilReadyAsync();
        Assert.Equal("5", Text(Fields(select.Single(m => m.Type == DataRow))[0]));
    }

    private Task<string> CreateTablePairAsync(int realRows = 3, int syntheticRows = 5) =>
        SyntheticTables.CreatePairAsync(fixture, "proto", realRows, syntheticRows);

    private static async Task Exec(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(Ct);
    }

    private static async Task WaitForLockWaiterAsync(NpgsqlConnection observer, string table)
    {
        var started = TimeProvider.System.GetTimestamp();
        await using var command = new NpgsqlCommand(
            $"select count(*) from pg_locks where relation = 'gendb_default__public.{table}'::regclass and not granted", observer);
        while ((long)(await command.ExecuteScalarAsync(Ct))! == 0)
        {
            if (TimeProvider.System.GetElapsedTime(started) > TimeSpan.FromSeconds(20))
            {
                throw new TimeoutException($"The gendb call never waited for the lock on gendb_default__public.{table}.");
            }

            await Task.Delay(20, Ct);
        }
    }

    private static void Parse(RawPgClient client, string name, string sql, params uint[] parameterTypes)
    {
        var builder = client.Messages.Begin(FrontendMessageType.Parse).WriteCString(name).WriteCString(sql).WriteInt16((short)parameterTypes.Length);
        foreach (var type in parameterTypes)
        {
            builder.WriteInt32((int)type);
        }

        builder.End();
    }

    private static void Bind(RawPgClient client, string portal, string statement, short[] parameterFormats, byte[]?[] values, short[] resultFormats)
    {
        var builder = client.Messages.Begin(FrontendMessageType.Bind).WriteCString(portal).WriteCString(statement)
            .WriteInt16((short)parameterFormats.Length);
        foreach (var format in parameterFormats)
        {
            builder.WriteInt16(format);
        }

        builder.WriteInt16((short)values.Length);
        foreach (var value in values)
        {
            if (value is null)
            {
                builder.WriteInt32(-1);
            }
            else
            {
                builder.WriteInt32(value.Length).WriteBytes(value);
            }
        }

        builder.WriteInt16((short)resultFormats.Length);
        foreach (var format in resultFormats)
        {
            builder.WriteInt16(format);
        }

        builder.End();
    }

    private static void Describe(RawPgClient client, char kind, string name) =>
        client.Messages.Begin(FrontendMessageType.Describe).WriteByte((byte)kind).WriteCString(name).End();

    private static void Close(RawPgClient client, char kind, string name) =>
        client.Messages.Begin(FrontendMessageType.Close).WriteByte((byte)kind).WriteCString(name).End();

    private static void Flush(RawPgClient client) => client.Messages.Begin(FrontendMessageType.Flush).End();

    private static BackendMessageType[] Types(IEnumerable<BackendMessage> messages) => messages.Select(m => m.Type).ToArray();

    private static IEnumerable<BackendMessageType> Repeat(BackendMessageType type, int count) => Enumerable.Repeat(type, count);

    private static string? Text(byte[]? field) => field is null ? null : Encoding.UTF8.GetString(field);

    private sealed record Column(string Name, uint TypeOid, short Format);

    private static List<Column> Columns(BackendMessage description)
    {
        Assert.Equal(RowDescription, description.Type);
        var body = description.Body;
        var count = BinaryPrimitives.ReadInt16BigEndian(body);
        var columns = new List<Column>(count);
        var offset = 2;
        for (var i = 0; i < count; i++)
        {
            var end = Array.IndexOf(body, (byte)0, offset);
            var name = Encoding.UTF8.GetString(body, offset, end - offset);
            offset = end + 1;
            var typeOid = BinaryPrimitives.ReadUInt32BigEndian(body.AsSpan(offset + 6));
            var format = BinaryPrimitives.ReadInt16BigEndian(body.AsSpan(offset + 16));
            columns.Add(new Column(name, typeOid, format));
            offset += 18;
        }

        Assert.Equal(body.Length, offset);
        return columns;
    }

    private static List<byte[]?> Fields(BackendMessage row)
    {
        Assert.Equal(DataRow, row.Type);
        var body = row.Body;
        var count = BinaryPrimitives.ReadInt16BigEndian(body);
        var fields = new List<byte[]?>(count);
        var offset = 2;
        for (var i = 0; i < count; i++)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(body.AsSpan(offset));
            offset += 4;
            if (length < 0)
            {
                fields.Add(null);
                continue;
            }

            fields.Add(body.AsSpan(offset, length).ToArray());
            offset += length;
        }

        Assert.Equal(body.Length, offset);
        return fields;
    }

    private static uint[] ParameterTypes(BackendMessage description)
    {
        Assert.Equal(ParameterDescription, description.Type);
        var count = BinaryPrimitives.ReadInt16BigEndian(description.Body);
        Assert.Equal(2 + (4 * count), description.Body.Length);
        return Enumerable.Range(0, count).Select(i => BinaryPrimitives.ReadUInt32BigEndian(description.Body.AsSpan(2 + (4 * i)))).ToArray();
    }

    private static (int ProcessId, string Channel, string Payload) Notification(BackendMessage message)
    {
        var body = message.Body;
        var processId = BinaryPrimitives.ReadInt32BigEndian(body);
        var channelEnd = Array.IndexOf(body, (byte)0, 4);
        var payloadEnd = Array.IndexOf(body, (byte)0, channelEnd + 1);
        return (processId, Encoding.UTF8.GetString(body, 4, channelEnd - 4), Encoding.UTF8.GetString(body, channelEnd + 1, payloadEnd - channelEnd - 1));
    }
}
