using GenDb.Commands;
using GenDb.IntegrationTests.Infrastructure;
using Npgsql;

namespace GenDb.IntegrationTests.Gendb;

/// <summary>
/// gendb calls from the real psql through the proxy (simple protocol, one Query per statement):
/// what a user at a terminal sees, and that routing never writes to the real table.
/// </summary>
public sealed class GendbPsqlTests(PostgresFixture fixture)
{
    private const string Database = PostgresFixture.Database;


    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private int ProxyPort => fixture.ProxyEndPoint.Port;

    [Fact]
    public async Task Help_PsqlCommand_ExitsZeroAndPrintsEveryProcedure()
    {
        var outcome = await ChildProcesses.PsqlAsync(ProxyPort, Database, "-c", "CALL gendb.help()");

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Equal(string.Empty, outcome.StandardError);
        foreach (var procedure in ProcedureCatalog.Default.Procedures)
        {
            Assert.Contains($" {procedure.Name} ", outcome.StandardOutput, StringComparison.Ordinal);
        }

        Assert.Contains($"({ProcedureCatalog.Default.HelpRows.Count} rows)", outcome.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownProcedure_PsqlVerbose_ExitsOneWithErrorSqlStateAndHint()
    {
        var outcome = await ChildProcesses.PsqlAsync(ProxyPort, Database, "-v", "VERBOSITY=verbose", "-c", "CALL gendb.nope()");

        Assert.True(outcome.ExitCode == 1, outcome.ToString());
        Assert.Equal(string.Empty, outcome.StandardOutput);
        Assert.Contains("ERROR:  42883: ", outcome.StandardError, StringComparison.Ordinal);
        Assert.Contains("nope", outcome.StandardError, StringComparison.Ordinal);
        var hint = Assert.Single(outcome.StandardError.Split('\n'), l => l.StartsWith("HINT:  ", StringComparison.Ordinal));
        Assert.Contains("return_generated", hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Script_ReturnGeneratedInTransactionThenRollback_SyntheticCountThenRealCount()
    {
        var table = await CreateTablePairAsync(realRows: 3, syntheticRows: 5);
        var outcome = await RunScriptAsync(
            $"""
            BEGIN;
            CALL gendb.return_generated(include => '{table}');
            SELECT count(*) FROM {table};
            ROLLBACK;
            SELECT count(*) FROM {table};
            """);

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Equal(string.Empty, outcome.StandardError);
        Assert.Equal([$"public|{table}|table|gendb_default__public.{table}|", "5", "3"], Lines(outcome.StandardOutput));
    }

    [Fact]
    public async Task ReturnGenerated_ThenWritesThroughPsql_RealTableUnchangedSyntheticChanged()
    {
        var table = await CreateTablePairAsync(realRows: 4, syntheticRows: 6);
        await using var direct = await fixture.OpenDirectAsync();
        var realBefore = await ChecksumAsync(direct, $"public.{table}");
        var syntheticBefore = await ChecksumAsync(direct, $"gendb_default__public.{table}");

        var outcome = await RunScriptAsync(
            $"""
            CALL gendb.return_generated(include => '{table}');
            INSERT INTO {table} (name) VALUES ('from psql');
            UPDATE {table} SET name = 'updated by psql' WHERE name = 'fake-1';
            DELETE FROM {table} WHERE name = 'fake-2';
            SELECT count(*) FROM {table};
            """);

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Equal([$"public|{table}|table|gendb_default__public.{table}|", "6"], Lines(outcome.StandardOutput));
        Assert.Equal(4L, realBefore.Count);
        Assert.Equal(realBefore, await ChecksumAsync(direct, $"public.{table}"));
        var syntheticAfter = await ChecksumAsync(direct, $"gendb_default__public.{table}");
        Assert.NotEqual(syntheticBefore.Md5, syntheticAfter.Md5);
        Assert.Equal(6L, syntheticAfter.Count);
    }

    /// <summary>Runs <paramref name="script"/> with <c>psql -q -A -t -f</c>: one statement per Query, rows only.</summary>
    private async Task<ProcessOutcome> RunScriptAsync(string script)
    {
        var path = Path.Combine(Path.GetTempPath(), $"gendb_psql_{Guid.NewGuid():N}.sql");
        try
        {
            await File.WriteAllTextAsync(path, script, Ct);
            return await ChildProcesses.PsqlAsync(ProxyPort, Database, "-q", "-A", "-t", "-f", path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string[] Lines(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static async Task<(long Count, string Md5)> ChecksumAsync(NpgsqlConnection connection, string qualifiedTable)
    {
        await using var command = new NpgsqlCommand(
            $"select count(*), coalesce(md5(string_agg(t::text, E'\\n' order by id)), '') from {qualifiedTable} as t", connection);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        Assert.True(await reader.ReadAsync(Ct));
        return (reader.GetInt64(0), reader.GetString(1));
    }

    private Task<string> CreateTablePairAsync(int realRows, int syntheticRows) =>
        SyntheticTables.CreatePairAsync(fixture, "psqlt", realRows, syntheticRows);

    private static async Task Exec(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(Ct);
    }
}
