using System.Globalization;
using System.Text.RegularExpressions;
using GenDb.IntegrationTests.Generation;
using GenDb.IntegrationTests.Infrastructure;
using Npgsql;

namespace GenDb.IntegrationTests.Cli;

/// <summary>
/// <c>gendb generate</c> in-process against real databases: the rows, the same rows as the CALL
/// through the proxy, what it prints at a terminal and in a pipe, and the exit code of every way
/// it can fail.
/// </summary>
public sealed partial class GenerateCommandTests(PostgresFixture fixture) : IDisposable
{
    private static int s_databases;

    private readonly string _directory = Directory.CreateTempSubdirectory("gendb-generate-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [GeneratedRegex(@"^(?<table>[a-z_]+\.[a-z_]+): (?<rows>[\d,]+) rows in [\d,]+ ms \([\d,]+ rows/s\)(; .*)?$", RegexOptions.Multiline)]
    private static partial Regex TableLine();

    private async Task<string> FeaturesAsync() =>
        await GenerationDatabase.CreateAsync(fixture, $"cli_gen_{Interlocked.Increment(ref s_databases)}", "features", Ct);

    private async Task<NpgsqlConnection> OpenAsync(string database)
    {
        var connection = new NpgsqlConnection(fixture.DirectConnectionString(database: database));
        await connection.OpenAsync(Ct);
        return connection;
    }

    [Fact]
    public async Task Generate_NotATerminal_FillsEveryTableAndPrintsALinePerTable()
    {
        var database = await FeaturesAsync();

        var outcome = await CliRunner.RunAsync(["generate", "--db", fixture.DirectConnectionString(database: database), "--include", "app.*", "--rows", "40", "--seed", "3"]);

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        await using var direct = await OpenAsync(database);
        var realTables = (await direct.RowsAsync(GenerationDatabase.RealTablesSql)).Select(r => (string)r[0]!).ToList();
        var lines = TableLine().Matches(outcome.Output).ToDictionary(m => m.Groups["table"].Value, m => m.Groups["rows"].Value);
        Assert.Equal(realTables, lines.Keys.Order(StringComparer.Ordinal));
        Assert.All(lines.Values, rows => Assert.Equal("40", rows));
        Assert.Matches(@"(?m)^done: 320 rows in 8 tables in [\d,.]+ m?s \(seed 3, scenario default\)$", outcome.Output);
        Assert.DoesNotContain("\u001b[", outcome.Output, StringComparison.Ordinal);
        var checksums = await GenerationDatabase.ChecksumsAsync(direct);
        Assert.Equal(realTables.Count, checksums.Count);
        Assert.All(checksums.Values, c => Assert.Equal(40, c.Rows));
    }

    [Fact]
    public async Task Generate_SameSeedAsTheProxyCall_SameRows()
    {
        var viaProxy = await FeaturesAsync();
        var viaCli = await FeaturesAsync();
        await using (var proxied = new NpgsqlConnection(fixture.ProxyConnectionString(database: viaProxy)))
        {
            await proxied.OpenAsync(Ct);
            await proxied.ExecAsync("CALL gendb.generate_data(include => 'app.*', rows => 60, seed => 11)");
        }

        var outcome = await CliRunner.RunAsync(["generate", "--db", fixture.DirectConnectionString(database: viaCli), "--include", "app.*", "--rows", "60", "--seed", "11"]);

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        await using var left = await OpenAsync(viaProxy);
        await using var right = await OpenAsync(viaCli);
        var expected = await GenerationDatabase.ChecksumsAsync(left);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, await GenerationDatabase.ChecksumsAsync(right));
    }

    [Fact]
    public async Task Generate_AtATerminal_ProgressShowsEveryTableWithItsRows()
    {
        var database = await FeaturesAsync();

        var outcome = await CliRunner.RunAsync(["generate", "--db", fixture.DirectConnectionString(database: database), "--include", "app.line, app.line_note", "--rows", "1500"], terminal: true);

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        var screen = CliRunner.WithoutAnsi(outcome.Output);
        Assert.Matches(@"app\.line\s.*1,500 rows", screen);
        Assert.Matches(@"app\.line_note\s.*1,500 rows", screen);
        Assert.Contains("rows/s", screen, StringComparison.Ordinal);
        Assert.Contains("done: 3,000 rows in 2 tables", screen, StringComparison.Ordinal);
        Assert.DoesNotMatch(TableLine(), screen);
    }

    [Fact]
    public async Task Generate_UriWithPercentEncodedPassword_Connects()
    {
        var database = await FeaturesAsync();
        var password = Uri.EscapeDataString(PostgresFixture.ScramPassword);
        var uri = $"postgresql://{PostgresFixture.ScramUser}:{password}@{fixture.Cluster.Host}:{fixture.Cluster.Port.ToString(CultureInfo.InvariantCulture)}/{database}";

        var outcome = await CliRunner.RunAsync(["generate", "--db", uri, "--include", "app.line", "--rows", "5"]);

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Contains("app.line: 5 rows in ", outcome.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generate_NoDb_LibpqEnvironmentUsed()
    {
        var database = await FeaturesAsync();
        var environment = new Dictionary<string, string?>
        {
            ["PGHOST"] = fixture.Cluster.Host,
            ["PGPORT"] = fixture.Cluster.Port.ToString(CultureInfo.InvariantCulture),
            ["PGUSER"] = PostgresFixture.ScramUser,
            ["PGPASSWORD"] = PostgresFixture.ScramPassword,
            ["PGDATABASE"] = database,
        };

        var outcome = await CliRunner.RunAsync(["generate", "--include", "app.line", "--rows", "6"], environment: environment);

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        await using var direct = await OpenAsync(database);
        Assert.Equal(6L, await direct.ScalarAsync<long>("SELECT count(*) FROM gendb_default__app.line"));
    }

    [Fact]
    public async Task Generate_NothingListening_ExitsSixtyNineNamingTheServer()
    {
        var port = ChildProcesses.FreeLoopbackPort();

        var outcome = await CliRunner.RunAsync(["generate", "--db", $"postgresql://nobody@127.0.0.1:{port}/nowhere?connect_timeout=5"]);

        Assert.True(outcome.ExitCode == 69, outcome.ToString());
        Assert.Contains($"gendb generate: cannot connect to nobody@127.0.0.1:{port}/nowhere", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generate_WrongPassword_ExitsSixtyNineWithTheServersReason()
    {
        var db = $"host={fixture.Cluster.Host} port={fixture.Cluster.Port} dbname={PostgresFixture.Database} user={PostgresFixture.ScramUser} password=wrong";

        var outcome = await CliRunner.RunAsync(["generate", "--db", db]);

        Assert.True(outcome.ExitCode == 69, outcome.ToString());
        Assert.Contains("28P01", outcome.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generate_BadConfig_ExitsSixtyFourWithFileLineAndColumn()
    {
        var config = Path.Combine(_directory, "gendb.yaml");
        await File.WriteAllTextAsync(config, "seed: 1\ntables:\n  app.line:\n    colums: {}\n", Ct);

        // The file is read before any connection: --db points nowhere.
        var outcome = await CliRunner.RunAsync(["generate", "--db", "postgresql://nobody@127.0.0.1:1/x", "--config", config]);

        Assert.True(outcome.ExitCode == 64, outcome.ToString());
        Assert.Contains($"{config}:4:5: unknown setting 'colums'", outcome.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--rows", "-1", "--rows must not be negative")]
    [InlineData("--rows", "many", "many")]
    [InlineData("--mode", "upsert", "upsert")]
    [InlineData("--scenario", "Load-Test", "invalid scenario name")]
    [InlineData("--locale", "xx_YY", "not a Bogus locale")]
    [InlineData("--bogus-flag", "1", "--bogus-flag")]
    public async Task Generate_BadArgument_ExitsSixtyFourNamingIt(string option, string value, string named)
    {
        var outcome = await CliRunner.RunAsync(["generate", "--db", "postgresql://nobody@127.0.0.1:1/x", option, value]);

        Assert.True(outcome.ExitCode == 64, outcome.ToString());
        Assert.Contains(named, outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generate_IncludeMatchesNoTable_ExitsSixtyFourWithSqlState()
    {
        var database = await FeaturesAsync();

        var outcome = await CliRunner.RunAsync(["generate", "--db", fixture.DirectConnectionString(database: database), "--include", "app.nosuch"]);

        Assert.True(outcome.ExitCode == 64, outcome.ToString());
        Assert.Contains("ERROR 42P01: ", outcome.Error, StringComparison.Ordinal);
        Assert.Contains("app.nosuch", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generate_BadDb_ExitsSixtyFour()
    {
        var outcome = await CliRunner.RunAsync(["generate", "--db", "host=localhost sslmode=sometimes"]);

        Assert.True(outcome.ExitCode == 64, outcome.ToString());
        Assert.Contains("--db:", outcome.Error, StringComparison.Ordinal);
        Assert.Contains("sslmode", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generate_CheckThatNeverHolds_ExitsSixtyFiveWithSqlStateAndRollsBack()
    {
        var database = $"cli_gen_{Interlocked.Increment(ref s_databases)}";
        await fixture.Cluster.CreateDatabaseAsync(database, PostgresFixture.ScramUser, Ct);
        await using var direct = await OpenAsync(database);
        await direct.ExecAsync("CREATE TABLE impossible (id int PRIMARY KEY, a int NOT NULL CHECK (a > 5 AND a < 3))");

        var outcome = await CliRunner.RunAsync(["generate", "--db", fixture.DirectConnectionString(database: database), "--rows", "10"]);

        Assert.True(outcome.ExitCode == 65, outcome.ToString());
        Assert.Matches(@"gendb generate: ERROR [0-9A-Z]{5}: ", outcome.Error);
        Assert.Equal(0L, await direct.ScalarAsync<long>("SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'gendb\\_%'"));
    }

    [Fact]
    public async Task Generate_Cancelled_ExitsOneThirtyAndRollsBack()
    {
        var database = await BigTableAsync();
        using var interrupt = CancellationTokenSource.CreateLinkedTokenSource(Ct);

        // Far more rows than the test waits for: the cancel lands in the COPY.
        var run = CliRunner.RunAsync(
            ["generate", "--db", fixture.DirectConnectionString(database: database), "--rows", "50000000"],
            cancellationToken: interrupt.Token);
        await WaitForCopyAsync(fixture, database);
        await interrupt.CancelAsync();
        var outcome = await run;

        Assert.True(outcome.ExitCode == 130, outcome.ToString());
        Assert.Contains("interrupted", outcome.Error, StringComparison.Ordinal);
        await using var direct = await OpenAsync(database);
        Assert.Equal(0L, await direct.ScalarAsync<long>("SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'gendb\\_%'"));
    }

    /// <summary>Waits until gendb's connection (application_name gendb) runs a COPY in <paramref name="database"/>.</summary>
    internal static async Task WaitForCopyAsync(PostgresFixture fixture, string database)
    {
        await using var watcher = new NpgsqlConnection(fixture.DirectConnectionString(database: database));
        await watcher.OpenAsync(Ct);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(120);
        while (await watcher.ScalarAsync<long>(
            $"SELECT count(*) FROM pg_stat_activity WHERE datname = '{database}' AND application_name = 'gendb' AND query LIKE 'COPY%'") == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "gendb never started its COPY");
            await Task.Delay(50, Ct);
        }
    }

    /// <summary>A database with one table that is quick to fill row by row and has no key GenDB must keep unique.</summary>
    internal static async Task<string> BigTableAsync(PostgresFixture fixture)
    {
        var database = $"cli_big_{Interlocked.Increment(ref s_databases)}";
        await fixture.Cluster.CreateDatabaseAsync(database, PostgresFixture.ScramUser, Ct);
        await using var connection = new NpgsqlConnection(fixture.DirectConnectionString(database: database));
        await connection.OpenAsync(Ct);
        await connection.ExecAsync("CREATE TABLE big (id bigint GENERATED ALWAYS AS IDENTITY, note text)");
        return database;
    }

    private Task<string> BigTableAsync() => BigTableAsync(fixture);
}
