using GenDb.IntegrationTests.Generation;
using GenDb.IntegrationTests.Infrastructure;

namespace GenDb.IntegrationTests.Cli;

/// <summary><c>gendb config check</c>: the file alone, then the file against a database.</summary>
public sealed class ConfigCheckTests(PostgresFixture fixture) : IDisposable
{
    private static int s_databases;

    private readonly string _directory = Directory.CreateTempSubdirectory("gendb-check-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private async Task<string> WriteAsync(string yaml)
    {
        var path = Path.Combine(_directory, $"gendb-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(path, yaml, Ct);
        return path;
    }

    private async Task<string> FeaturesAsync() =>
        await GenerationDatabase.CreateAsync(fixture, $"cli_check_{Interlocked.Increment(ref s_databases)}", "features", Ct);

    [Fact]
    public async Task Check_WellFormedFile_ExitsZeroCountingTablesAndRules()
    {
        var path = await WriteAsync(
            """
            seed: 7
            tables:
              app.account:
                rows: 10
                columns:
                  kind: { generator: one_of, values: [a, b] }
              line: { rows: 5 }
            column_rules:
              "*_email": { generator: faker, path: internet.email }
            """);

        var outcome = await CliRunner.RunAsync(["config", "check", path]);

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Equal($"ok: 2 tables, 1 column rule ({path})", outcome.Output.Trim());
        Assert.Empty(outcome.Error);
    }

    [Fact]
    public async Task Check_Mistake_ExitsSixtyFourWithFileLineAndColumn()
    {
        var path = await WriteAsync("tables:\n  app.account:\n    columns:\n      kind: { generator: one_of, value: [a] }\n");

        var outcome = await CliRunner.RunAsync(["config", "check", path]);

        Assert.True(outcome.ExitCode == 64, outcome.ToString());
        Assert.Matches($@"^gendb config check: {System.Text.RegularExpressions.Regex.Escape(path)}:4:\d+: ", outcome.Error);
        Assert.Contains("'value'", outcome.Error, StringComparison.Ordinal);
        Assert.Empty(outcome.Output);
    }

    [Fact]
    public async Task Check_MissingFile_ExitsSixtyFour()
    {
        var path = Path.Combine(_directory, "absent.yaml");

        var outcome = await CliRunner.RunAsync(["config", "check", path]);

        Assert.True(outcome.ExitCode == 64, outcome.ToString());
        Assert.Contains($"{path}:0:0: cannot read the file", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_WithDb_EveryTablePlans_ExitsZero()
    {
        var database = await FeaturesAsync();
        var path = await WriteAsync(
            """
            tables:
              app.account:
                columns:
                  kind: { generator: one_of, values: [a, b] }
                  name: { generator: regex, pattern: "[A-Z][a-z]{3,12}" }
              line: { rows: 5 }
            """);

        var outcome = await CliRunner.RunAsync(["config", "check", path, "--db", fixture.DirectConnectionString(database: database)]);

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Contains("app.account: ok (", outcome.Output, StringComparison.Ordinal);
        Assert.Contains("2 set in gendb.yaml", outcome.Output, StringComparison.Ordinal);
        Assert.Contains("app.line: ok (", outcome.Output, StringComparison.Ordinal);
        Assert.Contains($"ok: every table in {path} plans against {database}", outcome.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("kind: { generator: one_of, values: [a, z] }", "\"z\"")]
    [InlineData("name: { generator: regex, pattern: \"[a-z]{60}\" }", "name")]
    public async Task Check_WithDb_OverrideTheTableRefuses_ExitsSixtyFiveAtItsPlace(string column, string named)
    {
        var database = await FeaturesAsync();
        var path = await WriteAsync($"tables:\n  app.account:\n    columns:\n      {column}\n  app.line: {{ rows: 5 }}\n");

        var outcome = await CliRunner.RunAsync(["config", "check", path, "--db", fixture.DirectConnectionString(database: database)]);

        Assert.True(outcome.ExitCode == 65, outcome.ToString());
        Assert.Contains($"{path}:4:", outcome.Error, StringComparison.Ordinal);
        Assert.Matches(@"ERROR [0-9A-Z]{5}: ", outcome.Error);
        Assert.True(outcome.Error.Contains(named, StringComparison.Ordinal), outcome.ToString());
        Assert.Contains("1 problem in", outcome.Error, StringComparison.Ordinal);

        // The problem in one table does not stop the others from being checked.
        Assert.Contains("app.line: ok (", outcome.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_WithDb_TableNotInTheDatabase_ExitsSixtyFive()
    {
        var database = await FeaturesAsync();
        var path = await WriteAsync("tables:\n  app.acount:\n    rows: 3\n");

        var outcome = await CliRunner.RunAsync(["config", "check", path, "--db", fixture.DirectConnectionString(database: database)]);

        Assert.True(outcome.ExitCode == 65, outcome.ToString());
        Assert.Contains($"{path}:2:3: table 'app.acount' is not in the database {database}", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_WithDbNothingListening_ExitsSixtyNine()
    {
        var path = await WriteAsync("seed: 1\n");

        var outcome = await CliRunner.RunAsync(["config", "check", path, "--db", $"postgresql://nobody@127.0.0.1:{ChildProcesses.FreeLoopbackPort()}/x"]);

        Assert.True(outcome.ExitCode == 69, outcome.ToString());
        Assert.StartsWith("ok: 0 tables, 0 column rules", outcome.Output, StringComparison.Ordinal);
    }
}
