using System.Net;
using System.Net.Sockets;
using GenDb.IntegrationTests.Infrastructure;
using GenDb.Protocol;
using GenDb.Proxy;
using Npgsql;

namespace GenDb.IntegrationTests.Relay;

/// <summary>How sessions end: unreachable or dying servers, the connection limit, shutdown, logs.</summary>
public sealed class LifecycleTests(PostgresFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [Fact]
    public async Task Upstream_Unreachable_Fatal08001NamingIt()
    {
        var port = FreePort();
        await using var proxy = new ProxyServer(new ProxyOptions
        {
            Listen = new IPEndPoint(IPAddress.Loopback, 0),
            Upstream = UpstreamEndpoint.Tcp("127.0.0.1", port),
        });
        proxy.Start();

        var error = await Assert.ThrowsAsync<PostgresException>(async () =>
        {
            await using var connection = new NpgsqlConnection(fixture.ProxyConnectionString(proxy: proxy));
            await connection.OpenAsync(Ct);
        });

        Assert.Equal(SqlState.SqlClientUnableToEstablishSqlConnection, error.SqlState);
        Assert.Contains($"127.0.0.1:{port}", error.MessageText, StringComparison.Ordinal);
        Assert.Contains("--upstream", error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MaxConnections_OneTooMany_Fatal53300_ThenFreedSlotIsReused()
    {
        await using var proxy = fixture.StartProxy(new ProxyOptions { MaxConnections = 2 });
        var connectionString = fixture.ProxyConnectionString(proxy: proxy);
        await using var first = new NpgsqlConnection(connectionString);
        await using var second = new NpgsqlConnection(connectionString);
        await first.OpenAsync(Ct);
        await second.OpenAsync(Ct);

        await using var third = new NpgsqlConnection(connectionString);
        var error = await Assert.ThrowsAsync<PostgresException>(() => third.OpenAsync(Ct));
        Assert.Equal(SqlState.TooManyConnections, error.SqlState);
        Assert.Contains("--max-connections", error.Hint, StringComparison.Ordinal);

        // Cancel requests still go through at the limit: they are not sessions.
        await using var sleeping = new NpgsqlCommand("select pg_sleep(10)", first);
        var running = sleeping.ExecuteNonQueryAsync(Ct);
        await Task.Delay(200, Ct);
        sleeping.Cancel();
        var cancelled = await Assert.ThrowsAnyAsync<Exception>(() => running);
        Assert.Equal("57014", (cancelled as PostgresException ?? cancelled.InnerException as PostgresException)?.SqlState);

        await second.CloseAsync();
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (proxy.ActiveSessions > 1 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20, Ct);
        }

        await using var fourth = new NpgsqlConnection(connectionString);
        await fourth.OpenAsync(Ct);
        Assert.Equal(ConnectionStateOpen, fourth.FullState);
    }

    private const System.Data.ConnectionState ConnectionStateOpen = System.Data.ConnectionState.Open;

    [Fact]
    public async Task Server_TerminatesBackend_ClientGetsServersOwnFatal()
    {
        await using var connection = await fixture.OpenProxyAsync();
        await using var admin = new NpgsqlConnection(fixture.DirectConnectionString("postgres", null));
        await admin.OpenAsync(Ct);
        await using (var kill = new NpgsqlCommand("select pg_terminate_backend($1)", admin))
        {
            kill.Parameters.Add(new NpgsqlParameter { Value = connection.ProcessID });
            Assert.True((bool)(await kill.ExecuteScalarAsync(Ct))!);
        }

        await using var command = new NpgsqlCommand("select 1", connection);
        var error = await Assert.ThrowsAnyAsync<NpgsqlException>(() => command.ExecuteScalarAsync(Ct));
        Assert.Equal("57P01", Assert.IsType<PostgresException>(error).SqlState);
    }

    [Fact]
    public async Task Server_VanishesWithoutAWord_ClientGetsFatal08006()
    {
        // A real server always says goodbye; only a scripted one can drop the connection mid-session.
        using var fakeServer = new TcpListener(IPAddress.Loopback, 0);
        fakeServer.Start();
        var serverTask = Task.Run(async () =>
        {
            using var socket = await fakeServer.AcceptSocketAsync(Ct);
            var buffer = new byte[1024];
            await socket.ReceiveAsync(buffer, Ct); // startup packet
            var reply = new MessageBuilder();
            reply.Begin(BackendMessageType.Authentication).WriteInt32(0).End();
            reply.ReadyForQuery(TransactionStatus.Idle);
            await socket.SendAsync(reply.Written, Ct);
            await socket.ReceiveAsync(buffer, Ct); // the first query: hang up on it
            socket.Close(0);
        }, Ct);

        await using var proxy = new ProxyServer(new ProxyOptions
        {
            Listen = new IPEndPoint(IPAddress.Loopback, 0),
            Upstream = UpstreamEndpoint.Tcp("127.0.0.1", ((IPEndPoint)fakeServer.LocalEndpoint).Port),
        });
        proxy.Start();

        await using var client = await RawPgClient.ConnectAsync(proxy.LocalEndPoint);
        await client.SendRawAsync(RawPgClient.StartupMessage(StartupCodes.Protocol30, ("user", "u")));
        await client.ReadUntilReadyAsync();
        await client.QueryAsync("select 1");
        var messages = await client.ReadToEndAsync();
        await serverTask;

        var error = Assert.Single(messages).Error();
        Assert.Equal((PostgresError.Fatal, SqlState.ConnectionFailure), (error.Severity, error.SqlState));
        Assert.Contains("closed the connection unexpectedly", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stop_SessionsEndingOnTheirOwn_AreLetFinish()
    {
        var proxy = fixture.StartProxy(new ProxyOptions { ShutdownTimeout = TimeSpan.FromSeconds(10) });
        await using var connection = new NpgsqlConnection(fixture.ProxyConnectionString(proxy: proxy));
        await connection.OpenAsync(Ct);

        var work = Task.Run(async () =>
        {
            await using var command = new NpgsqlCommand("select pg_sleep(0.5), 'done'", connection);
            await using var reader = await command.ExecuteReaderAsync(Ct);
            await reader.ReadAsync(Ct);
            var result = reader.GetString(1);
            await reader.DisposeAsync();
            await connection.CloseAsync();
            return result;
        }, Ct);
        await Task.Delay(100, Ct);
        var stop = proxy.StopAsync();

        Assert.Equal("done", await work);
        await stop.WaitAsync(TimeSpan.FromSeconds(9), Ct);
        await Assert.ThrowsAnyAsync<SocketException>(async () =>
        {
            using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            await socket.ConnectAsync(proxy.LocalEndPoint, Ct);
        });
    }

    [Fact]
    public async Task Stop_IdleSessionPastTimeout_ClosedWithFatal57P01()
    {
        var proxy = fixture.StartProxy(new ProxyOptions { ShutdownTimeout = TimeSpan.FromMilliseconds(300) });
        await using var client = await RawPgClient.LoginAsync(proxy.LocalEndPoint);

        await proxy.StopAsync().WaitAsync(TimeSpan.FromSeconds(10), Ct);

        var messages = await client.ReadToEndAsync();
        var error = Assert.Single(messages).Error();
        Assert.Equal((PostgresError.Fatal, SqlState.AdminShutdown), (error.Severity, error.SqlState));
    }

    [Fact]
    public async Task Session_OpenAndClose_LoggedWithUserDatabaseAndBytes()
    {
        var log = new CapturingLoggerProvider();
        await using var proxy = fixture.StartProxy(new ProxyOptions(), log: log);
        await using (var connection = new NpgsqlConnection(fixture.ProxyConnectionString(PostgresFixture.Md5User, PostgresFixture.Md5Password, proxy: proxy)))
        {
            await connection.OpenAsync(Ct);
            await using var command = new NpgsqlCommand("select repeat('x', 10000)", connection);
            await command.ExecuteScalarAsync(Ct);
        }

        var opened = await log.WaitForAsync(l => l.EventId == 10);
        var closed = await log.WaitForAsync(l => l.EventId == 11);
        Assert.Contains($"user {PostgresFixture.Md5User}, database {PostgresFixture.Database}", opened.Message, StringComparison.Ordinal);
        Assert.Contains($"user {PostgresFixture.Md5User}, database {PostgresFixture.Database}", closed.Message, StringComparison.Ordinal);
        Assert.Contains("client sent Terminate", closed.Message, StringComparison.Ordinal);
        var bytesFromServer = long.Parse(System.Text.RegularExpressions.Regex.Match(closed.Message, @"(\d+) bytes from server").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(bytesFromServer > 10_000, closed.Message);
    }
}
