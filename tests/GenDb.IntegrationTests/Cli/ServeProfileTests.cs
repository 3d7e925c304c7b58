using GenDb.IntegrationTests.Generation;
using GenDb.IntegrationTests.Infrastructure;

namespace GenDb.IntegrationTests.Cli;

/// <summary><c>gendb serve</c> hands gendb.yaml's tables and column rules to every generate_data call.</summary>
public sealed class ServeProfileTests(PostgresFixture fixture) : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("gendb-serve-profile-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Serve_ConfigTables_UsedByGenerateData()
    {
        var database = await GenerationDatabase.CreateAsync(fixture, "cli_serve_profile", "features", Ct);
        var config = Path.Combine(_directory, "gendb.yaml");
        await File.WriteAllTextAsync(config, "tables:\n  app.line:\n    rows: 7\n    columns:\n      amount: { generator: constant, value: 12.5 }\n", Ct);
        await using var serve = ChildProcesses.StartGendb(["serve", "--listen", "127.0.0.1:0", "--upstream", $"{fixture.Cluster.Host}:{fixture.Cluster.Port}", "--config", config]);
        var line = await serve.WaitForOutputLineAsync(l => l.StartsWith("GenDB listening on ", StringComparison.Ordinal), TimeSpan.FromSeconds(60), Ct);
        var port = int.Parse(line.Split(' ')[3].TrimEnd(',').Split(':')[1], System.Globalization.CultureInfo.InvariantCulture);

        var psql = await ChildProcesses.PsqlAsync(port, database, "-At", "-c", "CALL gendb.generate_data(include => 'app.line')", "-c",
            "SELECT count(*), min(amount), max(amount) FROM gendb_default__app.line");

        Assert.True(psql.ExitCode == 0, psql.ToString());
        Assert.Equal("7|12.50|12.50", psql.StandardOutput.Trim().Split('\n')[^1]);
    }
}
