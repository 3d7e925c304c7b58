using System.Text;
using GenDb.IntegrationTests.Infrastructure;
using GenDb.Protocol;
using GenDb.Proxy;
using GenDb.Proxy.Gendb;
using GenDb.Sql;

namespace GenDb.IntegrationTests.Gendb;

/// <summary>
/// COPY FROM STDIN run by GenDB inside the client's own session, through the backend lease: the
/// data streamed in CopyData messages, the server's errors noticed while the data still flows,
/// and the session left usable whatever ends the COPY.
/// </summary>
public sealed class LeaseCopyInTests(PostgresFixture fixture)
{
    private const string Table = "copy_target";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// Takes over the Query <c>SCRIPT</c>: runs the script under a lease and answers with a
    /// CommandComplete holding what the script returned.
    /// </summary>
    private sealed class ScriptHook(Func<LeaseSqlSession, CancellationToken, Task<string>> script) : IClientMessageHook
    {
        public bool IsCandidate(byte messageType) => messageType == (byte)FrontendMessageType.Query;

        public bool Claims(byte messageType, ReadOnlySpan<byte> body) => body.SequenceEqual("SCRIPT\0"u8);

        public ValueTask OnSessionResetAsync(ISessionChannel session, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public async ValueTask HandleAsync(byte messageType, ReadOnlyMemory<byte> body, ISessionChannel session, CancellationToken cancellationToken)
        {
            await using var lease = await session.AcquireBackendAsync(cancellationToken);
            var outcome = await script(new LeaseSqlSession(lease), cancellationToken);
            var reply = new MessageBuilder().CommandComplete(outcome).ReadyForQuery(lease.TransactionStatus);
            await lease.SendToClientAsync(reply.Written, cancellationToken);
        }
    }

    /// <summary>A proxy whose sessions run <paramref name="script"/>, and a client with an empty temp table to copy into.</summary>
    private async Task<(ProxyServer Proxy, RawPgClient Client)> StartAsync(Func<LeaseSqlSession, CancellationToken, Task<string>> script)
    {
        var proxy = fixture.StartProxy(new ProxyOptions(), _ => new ScriptHook(script));
        var client = await RawPgClient.LoginAsync(proxy.LocalEndPoint);
        await ExpectAsync(client, $"create temp table {Table} (id int primary key, name text)");
        return (proxy, client);
    }

    private static async Task<List<BackendMessage>> ExpectAsync(RawPgClient client, string sql)
    {
        await client.QueryAsync(sql);
        var messages = await client.ReadUntilReadyAsync(TimeSpan.FromSeconds(60));
        var error = messages.FirstOrDefault(m => m.Type == BackendMessageType.ErrorResponse);
        Assert.True(error.Body is null, $"{sql}: {(error.Body is null ? "" : error.Error().ToString())}");
        return messages;
    }

    private static async Task<string> RunScriptAsync(RawPgClient client)
    {
        await client.QueryAsync("SCRIPT");
        var messages = await client.ReadUntilReadyAsync(TimeSpan.FromSeconds(60));
        Assert.Equal([BackendMessageType.CommandComplete, BackendMessageType.ReadyForQuery], messages.Select(m => m.Type));
        return messages[0].Text();
    }

    /// <summary>count(*) and sum(id) of the table, as the client sees it.</summary>
    private static async Task<string> ContentsAsync(RawPgClient client)
    {
        var messages = await ExpectAsync(client, $"select count(*) || ' rows, sum ' || coalesce(sum(id), 0) from {Table}");
        var row = messages.Single(m => m.Type == BackendMessageType.DataRow).Body;
        return Encoding.UTF8.GetString(row, 6, row.Length - 6);
    }

    [Theory]
    [InlineData(7)] // every row split across chunks
    [InlineData(4096)]
    [InlineData(1024 * 1024)] // a chunk spans many CopyData messages
    public async Task CopyIn_200000RowsInChunksOfAnySize_AllRowsAndTheCountOfTheTag(int chunkBytes)
    {
        var rows = new CopyRows(200_000, chunkBytes);
        var (proxy, client) = await StartAsync(async (sql, ct) =>
            "COPIED " + await sql.CopyInAsync($"copy {Table} from stdin", rows.ReadAsync(ct), ct));
        await using var _ = proxy;
        await using var __ = client;

        Assert.Equal("COPIED 200000", await RunScriptAsync(client));

        Assert.Equal($"200000 rows, sum {rows.IdSum}", await ContentsAsync(client));
        Assert.Equal(rows.TotalChunks, rows.Pulled);
    }

    [Fact]
    public async Task CopyIn_BadValueAtRow150000_ErrorArrivesWhileDataFlowsAndTheProducerIsNotDrained()
    {
        var rows = new CopyRows(2_000_000, 4096) { BadRow = 150_000 };
        var (proxy, client) = await StartAsync(async (sql, ct) =>
        {
            try
            {
                await sql.CopyInAsync($"copy {Table} from stdin", rows.ReadAsync(ct), ct);
                return "COPIED";
            }
            catch (SqlErrorException ex)
            {
                // The session answers at once: the COPY is over on both sides.
                var after = await sql.QueryAsync($"select count(*) from {Table}", ct);
                return $"FAILED {ex.Error.SqlState} {ex.Error.Message}; then {after.Rows[0][0]} rows";
            }
        });
        await using var _ = proxy;
        await using var __ = client;

        Assert.Equal("FAILED 22P02 invalid input syntax for type integer: \"x150000\"; then 0 rows", await RunScriptAsync(client));

        // Row 150,000 is in chunk 642 of 9,712; what was pulled past it is what the socket
        // buffers held before the error came back (about 130 more chunks when measured).
        Assert.InRange(rows.Pulled, 600, rows.TotalChunks / 4);
        Assert.Equal("0 rows, sum 0", await ContentsAsync(client));
    }

    [Fact]
    public async Task CopyIn_ProducerThrowsMidway_CopyFailedAndTheSessionGoesOn()
    {
        var rows = new CopyRows(200_000, 4096) { ThrowAtChunk = 100 };
        var (proxy, client) = await StartAsync(async (sql, ct) =>
        {
            try
            {
                await sql.CopyInAsync($"copy {Table} from stdin", rows.ReadAsync(ct), ct);
                return "COPIED";
            }
            catch (InvalidOperationException ex)
            {
                var after = await sql.QueryAsync($"select count(*) from {Table}", ct);
                return $"THREW {ex.Message}; then {after.Rows[0][0]} rows, {sql.TransactionStatus}";
            }
        });
        await using var _ = proxy;
        await using var __ = client;

        Assert.Equal("THREW the row source broke at chunk 100; then 0 rows, Idle", await RunScriptAsync(client));
        Assert.Equal(100, rows.Pulled);
        Assert.Equal("0 rows, sum 0", await ContentsAsync(client));
    }

    [Fact]
    public async Task CopyIn_CancelledMidway_OperationCanceledNothingInsertedSessionUsable()
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var rows = new CopyRows(200_000, 4096) { OnChunk = n => { if (n == 300) { cancel.Cancel(); } } };
        var (proxy, client) = await StartAsync(async (sql, _) =>
        {
            try
            {
                await sql.CopyInAsync($"copy {Table} from stdin", rows.ReadAsync(cancel.Token), cancel.Token);
                return "COPIED";
            }
            catch (OperationCanceledException)
            {
                var after = await sql.QueryAsync($"select count(*) from {Table}", Ct);
                return $"CANCELED; then {after.Rows[0][0]} rows";
            }
        });
        await using var _ = proxy;
        await using var __ = client;

        Assert.Equal("CANCELED; then 0 rows", await RunScriptAsync(client));
        Assert.Equal(300, rows.Pulled);
        Assert.Equal("0 rows, sum 0", await ContentsAsync(client));
    }

    [Fact]
    public async Task CopyIn_InTransactionBlockAndFails_BlockFailedUntilRollback()
    {
        var rows = new CopyRows(1_000, 512) { BadRow = 500 };
        var (proxy, client) = await StartAsync(async (sql, ct) =>
        {
            var before = sql.TransactionStatus;
            try
            {
                await sql.CopyInAsync($"copy {Table} from stdin", rows.ReadAsync(ct), ct);
                return "COPIED";
            }
            catch (SqlErrorException ex)
            {
                return $"FAILED {ex.Error.SqlState}: {before} then {sql.TransactionStatus}";
            }
        });
        await using var _ = proxy;
        await using var __ = client;
        await ExpectAsync(client, "begin");

        Assert.Equal("FAILED 22P02: InTransaction then Failed", await RunScriptAsync(client));

        await client.QueryAsync("select 1");
        Assert.Equal("25P02", (await client.ReadUntilReadyAsync()).Single(m => m.Type == BackendMessageType.ErrorResponse).Error().SqlState);
        await ExpectAsync(client, "rollback");
        Assert.Equal("0 rows, sum 0", await ContentsAsync(client));
    }

    [Fact]
    public async Task CopyIn_NoticesWhileCopying_IgnoredAndEveryRowLoaded()
    {
        var rows = new CopyRows(100_000, 4096);
        var (proxy, client) = await StartAsync(async (sql, ct) =>
            "COPIED " + await sql.CopyInAsync($"copy {Table} from stdin", rows.ReadAsync(ct), ct));
        await using var _ = proxy;
        await using var __ = client;
        await ExpectAsync(client, """
            create function pg_temp.noisy() returns trigger language plpgsql as $$
            begin
              if new.id % 10000 = 0 then raise notice 'row %', new.id; end if;
              return new;
            end $$
            """);
        await ExpectAsync(client, $"create trigger noisy before insert on {Table} for each row execute function pg_temp.noisy()");

        Assert.Equal("COPIED 100000", await RunScriptAsync(client));
        Assert.Equal($"100000 rows, sum {rows.IdSum}", await ContentsAsync(client));
    }

    [Fact]
    public async Task CopyIn_ANoticeForEveryRow_ReadWhileSendingSoNeitherSideBlocks()
    {
        // 40 MB of rows, and 4 kB of notice for each: far more than the socket buffers hold. A
        // client that only writes, while the server waits to write its notices, waits forever.
        var rows = new CopyRows(40_000, 65536) { Padding = 1000 };
        var (proxy, client) = await StartAsync(async (sql, ct) =>
            "COPIED " + await sql.CopyInAsync($"copy {Table} from stdin", rows.ReadAsync(ct), ct));
        await using var _ = proxy;
        await using var __ = client;
        await ExpectAsync(client, """
            create function pg_temp.chatty() returns trigger language plpgsql as $$
            begin
              raise notice 'row % %', new.id, repeat('x', 4000);
              return new;
            end $$
            """);
        await ExpectAsync(client, $"create trigger chatty before insert on {Table} for each row execute function pg_temp.chatty()");

        var script = RunScriptAsync(client);
        Assert.Same(script, await Task.WhenAny(script, Task.Delay(TimeSpan.FromSeconds(60), Ct)));

        Assert.Equal("COPIED 40000", await script);
        Assert.Equal($"40000 rows, sum {rows.IdSum}", await ContentsAsync(client));
    }

    [Theory]
    [InlineData("copy no_such_table from stdin", "42P01")]
    [InlineData("select 1", "XX000")]
    [InlineData("copy copy_target to stdout", "XX000")]
    public async Task CopyIn_StatementIsNoCopyFromStdin_ErrorWithoutAskingForData(string statement, string sqlState)
    {
        var rows = new CopyRows(10, 64);
        var (proxy, client) = await StartAsync(async (sql, ct) =>
        {
            try
            {
                await sql.CopyInAsync(statement, rows.ReadAsync(ct), ct);
                return "COPIED";
            }
            catch (SqlErrorException ex)
            {
                var after = await sql.QueryAsync("select 'still here'", ct);
                return $"FAILED {ex.Error.SqlState}; {after.Rows[0][0]}";
            }
        });
        await using var _ = proxy;
        await using var __ = client;

        Assert.Equal($"FAILED {sqlState}; still here", await RunScriptAsync(client));
        Assert.Equal(0, rows.Pulled);
    }
}
