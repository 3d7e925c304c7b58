using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Xunit;

namespace GenDb.Embedded.Tests;

public sealed class ClusterLifetimeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DisposeAsync_RunningCluster_RemovesDirectoryAndClosesPort()
    {
        var cluster = await EmbeddedCluster.StartAsync(new ClusterOptions(), ct: Ct);
        var port = cluster.Port;
        var directory = cluster.SocketDirectory;
        Assert.True(await AcceptsConnectionsAsync(port));

        await cluster.DisposeAsync();

        Assert.False(Directory.Exists(directory));
        Assert.False(await AcceptsConnectionsAsync(port));
    }

    [Fact]
    public async Task DisposeAsync_CalledTwice_SecondCallDoesNothing()
    {
        var cluster = await EmbeddedCluster.StartAsync(new ClusterOptions(), ct: Ct);

        await cluster.DisposeAsync();
        await cluster.DisposeAsync();

        Assert.False(Directory.Exists(cluster.DataDirectory));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => cluster.RunSqlAsync("select 1", ct: Ct));
    }

    [Fact]
    public async Task StartAsync_ExplicitPortTaken_ThrowsWithServerLogTail()
    {
        using var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        var port = ((IPEndPoint)squatter.LocalEndpoint).Port;

        var ex = await Assert.ThrowsAsync<PostgresCommandException>(
            () => EmbeddedCluster.StartAsync(new ClusterOptions { Port = port }, ct: Ct));

        Assert.Contains("pg_ctl", ex.Command, StringComparison.Ordinal);
        Assert.Contains("Address already in use", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_WithLogger_ReportsStartAndStopEvents()
    {
        var logger = new RecordingLogger();
        var cluster = await EmbeddedCluster.StartAsync(new ClusterOptions { Durable = true }, logger, Ct);
        await cluster.DisposeAsync();

        Assert.Equal([1000, 1001, 1010, 1011], logger.Events.Where(e => e.Level >= LogLevel.Information).Select(e => e.Id));
        Assert.Contains(logger.Events, e => e.Id == 1001 && e.Message.Contains($":{cluster.Port} ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task StartAsync_DurableCluster_KeepsFsyncOn()
    {
        await using var cluster = await EmbeddedCluster.StartAsync(new ClusterOptions { Durable = true }, ct: Ct);

        Assert.Equal("on|on|on", await cluster.RunSqlAsync(
            "select current_setting('fsync'), current_setting('synchronous_commit'), current_setting('full_page_writes')", ct: Ct));
    }

    [Fact]
    public async Task StartAsync_CancelledDuringStartup_ThrowsAndRemovesDirectory()
    {
        var logger = new RecordingLogger();
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        cts.CancelAfter(TimeSpan.FromMilliseconds(500));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => EmbeddedCluster.StartAsync(new ClusterOptions(), logger, cts.Token));

        var directory = Assert.Single(logger.Events, e => e.Id == 1000).Properties["Directory"] as string;
        Assert.NotNull(directory);
        Assert.False(Directory.Exists(directory), directory);
    }

    [Theory]
    [InlineData("port")]
    [InlineData("Listen_Addresses")]
    [InlineData("unix_socket_directories")]
    public async Task StartAsync_SettingThatMovesTheServer_ThrowsBeforeStarting(string setting)
    {
        var options = new ClusterOptions { Settings = new Dictionary<string, string> { [setting] = "x" } };

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => EmbeddedCluster.StartAsync(options, ct: Ct));
        Assert.Contains(setting, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_SuperuserListedAsRole_ThrowsBeforeStarting()
    {
        var options = new ClusterOptions { Roles = [new ClusterRole("postgres", "pw", PasswordMethod.ScramSha256)] };

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => EmbeddedCluster.StartAsync(options, ct: Ct));
        Assert.Contains("superuser", ex.Message, StringComparison.Ordinal);
    }

    private static async Task<bool> AcceptsConnectionsAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port, Ct);
            return true;
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.ConnectionRefused)
        {
            return false;
        }
    }
}
