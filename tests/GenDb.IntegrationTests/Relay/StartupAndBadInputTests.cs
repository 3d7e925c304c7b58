using System.Buffers.Binary;
using GenDb.IntegrationTests.Infrastructure;
using GenDb.Protocol;
using Npgsql;

namespace GenDb.IntegrationTests.Relay;

/// <summary>
/// The startup phase and malformed input, over a bare socket: each bad connection gets a FATAL
/// ErrorResponse and is closed, and a concurrent session is not disturbed.
/// </summary>
public sealed class StartupAndBadInputTests(PostgresFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static byte[] Packet(int length, int code, int totalBytes)
    {
        var bytes = new byte[totalBytes];
        BinaryPrimitives.WriteInt32BigEndian(bytes, length);
        if (totalBytes >= 8)
        {
            BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4), code);
        }

        return bytes;
    }

    private async Task<PostgresError> ExpectFatalAndCloseAsync(byte[] bytes)
    {
        await using var client = await RawPgClient.ConnectAsync(fixture.ProxyEndPoint);
        await client.SendRawAsync(bytes);
        var messages = await client.ReadToEndAsync();
        var only = Assert.Single(messages);
        Assert.Equal(BackendMessageType.ErrorResponse, only.Type);
        var error = only.Error();
        Assert.Equal(PostgresError.Fatal, error.Severity);
        return error;
    }

    [Fact]
    public async Task SslRequest_Declined_ThenStartupOnSameSocketLogsIn()
    {
        await using var client = await RawPgClient.ConnectAsync(fixture.ProxyEndPoint);
        await client.SendRawAsync(Packet(8, StartupCodes.SslRequest, 8));
        Assert.Equal('N', await client.ReadByteAsync());

        await client.SendRawAsync(RawPgClient.StartupMessage(StartupCodes.Protocol30, ("user", "postgres"), ("database", PostgresFixture.Database)));
        var messages = await client.ReadUntilReadyAsync();
        Assert.Equal(BackendMessageType.Authentication, messages[0].Type);
        Assert.Contains(messages, m => m.Type == BackendMessageType.BackendKeyData);
    }

    [Fact]
    public async Task GssEncRequestThenSslRequest_BothDeclined_ThenLogsIn()
    {
        await using var client = await RawPgClient.ConnectAsync(fixture.ProxyEndPoint);
        await client.SendRawAsync(Packet(8, StartupCodes.GssEncRequest, 8));
        Assert.Equal('N', await client.ReadByteAsync());
        await client.SendRawAsync(Packet(8, StartupCodes.SslRequest, 8));
        Assert.Equal('N', await client.ReadByteAsync());

        await client.SendRawAsync(RawPgClient.StartupMessage(StartupCodes.Protocol30, ("user", "postgres"), ("database", PostgresFixture.Database)));
        await client.QueryAsync("select 'after two declines'");
        var all = await client.ReadUntilReadyAsync();
        all.AddRange(await client.ReadUntilReadyAsync());
        Assert.Contains(all, m => m.Type == BackendMessageType.DataRow && m.Text().Contains("after two declines", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(7)]
    [InlineData(10_001)]
    [InlineData(int.MaxValue)]
    [InlineData(-5)]
    public async Task StartupPacket_LengthOutOfRange_Fatal08P01(int length)
    {
        var error = await ExpectFatalAndCloseAsync(Packet(length, StartupCodes.Protocol30, 8));

        Assert.Equal(SqlState.ProtocolViolation, error.SqlState);
        Assert.Equal("invalid length of startup packet", error.Message);
    }

    [Fact]
    public async Task StartupPacket_Protocol2_Fatal08P01NamingTheVersion()
    {
        var error = await ExpectFatalAndCloseAsync(RawPgClient.StartupMessage(2 << 16, ("user", "postgres")));

        Assert.Equal(SqlState.ProtocolViolation, error.SqlState);
        Assert.Contains("unsupported frontend protocol 2.0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartupPacket_DirectTlsHello_Fatal08P01()
    {
        var error = await ExpectFatalAndCloseAsync([0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, 0xfc, 0x03, 0x03]);

        Assert.Equal(SqlState.ProtocolViolation, error.SqlState);
        Assert.Contains("direct TLS", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartupMessage_Protocol32_ForwardedAndServerNegotiatesVersion()
    {
        await using var client = await RawPgClient.ConnectAsync(fixture.ProxyEndPoint);
        await client.SendRawAsync(RawPgClient.StartupMessage(StartupCodes.Protocol32,
            ("user", "postgres"), ("database", PostgresFixture.Database), ("_pq_.made_up_option", "x")));

        var messages = await client.ReadUntilReadyAsync();

        // PostgreSQL 15 speaks 3.0: it says so, and names the option it does not know.
        var negotiate = messages.First();
        Assert.Equal(BackendMessageType.NegotiateProtocolVersion, negotiate.Type);
        Assert.Equal(StartupCodes.Protocol30, BinaryPrimitives.ReadInt32BigEndian(negotiate.Body));
        Assert.Contains("_pq_.made_up_option", negotiate.Text(), StringComparison.Ordinal);
        Assert.Equal(BackendMessageType.ReadyForQuery, messages[^1].Type);
    }

    [Fact]
    public async Task CancelRequest_Forwarded_NoReplyAndClosed()
    {
        var cancel = Packet(16, StartupCodes.CancelRequest, 16);
        BinaryPrimitives.WriteInt32BigEndian(cancel.AsSpan(8), 12345);
        BinaryPrimitives.WriteInt32BigEndian(cancel.AsSpan(12), 67890);
        await using var client = await RawPgClient.ConnectAsync(fixture.ProxyEndPoint);
        await client.SendRawAsync(cancel);

        Assert.Equal(-1, await client.ReadByteAsync());
        await fixture.ProxyLog.WaitForAsync(l => l.EventId == 14);
    }

    [Fact]
    public async Task Client_ClosesBeforeStartup_NothingBreaks()
    {
        var client = await RawPgClient.ConnectAsync(fixture.ProxyEndPoint);
        await client.SendRawAsync(new byte[] { 0, 0 });
        await client.DisposeAsync();

        await using var connection = await fixture.OpenProxyAsync();
        await using var command = new NpgsqlCommand("select 1", connection);
        Assert.Equal(1, await command.ExecuteScalarAsync(Ct));
    }

    [Fact]
    public async Task GarbageAfterStartup_Fatal08P01_ConcurrentSessionUnaffected()
    {
        await using var bystander = await fixture.OpenProxyAsync();
        await using var tx = await bystander.BeginTransactionAsync(Ct);
        await using (var before = new NpgsqlCommand("select 1", bystander))
        {
            await before.ExecuteScalarAsync(Ct);
        }

        await using var client = await RawPgClient.LoginAsync(fixture.ProxyEndPoint);
        await client.SendRawAsync(new byte[] { (byte)'Q', 0, 0, 0, 1, 0xde, 0xad });
        var messages = await client.ReadToEndAsync();

        var error = Assert.Single(messages, m => m.Type == BackendMessageType.ErrorResponse).Error();
        Assert.Equal((PostgresError.Fatal, SqlState.ProtocolViolation), (error.Severity, error.SqlState));
        await using var after = new NpgsqlCommand("select 'unaffected'", bystander);
        Assert.Equal("unaffected", await after.ExecuteScalarAsync(Ct));
        await tx.CommitAsync(Ct);
        await fixture.ProxyLog.WaitForAsync(l => l.EventId == 17 && l.Message.Contains("length below 4", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Client_VanishesMidMessage_SessionClosedAndLoggedAndServerBackendGone()
    {
        await using var bystander = await fixture.OpenProxyAsync();
        var client = await RawPgClient.LoginAsync(fixture.ProxyEndPoint);
        await client.QueryAsync("select pg_backend_pid()");
        var reply = await client.ReadUntilReadyAsync();
        var pid = int.Parse(reply.Single(m => m.Type == BackendMessageType.DataRow).Text()[6..], System.Globalization.CultureInfo.InvariantCulture);

        // A Query frame that announces 1000 bytes, of which only a few arrive.
        var partial = new byte[] { (byte)'Q', 0, 0, 0x03, 0xe8, (byte)'s', (byte)'e', (byte)'l' };
        await client.SendRawAsync(partial);
        client.Abort();

        await fixture.ProxyLog.WaitForAsync(l => l.EventId == 11 && l.Message.Contains("vanished in the middle of a message", StringComparison.Ordinal));
        var deadline = DateTime.UtcNow.AddSeconds(10);
        await using var check = new NpgsqlCommand("select count(*) from pg_stat_activity where pid = $1", bystander);
        check.Parameters.Add(new NpgsqlParameter { Value = pid });
        while ((long)(await check.ExecuteScalarAsync(Ct))! != 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the server backend of the vanished client is still there");
            await Task.Delay(50, Ct);
        }
    }
}
