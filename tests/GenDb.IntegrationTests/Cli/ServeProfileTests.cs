using GenDb.IntegrationTests.Generation;
using GenDb.IntegrationTests.Infrastructure;
using Npgsql;

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

    [Fact]
    public async Task ServeAndGenerate_SameConfigAndSeed_SameRows()
    {
        var config = Path.Combine(_directory, "people.yaml");
        await File.WriteAllTextAsync(config, """
            seed: 77
            tables:
              hr.employees:
                rows: 300
                columns:
                  email: { generator: template, template: "{first_name}.{last_name}@corp.example", unique: true }
                  status: { generator: one_of, values: [active, on_leave], weights: [9, 1] }
                  job_title: { null_fraction: 0.5 }
            column_rules:
              "*phone*": { generator: regex, pattern: "\\+44 [0-9]{4} [0-9]{6}" }
            """, Ct);
        var viaProxy = await GenerationDatabase.CreateAsync(fixture, "cli_serve_same_proxy", "people", Ct);
        var viaCli = await GenerationDatabase.CreateAsync(fixture, "cli_serve_same_cli", "people", Ct);
        await using var serve = ChildProcesses.StartGendb(["serve", "--listen", "127.0.0.1:0", "--upstream", $"{fixture.Cluster.Host}:{fixture.Cluster.Port}", "--config", config]);
        var line = await serve.WaitForOutputLineAsync(l => l.StartsWith("GenDB listening on ", StringComparison.Ordinal), TimeSpan.FromSeconds(60), Ct);
        var port = int.Parse(line.Split(' ')[3].TrimEnd(',').Split(':')[1], System.Globalization.CultureInfo.InvariantCulture);

        var psql = await ChildProcesses.PsqlAsync(port, viaProxy, "-At", "-c", "CALL gendb.generate_data(include => 'hr.*')");
        var cli = await CliRunner.RunAsync(["generate", "--db", fixture.DirectConnectionString(database: viaCli), "--include", "hr.*", "--config", config]);

        Assert.True(psql.ExitCode == 0, psql.ToString());
        Assert.True(cli.ExitCode == 0, cli.ToString());
        await using var left = new Npgsql.NpgsqlConnection(fixture.DirectConnectionString(database: viaProxy));
        await left.OpenAsync(Ct);
        await using var right = new Npgsql.NpgsqlConnection(fixture.DirectConnectionString(database: viaCli));
        await right.OpenAsync(Ct);
        var checksums = await GenerationDatabase.ChecksumsAsync(left);
        Assert.Equal(checksums, await GenerationDatabase.ChecksumsAsync(right));
        Assert.Equal(300L, checksums.Single(c => c.Key.EndsWith("employees", StringComparison.Ordinal)).Value.Rows);
        Assert.Equal(0L, await left.ScalarAsync<long>(
            "SELECT count(*) FROM gendb_default__hr.employees WHERE email <> first_name || '.' || last_name || '@corp.example' OR phone !~ '^\\+44 [0-9]{4} [0-9]{6}$'"));
    }
}
