using System.Globalization;
using GenDb.IntegrationTests.Infrastructure;

namespace GenDb.IntegrationTests.Clients;

/// <summary>
/// A database of its own, filled by <c>pgbench -i -s 1</c> through the proxy once for all the
/// pgbench tests; dropped afterwards.
/// </summary>
public sealed class PgbenchDatabase(PostgresFixture fixture) : IAsyncLifetime
{
    public string Name { get; } = $"bench_{Guid.NewGuid():N}"[..16];

    /// <summary>What <c>pgbench -i</c> through the proxy reported.</summary>
    public ProcessOutcome Initialization { get; private set; } = new(-1, string.Empty, string.Empty, TimeSpan.Zero);

    public async ValueTask InitializeAsync()
    {
        await fixture.Cluster.CreateDatabaseAsync(Name, PostgresFixture.ScramUser);
        Initialization = await PgbenchTests.PgbenchAsync(fixture.ProxyEndPoint.Port, Name, "-i", "-s", "1");
        if (Initialization.ExitCode != 0)
        {
            throw new InvalidOperationException($"pgbench -i through the proxy failed: {Initialization}");
        }
    }

    public async ValueTask DisposeAsync() =>
        await fixture.Cluster.RunSqlAsync($"drop database if exists {Name} with (force);");
}

/// <summary>pgbench through the proxy: initialisation, then short runs in every query mode.</summary>
public sealed class PgbenchTests(PostgresFixture fixture, PgbenchDatabase database) : IClassFixture<PgbenchDatabase>
{
    private const int Clients = 4;
    private const int TransactionsPerClient = 200;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private int ProxyPort => fixture.ProxyEndPoint.Port;

    internal static Task<ProcessOutcome> PgbenchAsync(int port, string database, params string[] arguments) =>
        ChildProcesses.RunAsync(
            "pgbench",
            ["-h", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture), "-U", PostgresFixture.ScramUser, .. arguments, database],
            ChildProcesses.LibpqEnvironment(PostgresFixture.ScramPassword));

    /// <summary>Tests of a class run one after another, in no set order: the runs may already have added history rows.</summary>
    [Fact]
    public async Task Initialize_ScaleOne_CreatesTheStandardTables()
    {
        Assert.Contains("done in", database.Initialization.StandardError, StringComparison.Ordinal);
        var counts = await fixture.Cluster.RunSqlAsync(
            "select (select count(*) from pgbench_branches), (select count(*) from pgbench_tellers), (select count(*) from pgbench_accounts), to_regclass('pgbench_history') is not null;",
            database.Name, Ct);
        Assert.Equal("1|10|100000|t", counts);
    }

    [Theory]
    [InlineData("simple")]
    [InlineData("extended")]
    [InlineData("prepared")]
    public async Task Run_TpcbLikeInQueryMode_AllTransactionsProcessedWithoutFailures(string mode)
    {
        var historyBefore = await HistoryRowsAsync();

        var outcome = await PgbenchAsync(ProxyPort, database.Name,
            "-n", "-M", mode, "-c", $"{Clients}", "-j", "2", "-t", $"{TransactionsPerClient}");

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Contains($"query mode: {mode}", outcome.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("number of failed transactions: 0 ", outcome.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("number of transactions actually processed: 800/800", outcome.StandardOutput, StringComparison.Ordinal);

        // Every TPC-B-like transaction inserts exactly one history row.
        Assert.Equal(historyBefore + (Clients * TransactionsPerClient), await HistoryRowsAsync());
    }

    [Fact]
    public async Task Run_SelectOnly_AllTransactionsProcessedAndNothingWritten()
    {
        var historyBefore = await HistoryRowsAsync();

        var outcome = await PgbenchAsync(ProxyPort, database.Name,
            "-n", "-S", "-M", "prepared", "-c", $"{Clients}", "-j", "2", "-t", "500");

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Contains("transaction type: <builtin: select only>", outcome.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("number of failed transactions: 0 ", outcome.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("number of transactions actually processed: 2000/2000", outcome.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(historyBefore, await HistoryRowsAsync());
    }

    private async Task<long> HistoryRowsAsync() =>
        long.Parse(await fixture.Cluster.RunSqlAsync("select count(*) from pgbench_history;", database.Name, Ct), CultureInfo.InvariantCulture);
}
