using System.Text.RegularExpressions;
using GenDb.Commands.Configuration;
using GenDb.Commands.Execution;
using GenDb.Commands.Generation;
using GenDb.Generation.Profiles;
using GenDb.IntegrationTests.Generation;
using GenDb.IntegrationTests.Infrastructure;
using GenDb.Sql.Npgsql;
using Npgsql;

namespace GenDb.IntegrationTests.Cli;

/// <summary><c>gendb inspect</c> against a real database: the table for people, the YAML that feeds back, and no writes.</summary>
public sealed partial class InspectCommandTests(PostgresFixture fixture) : IDisposable
{
    private static int s_databases;

    private readonly string _directory = Directory.CreateTempSubdirectory("gendb-inspect-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    /// <summary><c>      # name: { … }   # now: …</c>: a suggestion, commented out.</summary>
    [GeneratedRegex(@"^(?<indent> {6})# (?<setting>\S+: \{.*?\})(?<now>   # now: .*)$", RegexOptions.Multiline)]
    private static partial Regex Suggestion();

    private async Task<string> FeaturesAsync() =>
        await GenerationDatabase.CreateAsync(fixture, $"cli_inspect_{Interlocked.Increment(ref s_databases)}", "features", Ct);

    private async Task<NpgsqlConnection> OpenAsync(string database)
    {
        var connection = new NpgsqlConnection(fixture.DirectConnectionString(database: database));
        await connection.OpenAsync(Ct);
        return connection;
    }

    [Fact]
    public async Task Inspect_Table_ListsEveryColumnWithItsGenerator()
    {
        var database = await FeaturesAsync();
        await using var direct = await OpenAsync(database);
        var session = new NpgsqlSqlSession(direct);
        await session.QueryAsync("BEGIN", Ct);
        var expected = await PlanCommands.PlanAsync(session, "app.account", null, null, "default", CommandContext.Default, Ct);
        await session.QueryAsync("ROLLBACK", Ct);

        var outcome = await CliRunner.RunAsync(["inspect", "--db", fixture.DirectConnectionString(database: database), "--include", "app.account"]);

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        var plan = Assert.Single(expected);
        Assert.Contains("app.account", outcome.Output, StringComparison.Ordinal);
        Assert.Contains($"load: {plan.Load.Split(':')[0]}", outcome.Output, StringComparison.Ordinal);
        var rows = outcome.Output.Split('\n');
        Assert.All(plan.Columns, column => Assert.Contains(rows, row =>
            Regex.IsMatch(row, $@"│ {Regex.Escape(column.Name)}\s+│") && row.Contains(column.Generator, StringComparison.Ordinal)));
        foreach (var header in new[] { "column", "type", "generator", "source (why)", "constraints" })
        {
            Assert.Contains(header, outcome.Output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Inspect_Yaml_ParsesBackWithAnEntryPerTable()
    {
        var database = await FeaturesAsync();

        var outcome = await CliRunner.RunAsync(["inspect", "--db", fixture.DirectConnectionString(database: database), "--include", "app.*", "--rows", "250", "--format", "yaml"]);

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        var config = GendbConfig.Parse(outcome.Output, "inspect.yaml");
        await using var direct = await OpenAsync(database);
        var realTables = (await direct.RowsAsync(GenerationDatabase.RealTablesSql)).Select(r => (string)r[0]!).ToList();
        Assert.Equal(realTables, config.Profile.Tables.Select(t => t.Name).Order(StringComparer.Ordinal));
        Assert.All(config.Profile.Tables, t => Assert.Equal(250L, t.Rows));
        Assert.All(config.Profile.Tables, t => Assert.Empty(t.Columns));
        Assert.Contains("      # email: ", outcome.Output, StringComparison.Ordinal);
        Assert.Equal(realTables.Count, Regex.Matches(outcome.Output, @"^    columns:$", RegexOptions.Multiline).Count);
    }

    [Fact]
    public async Task Inspect_Yaml_EverySuggestionUncommented_StillParses()
    {
        var database = await FeaturesAsync();
        var outcome = await CliRunner.RunAsync(["inspect", "--db", fixture.DirectConnectionString(database: database), "--format", "yaml"]);
        Assert.True(outcome.ExitCode == 0, outcome.ToString());

        var suggestions = Suggestion().Matches(outcome.Output).Count;
        var uncommented = Suggestion().Replace(outcome.Output, "${indent}${setting}${now}");
        var config = GendbConfig.Parse(uncommented, "uncommented.yaml");

        Assert.True(suggestions > 20, outcome.Output);
        Assert.Equal(suggestions, config.Profile.Tables.Sum(t => t.Columns.Count));
        Assert.Contains(config.Profile.Tables.SelectMany(t => t.Columns.Values), c => c.Generator is FakerSpec { Path: "internet.email" });
        // A detected status or flag comes back as the values drawn, with their spread as weights.
        Assert.Contains(config.Profile.Tables.SelectMany(t => t.Columns.Values), c => c.Generator is OneOfSpec { Values.Count: > 1, Weights: not null });

        // The suggestions are not only well-formed: generation runs with every one of them.
        var file = Path.Combine(_directory, "uncommented.yaml");
        await File.WriteAllTextAsync(file, uncommented, Ct);
        var generated = await CliRunner.RunAsync(["generate", "--db", fixture.DirectConnectionString(database: database), "--config", file, "--rows", "200"]);
        Assert.True(generated.ExitCode == 0, generated.ToString());
    }

    [Fact]
    public async Task Inspect_YamlWithConfig_KeepsTheFilesSettingsLive()
    {
        var database = await FeaturesAsync();
        var configFile = Path.Combine(_directory, "gendb.yaml");
        await File.WriteAllTextAsync(configFile,
            """
            tables:
              app.account:
                rows: 30
                columns:
                  kind: { generator: one_of, values: [a, b], weights: [3, 1] }
                  email: { generator: template, template: "{name}@example.com", unique: true }
            """,
            Ct);

        var outcome = await CliRunner.RunAsync(["inspect", "--db", fixture.DirectConnectionString(database: database), "--include", "app.account", "--config", configFile, "--format", "yaml"]);

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        var table = Assert.Single(GendbConfig.Parse(outcome.Output, "inspect.yaml").Profile.Tables);
        Assert.Equal("app.account", table.Name);
        Assert.Equal(30L, table.Rows);
        var kind = Assert.IsType<OneOfSpec>(table.Columns["kind"].Generator);
        Assert.Equal(["a", "b"], kind.Values);
        Assert.Equal([3.0, 1.0], kind.Weights!);
        Assert.Equal("{name}@example.com", Assert.IsType<TemplateSpec>(table.Columns["email"].Generator).Template);
        Assert.True(table.Columns["email"].Unique);
        Assert.Equal(2, table.Columns.Count);
    }

    [Fact]
    public async Task Inspect_AnyFormat_WritesNothing()
    {
        var database = await FeaturesAsync();

        var asTable = await CliRunner.RunAsync(["inspect", "--db", fixture.DirectConnectionString(database: database)]);
        var asYaml = await CliRunner.RunAsync(["inspect", "--db", fixture.DirectConnectionString(database: database), "--format", "yaml"]);

        Assert.True(asTable.ExitCode == 0, asTable.ToString());
        Assert.True(asYaml.ExitCode == 0, asYaml.ToString());
        await using var direct = await OpenAsync(database);
        Assert.Equal(0L, await direct.ScalarAsync<long>("SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'gendb\\_%'"));
    }

    [Fact]
    public async Task Inspect_UnknownFormat_ExitsSixtyFour()
    {
        var outcome = await CliRunner.RunAsync(["inspect", "--db", "postgresql://nobody@127.0.0.1:1/x", "--format", "json"]);

        Assert.True(outcome.ExitCode == 64, outcome.ToString());
        Assert.Contains("json", outcome.Error, StringComparison.Ordinal);
    }
}
