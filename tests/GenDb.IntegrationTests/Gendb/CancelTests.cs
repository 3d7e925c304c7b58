using System.Buffers.Binary;
using System.Diagnostics;
using GenDb.Commands;
using GenDb.Commands.Execution;
using GenDb.IntegrationTests.Infrastructure;
using GenDb.Protocol;
using GenDb.Proxy;
using GenDb.Proxy.Gendb;
using GenDb.Sql;
using Npgsql;

namespace GenDb.IntegrationTests.Gendb;

/// <summary>
/// A client's CancelRequest stops a GENDB command that runs many statements. PostgreSQL cancels
/// only the statement running when the request arrives and drops one that arrives between two,
/// so the proxy stops the command itself; the client gets 57014 as from the server, and the
/// session goes on. Here <c>gendb.help()</c> is made to run for up to 30 seconds.
/// </summary>
public sealed class CancelTests(PostgresFixture fixture)
{
    private const string LongCall = "CALL gendb.help()";

    private static readonly TimeSpan LongRun = TimeSpan.FromSeconds(30);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>How the long command spends its time: in the server, or between statements.</summary>
    public enum Work
    {
        /// <summary><c>SELECT pg_sleep(0.2)</c> over and over.</summary>
        ServerSleeps,

        /// <summary><c>SELECT 1</c>, then 200 ms of GenDB's own work: the server is idle when the cancel arrives.</summary>
        GenDbWorksBetweenStatements,
    }

    private static async Task<CommandResult> RunLongAsync(Work work, ISqlSession session, CancellationToken cancellationToken)
    {
        var started = Stopwatch.StartNew();
        while (started.Elapsed < LongRun)
        {
            if (work == Work.ServerSleeps)
            {
                await session.QueryAsync("SELECT pg_sleep(0.2)", cancellationToken);
            }
            else
            {
                await session.QueryAsync("SELECT 1", cancellationToken);
                await Task.Delay(200, cancellationToken);
            }
        }

        return new CommandResult(CommandExecutor.HelpColumns, []);
    }

    private ProxyServer StartProxy(Work work, CapturingLoggerProvider log) =>
        fixture.StartProxy(
            new ProxyOptions(),
            info => new GendbSessionHook(ProcedureCatalog.Default, new ProxyRoutes(), info, (call, session, ct) =>
                call.Procedure.Name == GendbProcedures.HelpName ? RunLongAsync(work, session, ct) : CommandExecutor.ExecuteAsync(call, session, ct)),
            log);

    private async Task<NpgsqlConnection> OpenAsync(ProxyServer proxy)
    {
        var connection = new NpgsqlConnection(fixture.ProxyConnectionString(proxy: proxy));
        await connection.OpenAsync(Ct);
        return connection;
    }

    private static async Task<PostgresException> FailureAsync(Task run)
    {
        var thrown = await Record.ExceptionAsync(() => run);
        return thrown as PostgresException ?? thrown?.InnerException as PostgresException
            ?? throw new Xunit.Sdk.XunitException("Expected a PostgresException, got " + (thrown?.ToString() ?? "none"));
    }

    /// <summary>Sends a CancelRequest to the proxy, as a client library does, and waits for the proxy to close the socket.</summary>
    private static async Task SendCancelAsync(ProxyServer proxy, int processId, ReadOnlyMemory<byte> secretKey)
    {
        var packet = new byte[12 + secretKey.Length];
        BinaryPrimitives.WriteInt32BigEndian(packet, packet.Length);
        BinaryPrimitives.WriteInt32BigEndian(packet.AsSpan(4), StartupCodes.CancelRequest);
        BinaryPrimitives.WriteInt32BigEndian(packet.AsSpan(8), processId);
        secretKey.CopyTo(packet.AsMemory(12));
        await using var cancel = await RawPgClient.ConnectAsync(proxy.LocalEndPoint);
        await cancel.SendRawAsync(packet);
        Assert.Empty(await cancel.ReadToEndAsync());
    }

    [Theory]
    [InlineData(Work.ServerSleeps)]
    [InlineData(Work.GenDbWorksBetweenStatements)]
    public async Task Cancel_WhileLongCommandRuns_57014WithinASecondAndTheSessionGoesOn(Work work)
    {
        var log = new CapturingLoggerProvider();
        await using var proxy = StartProxy(work, log);
        await using var connection = await OpenAsync(proxy);
        await using var command = new NpgsqlCommand(LongCall, connection);

        var run = command.ExecuteNonQueryAsync(Ct);
        await Task.Delay(300, Ct);
        var cancelled = Stopwatch.StartNew();
        command.Cancel();
        var error = await FailureAsync(run);

        Assert.Equal(("57014", "canceling statement due to user request"), (error.SqlState, error.MessageText));
        Assert.InRange(cancelled.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(1.5));
        Assert.Equal(1, await connection.ScalarAsync<int>("SELECT 1"));
        Assert.Equal(1, await connection.ScalarAsync<int>("SELECT 1"));
        if (work == Work.GenDbWorksBetweenStatements)
        {
            // The server dropped the cancel (it was idle): the proxy stopped the command. When the
            // server sleeps, its own 57014 may end the command before the proxy gets to it.
            await log.WaitForAsync(l => l.EventId == 20 && l.Message.Contains($"backend {connection.ProcessID}", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task ClientGoesAway_WhileLongCommandRuns_CommandStopsWithinASecond()
    {
        var ended = new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously);
        var clock = new Stopwatch();
        await using var proxy = fixture.StartProxy(
            new ProxyOptions(),
            info => new GendbSessionHook(ProcedureCatalog.Default, new ProxyRoutes(), info, async (call, session, ct) =>
            {
                try
                {
                    return await RunLongAsync(Work.ServerSleeps, session, ct);
                }
                finally
                {
                    ended.TrySetResult(clock.Elapsed);
                }
            }),
            new CapturingLoggerProvider());
        var client = await RawPgClient.LoginAsync(proxy.LocalEndPoint);

        await client.QueryAsync(LongCall);
        await Task.Delay(500, Ct);
        clock.Start();
        client.Abort();

        // Nobody reads the client socket while the command runs: without a watch on it, the
        // command would run its 30 seconds before noticing.
        var stoppedAfter = await ended.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        Assert.InRange(stoppedAfter, TimeSpan.Zero, TimeSpan.FromSeconds(1.5));
    }

    [Fact]
    public async Task Cancel_LongCommandInTransactionBlock_BlockFailedUntilRollback()
    {
        await using var proxy = StartProxy(Work.GenDbWorksBetweenStatements, new CapturingLoggerProvider());
        await using var connection = await OpenAsync(proxy);
        await connection.ExecAsync("BEGIN");
        await connection.ExecAsync("CREATE TEMP TABLE made_in_the_block (id int)");
        await using var command = new NpgsqlCommand(LongCall, connection);

        var run = command.ExecuteNonQueryAsync(Ct);
        await Task.Delay(300, Ct);
        command.Cancel();

        Assert.Equal("57014", (await FailureAsync(run)).SqlState);
        Assert.Equal("25P02", (await FailureAsync(connection.ScalarAsync("SELECT 1"))).SqlState);
        await connection.ExecAsync("ROLLBACK");
        Assert.Equal(0L, await connection.ScalarAsync<long>("SELECT count(*) FROM pg_class WHERE relname = 'made_in_the_block'"));
    }

    [Fact]
    public async Task Cancel_NamingAnotherSessionOrWithAWrongKey_CommandRunsOn()
    {
        var log = new CapturingLoggerProvider();
        await using var proxy = StartProxy(Work.GenDbWorksBetweenStatements, log);
        await using var connection = await OpenAsync(proxy);
        await using var command = new NpgsqlCommand(LongCall, connection);

        // Another session of the same proxy, idle, and its own key.
        await using var other = await RawPgClient.ConnectAsync(proxy.LocalEndPoint);
        await other.SendRawAsync(RawPgClient.StartupMessage(StartupCodes.Protocol30, ("user", "postgres"), ("database", PostgresFixture.Database)));
        var keyData = (await other.ReadUntilReadyAsync()).Single(m => m.Type == BackendMessageType.BackendKeyData).Body;

        var run = command.ExecuteNonQueryAsync(Ct);
        await Task.Delay(300, Ct);
        await SendCancelAsync(proxy, BinaryPrimitives.ReadInt32BigEndian(keyData), keyData.AsMemory(4));
        await SendCancelAsync(proxy, connection.ProcessID, new byte[] { 1, 2, 3, 4 });
        await SendCancelAsync(proxy, connection.ProcessID, new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 });
        await Task.Delay(1000, Ct);

        Assert.False(run.IsCompleted, "The command stopped on a cancel request that did not name it.");
        Assert.DoesNotContain(log.Lines, l => l.EventId == 20);

        command.Cancel();
        Assert.Equal("57014", (await FailureAsync(run)).SqlState);
    }
}
