using GenDb.IntegrationTests.Infrastructure;

namespace GenDb.IntegrationTests.Cli;

/// <summary><c>gendb serve --config gendb.yaml</c>: start-up routes, and mistakes reported with their place.</summary>
public sealed class ServeConfigTests(PostgresFixture fixture) : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("gendb-config-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string Upstream => $"{fixture.Cluster.Host}:{fixture.Cluster.Port}";

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Config_Routes_EverySessionThroughThisProxyReadsSyntheticRows()
    {
        var table = await SyntheticTables.CreatePairAsync(fixture, "cfg", realRows: 3, syntheticRows: 5);
        var config = Path.Combine(_directory, "gendb.yaml");
        await File.WriteAllTextAsync(config, $"routes:\n  - include: {table}\n", Ct);
        await using var serve = ChildProcesses.StartGendb(["serve", "--listen", "127.0.0.1:0", "--upstream", Upstream, "--config", config]);
        var line = await serve.WaitForOutputLineAsync(l => l.StartsWith("GenDB listening on ", StringComparison.Ordinal), TimeSpan.FromSeconds(60), Ct);
        var port = int.Parse(line.Split(' ')[3].TrimEnd(',').Split(':')[1], System.Globalization.CultureInfo.InvariantCulture);

        var psql = await ChildProcesses.PsqlAsync(port, PostgresFixture.Database, "-At", "-c", $"select count(*) from {table}");

        Assert.True(psql.ExitCode == 0, psql.ToString());
        Assert.Equal("5\n", psql.StandardOutput);
    }

    [Fact]
    public async Task Config_UnknownKey_ExitsSixtyFourWithFileLineAndColumn()
    {
        var config = Path.Combine(_directory, "gendb.yaml");
        await File.WriteAllTextAsync(config, "routes:\n  - users\nroutez: []\n", Ct);
        await using var serve = ChildProcesses.StartGendb(["serve", "--listen", "127.0.0.1:0", "--upstream", Upstream, "--config", config]);

        var outcome = await serve.WaitForExitAsync(TimeSpan.FromSeconds(60), Ct);

        Assert.Equal(64, outcome.ExitCode);
        Assert.Contains($"{config}:3:1: unknown setting 'routez'", outcome.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Config_DefaultRowsAndSeed_UsedByGenerateData()
    {
        var database = await GenDb.IntegrationTests.Generation.GenerationDatabase.CreateAsync(fixture, "cfg_defaults", "features", Ct);
        var config = Path.Combine(_directory, "gendb.yaml");
        await File.WriteAllTextAsync(config, "default_rows: 7\nseed: 1234\n", Ct);
        await using var serve = ChildProcesses.StartGendb(["serve", "--listen", "127.0.0.1:0", "--upstream", Upstream, "--config", config]);
        var line = await serve.WaitForOutputLineAsync(l => l.StartsWith("GenDB listening on ", StringComparison.Ordinal), TimeSpan.FromSeconds(60), Ct);
        var port = int.Parse(line.Split(' ')[3].TrimEnd(',').Split(':')[1], System.Globalization.CultureInfo.InvariantCulture);

        var defaults = await ChildProcesses.PsqlAsync(port, database, "-At", "-c", "CALL gendb.generate_data(include => 'app.line')", "-c",
            "SELECT count(*), md5(string_agg(t::text, ',' ORDER BY t::text)) FROM gendb_default__app.line t");
        var explicitSeed = await ChildProcesses.PsqlAsync(port, database, "-At", "-c", "CALL gendb.generate_data(include => 'app.line', rows => 7, seed => 1234)", "-c",
            "SELECT count(*), md5(string_agg(t::text, ',' ORDER BY t::text)) FROM gendb_default__app.line t");

        Assert.True(defaults.ExitCode == 0, defaults.ToString());
        var counted = defaults.StandardOutput.Trim().Split('\n')[^1];
        Assert.StartsWith("7|", counted, StringComparison.Ordinal);
        Assert.Equal(counted, explicitSeed.StandardOutput.Trim().Split('\n')[^1]);
    }
}
