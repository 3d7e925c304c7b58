using System.Text.RegularExpressions;
using GenDb.IntegrationTests.Infrastructure;

namespace GenDb.IntegrationTests.Cli;

/// <summary>
/// The real <c>gendb</c> executable with its output in a pipe, as a script runs it: plain lines,
/// the exit codes, and Ctrl-C.
/// </summary>
public sealed class GenerateProcessTests(PostgresFixture fixture)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Generate_InAPipe_PlainLinesAndExitZero()
    {
        var database = await Generation.GenerationDatabase.CreateAsync(fixture, "cli_process_generate", "features", Ct);
        await using var gendb = ChildProcesses.StartGendb(["generate", "--db", fixture.DirectConnectionString(database: database), "--include", "app.line", "--rows", "25", "--seed", "4"]);

        var outcome = await gendb.WaitForExitAsync(Timeout, Ct);

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        var lines = outcome.StandardOutput.TrimEnd('\n').Split('\n');
        Assert.Matches(@"^app\.line: 25 rows in [\d,]+ ms \([\d,]+ rows/s\)(; .+)?$", lines[0]);
        Assert.Matches(@"^done: 25 rows in 1 table in [\d,.]+ m?s \(seed 4, scenario default\)$", lines[^1]);
        Assert.DoesNotContain("\u001b", outcome.StandardOutput, StringComparison.Ordinal);
        Assert.Empty(outcome.StandardError);
    }

    [Fact]
    public async Task Generate_NothingListening_ExitsSixtyNine()
    {
        await using var gendb = ChildProcesses.StartGendb(["generate", "--db", $"postgresql://nobody@127.0.0.1:{ChildProcesses.FreeLoopbackPort()}/x"]);

        var outcome = await gendb.WaitForExitAsync(Timeout, Ct);

        Assert.True(outcome.ExitCode == 69, outcome.ToString());
        Assert.StartsWith("gendb generate: cannot connect to nobody@127.0.0.1:", outcome.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generate_Sigint_ExitsOneThirtyAndRollsBack()
    {
        var database = await GenerateCommandTests.BigTableAsync(fixture);
        await using var gendb = ChildProcesses.StartGendb(["generate", "--db", fixture.DirectConnectionString(database: database), "--rows", "50000000"]);

        // Long enough for the run to be in its COPY (dotnet's start-up included).
        await GenerateCommandTests.WaitForCopyAsync(fixture, database);
        await gendb.SignalAsync("INT", Ct);
        var outcome = await gendb.WaitForExitAsync(Timeout, Ct);

        Assert.True(outcome.ExitCode == 130, outcome.ToString());
        Assert.Contains("interrupted", outcome.StandardError, StringComparison.Ordinal);
        await using var direct = new Npgsql.NpgsqlConnection(fixture.DirectConnectionString(database: database));
        await direct.OpenAsync(Ct);
        Assert.Equal(0L, await direct.ScalarAsync<long>("SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'gendb\\_%'"));
    }

    [Theory]
    [InlineData("generate")]
    [InlineData("inspect")]
    public async Task Help_DirectCommand_DocumentsTheExitCodes(string command)
    {
        await using var gendb = ChildProcesses.StartGendb([command, "--help"]);

        var outcome = await gendb.WaitForExitAsync(Timeout, Ct);

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        var help = Regex.Replace(outcome.StandardOutput, @"\s+", " ");
        foreach (var code in new[] { "0 done", "64 bad arguments", "65 generation failed", "69 cannot connect", "130 interrupted", "1 anything else" })
        {
            Assert.Contains(code, help, StringComparison.Ordinal);
        }
    }
}
