using System.Globalization;
using System.Text;
using GenDb.IntegrationTests.Infrastructure;

namespace GenDb.IntegrationTests.Clients;

/// <summary>The real psql through the proxy: simple queries, COPY both ways, scripts, and Ctrl-C.</summary>
public sealed class PsqlTests(PostgresFixture fixture)
{
    private const string Database = PostgresFixture.Database;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private int ProxyPort => fixture.ProxyEndPoint.Port;

    private int ServerPort => fixture.Cluster.Port;

    private static string UniqueName(string prefix) => $"{prefix}_{Guid.NewGuid():N}"[..30];

    [Fact]
    public async Task Command_MultiStatementSimpleQuery_SameOutputAsDirect()
    {
        const string sql = "select 1 as one; select 'a' || 'b' as ab; select n, repeat('x', n) from generate_series(1, 5) as n";

        var viaProxy = await ChildProcesses.PsqlAsync(ProxyPort, Database, "-c", sql);
        var direct = await ChildProcesses.PsqlAsync(ServerPort, Database, "-c", sql);

        Assert.True(viaProxy.ExitCode == 0, viaProxy.ToString());
        Assert.True(direct.ExitCode == 0, direct.ToString());
        Assert.Contains("\n ab\n", viaProxy.StandardOutput, StringComparison.Ordinal);
        Assert.Contains(" 5 | xxxxx\n(5 rows)", viaProxy.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(direct.StandardOutput, viaProxy.StandardOutput);
        Assert.Equal(direct.StandardError, viaProxy.StandardError);
    }

    [Fact]
    public async Task Copy_TenThousandCsvLinesInAndOut_FilesByteIdenticalAndTableSameAsDirect()
    {
        const int Rows = 10_000;
        var table = UniqueName("psql_copy");
        var input = Path.Combine(Path.GetTempPath(), $"{table}_in.csv");
        var output = Path.Combine(Path.GetTempPath(), $"{table}_out.csv");
        try
        {
            await File.WriteAllBytesAsync(input, CanonicalCsv(Rows), Ct);
            var create = await ChildProcesses.PsqlAsync(ProxyPort, Database,
                "-c", $"create table {table} (id int primary key, name text, amount numeric(12,2), note text)");
            Assert.True(create.ExitCode == 0, create.ToString());

            var copyIn = await ChildProcesses.PsqlAsync(ProxyPort, Database, "-c", $"\\copy {table} from '{input}' csv");
            Assert.True(copyIn.ExitCode == 0, copyIn.ToString());
            Assert.Equal($"COPY {Rows}", copyIn.StandardOutput.Trim());

            var copyOut = await ChildProcesses.PsqlAsync(ProxyPort, Database, "-c", $"\\copy (select * from {table} order by 1) to '{output}' csv");
            Assert.True(copyOut.ExitCode == 0, copyOut.ToString());
            Assert.Equal($"COPY {Rows}", copyOut.StandardOutput.Trim());

            Assert.Equal(await File.ReadAllBytesAsync(input, Ct), await File.ReadAllBytesAsync(output, Ct));

            var summary = $"select count(*), md5(string_agg(t::text, E'\\n' order by id)) from {table} as t";
            var viaProxy = await ChildProcesses.PsqlAsync(ProxyPort, Database, "-At", "-c", summary);
            var direct = await ChildProcesses.PsqlAsync(ServerPort, Database, "-At", "-c", summary);
            Assert.True(viaProxy.ExitCode == 0, viaProxy.ToString());
            Assert.StartsWith($"{Rows}|", viaProxy.StandardOutput, StringComparison.Ordinal);
            Assert.Equal(direct.StandardOutput, viaProxy.StandardOutput);
        }
        finally
        {
            File.Delete(input);
            File.Delete(output);
            await fixture.Cluster.RunSqlAsync($"drop table if exists {table};", Database, CancellationToken.None);
        }
    }

    [Fact]
    public async Task Script_ErrorWithOnErrorStop_ExitsThreeAndSkipsTheRest()
    {
        var table = UniqueName("psql_script");
        var script = Path.Combine(Path.GetTempPath(), $"{table}.sql");
        try
        {
            await fixture.Cluster.RunSqlAsync($"create table {table} (step int); grant all on {table} to {PostgresFixture.ScramUser};", Database, Ct);
            await File.WriteAllTextAsync(script, $"""
                \set ON_ERROR_STOP on
                insert into {table} values (1);
                select 1/0;
                insert into {table} values (2);
                """, Ct);

            var outcome = await ChildProcesses.PsqlAsync(ProxyPort, Database, "-f", script);

            Assert.True(outcome.ExitCode == 3, outcome.ToString());
            Assert.Contains("division by zero", outcome.StandardError, StringComparison.Ordinal);
            Assert.Contains("INSERT 0 1", outcome.StandardOutput, StringComparison.Ordinal);
            var steps = await fixture.Cluster.RunSqlAsync($"select coalesce(string_agg(step::text, ',' order by step), '') from {table};", Database, Ct);
            Assert.Equal("1", steps);
        }
        finally
        {
            File.Delete(script);
            await fixture.Cluster.RunSqlAsync($"drop table if exists {table};", Database, CancellationToken.None);
        }
    }

    [Fact]
    public async Task Interrupt_DuringLongQuery_CancelRequestReachesServerAndPsqlExitsPromptly()
    {
        var marker = UniqueName("psql_cancel");
        var sql = $"select pg_sleep(30), '{marker}'";
        await using var psql = StartedProcess.Start(
            "psql",
            ChildProcesses.PsqlArguments(ProxyPort, PostgresFixture.ScramUser, Database, "-c", sql),
            ChildProcesses.LibpqEnvironment(PostgresFixture.ScramPassword));

        // Interrupting before the query runs would end psql without any CancelRequest.
        await WaitUntilActiveAsync(marker, TimeSpan.FromSeconds(20));
        var interrupted = TimeProvider.System.GetTimestamp();
        await psql.SignalAsync("INT", Ct);
        var outcome = await psql.WaitForExitAsync(TimeSpan.FromSeconds(20), Ct);
        var afterInterrupt = TimeProvider.System.GetElapsedTime(interrupted);

        Assert.Contains("canceling statement due to user request", outcome.StandardError, StringComparison.Ordinal);
        Assert.True(outcome.ExitCode == 1, outcome.ToString());
        Assert.True(afterInterrupt < TimeSpan.FromSeconds(3), $"psql took {afterInterrupt} to exit after SIGINT.\n{outcome}");
        var stillRunning = await fixture.Cluster.RunSqlAsync(
            $"select count(*) from pg_stat_activity where query like '%{marker}%' and state = 'active' and pid <> pg_backend_pid();", Database, Ct);
        Assert.Equal("0", stillRunning);
    }

    private async Task WaitUntilActiveAsync(string marker, TimeSpan timeout)
    {
        var sql = $"select count(*) from pg_stat_activity where query like '%{marker}%' and state = 'active' and pid <> pg_backend_pid();";
        var deadline = TimeProvider.System.GetTimestamp();
        while (await fixture.Cluster.RunSqlAsync(sql, Database, Ct) != "1")
        {
            if (TimeProvider.System.GetElapsedTime(deadline) > timeout)
            {
                throw new TimeoutException($"The query marked {marker} never showed up as active in pg_stat_activity.");
            }

            await Task.Delay(50, Ct);
        }
    }

    /// <summary>
    /// CSV exactly as PostgreSQL writes it (quotes only where needed, "" for the empty string, nothing
    /// for NULL, LF line ends), so the file that comes back out must be the same bytes.
    /// </summary>
    private static byte[] CanonicalCsv(int rows)
    {
        var csv = new StringBuilder();
        for (var id = 1; id <= rows; id++)
        {
            var name = (id % 4) switch
            {
                0 => $"name {id}",
                1 => $"Müller-{id}, Jörg",
                2 => $"say \"{id}\"",
                _ => $"two\nlines {id}",
            };
            var amount = (id * 7919 % 100_000 / 100m).ToString("F2", CultureInfo.InvariantCulture);
            var note = (id % 3) switch
            {
                0 => null,
                1 => string.Empty,
                _ => $"note-{id}",
            };
            csv.Append(CultureInfo.InvariantCulture, $"{id},{Field(name)},{amount},{Field(note)}\n");
        }

        return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(csv.ToString());

        static string Field(string? value) => value switch
        {
            null => string.Empty,
            "" => "\"\"",
            _ when value.AsSpan().IndexOfAny(",\"\n\r") >= 0 => "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"",
            _ => value,
        };
    }
}
