using System.Text;
using GenDb.IntegrationTests.Infrastructure;
using GenDb.Protocol;
using GenDb.Proxy;
using Npgsql;

namespace GenDb.IntegrationTests.Relay;

/// <summary>
/// The hook the GENDB commands build on: a claimed client message is answered by the proxy, which
/// runs its own SQL inside the client's session, in order with everything the client pipelined.
/// </summary>
public sealed class MessageHookTests(PostgresFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// Claims Query messages that start with "PROBE "; runs the rest as SQL on the server, and answers
    /// with a CommandComplete "PROBE value" built from the first column of the last row.
    /// </summary>
    private sealed class ProbeHook : IClientMessageHook
    {
        public bool IsCandidate(byte messageType) => messageType == (byte)FrontendMessageType.Query;

        public bool Claims(byte messageType, ReadOnlySpan<byte> body) => body.StartsWith("PROBE "u8);

        public ValueTask OnSessionResetAsync(ISessionChannel session, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public async ValueTask HandleAsync(byte messageType, ReadOnlyMemory<byte> body, ISessionChannel session, CancellationToken cancellationToken)
        {
            var sql = Encoding.UTF8.GetString(body.Span[6..^1]);
            await using var lease = await session.AcquireBackendAsync(cancellationToken);
            await lease.SendToBackendAsync(new MessageBuilder().Query(sql).Written, cancellationToken);
            var value = "none";
            PostgresError? error = null;
            while (true)
            {
                var message = await lease.ReadBackendMessageAsync(cancellationToken);
                if (message.Type == BackendMessageType.DataRow)
                {
                    var length = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(message.Body.AsSpan(2));
                    value = Encoding.UTF8.GetString(message.Body, 6, length);
                }
                else if (message.Type == BackendMessageType.ErrorResponse)
                {
                    error = PostgresError.Parse(message.Body);
                }
                else if (message.Type == BackendMessageType.ReadyForQuery)
                {
                    break;
                }
            }

            var reply = new MessageBuilder();
            if (error is not null)
            {
                reply.ErrorResponse(error with { Message = "probe failed: " + error.Message });
            }
            else
            {
                reply.CommandComplete("PROBE " + value);
            }

            reply.ReadyForQuery(lease.TransactionStatus);
            await lease.SendToClientAsync(reply.Written, cancellationToken);
        }
    }

    private async Task<(ProxyServer Proxy, RawPgClient Client)> StartAsync()
    {
        var proxy = fixture.StartProxy(new ProxyOptions(), _ => new ProbeHook());
        return (proxy, await RawPgClient.LoginAsync(proxy.LocalEndPoint));
    }

    private static string Describe(IEnumerable<BackendMessage> messages) => string.Join(" ", messages.Select(m => m.Type switch
    {
        BackendMessageType.CommandComplete => "C:" + m.Text(),
        BackendMessageType.DataRow => "D:" + m.Text()[6..],
        BackendMessageType.ReadyForQuery => "Z:" + (char)m.Body[0],
        _ => ((char)m.Type).ToString(),
    }));

    [Fact]
    public async Task ClaimedQuery_PipelinedBetweenOthers_AnsweredInOrderWithoutLeakingServerReplies()
    {
        var (proxy, client) = await StartAsync();
        await using var _ = proxy;
        await using var __ = client;

        // One write, three queries: the first is still running when the probe arrives.
        client.Messages.Query("select pg_sleep(0.2)::text || 'first'");
        client.Messages.Query("PROBE select 'from the hook'");
        client.Messages.Query("select 'third'");
        await client.SendBuiltAsync();

        var replies = new List<BackendMessage>();
        for (var i = 0; i < 3; i++)
        {
            replies.AddRange(await client.ReadUntilReadyAsync());
        }

        Assert.Equal("T D:first C:SELECT 1 Z:I C:PROBE from the hook Z:I T D:third C:SELECT 1 Z:I", Describe(replies));
    }

    [Fact]
    public async Task ClaimedQuery_InsideTransactionBlock_RunsInTheClientsTransaction()
    {
        var (proxy, client) = await StartAsync();
        await using var _ = proxy;
        await using var __ = client;

        await client.QueryAsync("begin; select txid_current()::text");
        var begin = await client.ReadUntilReadyAsync();
        var clientTxid = begin.Single(m => m.Type == BackendMessageType.DataRow).Text()[6..];

        await client.QueryAsync("PROBE select txid_current()::text");
        var probe = await client.ReadUntilReadyAsync();
        Assert.Equal($"C:PROBE {clientTxid} Z:T", Describe(probe));

        await client.QueryAsync("PROBE select 1/0");
        var failed = await client.ReadUntilReadyAsync();
        Assert.Equal("E Z:E", Describe(failed));
        Assert.Equal("22012", failed[0].Error().SqlState);

        await client.QueryAsync("rollback");
        Assert.Equal("C:ROLLBACK Z:I", Describe(await client.ReadUntilReadyAsync()));
    }

    [Fact]
    public async Task ClaimedQuery_NotificationArrivesDuringHook_RelayedToClient()
    {
        var (proxy, client) = await StartAsync();
        await using var _ = proxy;
        await using var __ = client;
        await client.QueryAsync("listen hook_channel");
        await client.ReadUntilReadyAsync();

        // The notifier is connected first, so that the NOTIFY surely lands while the hook's query runs.
        await using var notifier = await fixture.OpenDirectAsync();
        await client.QueryAsync("PROBE select pg_sleep(1)::text");
        await Task.Delay(100, Ct);
        await using (var notify = new NpgsqlCommand("notify hook_channel, 'while the hook ran'", notifier))
        {
            await notify.ExecuteNonQueryAsync(Ct);
        }

        var messages = await client.ReadUntilReadyAsync();
        var notification = Assert.Single(messages, m => m.Type == BackendMessageType.NotificationResponse);
        Assert.Contains("while the hook ran", notification.Text(), StringComparison.Ordinal);
        Assert.Equal("C:PROBE ", Describe(messages.Where(m => m.Type == BackendMessageType.CommandComplete)));
    }

    [Fact]
    public async Task ClaimedQuery_AfterExtendedProtocolCopyIn_WaitsOnlyForRepliesTheServerOwes()
    {
        var (proxy, client) = await StartAsync();
        await using var _ = proxy;
        await using var __ = client;
        var table = "hook_copy_" + Guid.NewGuid().ToString("N")[..8];
        await client.QueryAsync($"create table {table} (v int)");
        await client.ReadUntilReadyAsync();

        // The server ignores the Sync that arrives while it is in copy-in mode: two Syncs, one
        // ReadyForQuery. A proxy that counted both would wait forever before the probe.
        client.Parse("", $"copy {table} from stdin");
        client.Bind("", "");
        client.Execute();
        client.Sync();
        await client.SendBuiltAsync();
        Assert.Equal(BackendMessageType.ParseComplete, (await client.ReadAsync())!.Value.Type);
        Assert.Equal(BackendMessageType.BindComplete, (await client.ReadAsync())!.Value.Type);
        Assert.Equal(BackendMessageType.CopyInResponse, (await client.ReadAsync())!.Value.Type);
        client.Messages.Begin(FrontendMessageType.CopyData).WriteBytes("7\n8\n"u8).End();
        client.Messages.Begin(FrontendMessageType.CopyDone).End();
        client.Sync();
        await client.SendBuiltAsync();
        Assert.Equal("C:COPY 2 Z:I", Describe(await client.ReadUntilReadyAsync()));

        await client.QueryAsync($"PROBE select sum(v)::text from {table}");
        Assert.Equal("C:PROBE 15 Z:I", Describe(await client.ReadUntilReadyAsync(TimeSpan.FromSeconds(5))));
    }

    [Fact]
    public async Task UnclaimedQueries_WithHookInstalled_RelayedUnchanged()
    {
        var proxy = fixture.StartProxy(new ProxyOptions(), _ => new ProbeHook());
        await using var _ = proxy;
        await using var connection = new NpgsqlConnection(fixture.ProxyConnectionString(proxy: proxy));
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand("select 'PROBE not at the start'", connection);

        Assert.Equal("PROBE not at the start", await command.ExecuteScalarAsync(Ct));
    }
}
