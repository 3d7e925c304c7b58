using GenDb.Commands;
using GenDb.Commands.Configuration;
using GenDb.Commands.Execution;
using GenDb.Commands.Generation;
using GenDb.IntegrationTests.Infrastructure;
using GenDb.Sql.Npgsql;
using Npgsql;

namespace GenDb.IntegrationTests.Generation;

/// <summary>
/// gendb.yaml overrides, each kind alone and against the table's constraints, run by the engine
/// over a plain connection (the CLI's direct mode; the proxy runs the same code).
/// </summary>
public sealed class OverrideTests(PostgresFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static int s_databases;

    [Fact]
    public async Task OneOf_WithWeights_DrawsOnlyTheValuesInProportion()
    {
        await using var db = await GenerateAsync("""
            tables:
              public.orders:
                columns:
                  status: { generator: one_of, values: [new, paid, shipped], weights: [70, 20, 10] }
            """, "orders", 5_000);

        var counts = (await db.RowsAsync("SELECT status, count(*) FROM gendb_default__public.orders GROUP BY 1"))
            .ToDictionary(r => (string)r[0]!, r => (long)r[1]!);
        Assert.Equal(["new", "paid", "shipped"], counts.Keys.Order(StringComparer.Ordinal));
        Assert.InRange(counts["new"], 3_200, 3_800);
        Assert.InRange(counts["paid"], 700, 1_300);
        Assert.InRange(counts["shipped"], 300, 700);
    }

    [Fact]
    public async Task Regex_EveryValueMatches()
    {
        await using var db = await GenerateAsync("""
            tables:
              orders:
                columns:
                  code: { generator: regex, pattern: "[A-Z]{3}-[0-9]{4}" }
            """, "orders", 1_000);

        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM gendb_default__public.orders WHERE code !~ '^[A-Z]{3}-[0-9]{4}$'"));
        Assert.True(await db.ScalarAsync<long>("SELECT count(DISTINCT code) FROM gendb_default__public.orders") > 500);
    }

    [Fact]
    public async Task Range_Normal_StaysInsideAndGathersInTheMiddle()
    {
        await using var db = await GenerateAsync("""
            tables:
              public.orders:
                columns:
                  priority: { generator: range, min: 1, max: 9, distribution: normal, null_fraction: 0 }
            """, "orders", 4_000);

        var counts = (await db.RowsAsync("SELECT priority, count(*) FROM gendb_default__public.orders GROUP BY 1"))
            .ToDictionary(r => (int)r[0]!, r => (long)r[1]!);
        Assert.All(counts.Keys, k => Assert.InRange(k, 1, 9));
        Assert.True(counts.GetValueOrDefault(5) > 3 * counts.GetValueOrDefault(1) + 1, string.Join(", ", counts.OrderBy(c => c.Key)));
    }

    [Fact]
    public async Task Range_PartlyOutsideACheck_KeepsTheCheck()
    {
        await using var db = await GenerateAsync("""
            tables:
              public.orders:
                columns:
                  total: { generator: range, min: -100, max: 50 }
            """, "orders", 1_000);

        var bounds = await db.RowsAsync("SELECT min(total), max(total) FROM gendb_default__public.orders");
        Assert.True((decimal)bounds[0][0]! >= 0 && (decimal)bounds[0][1]! <= 50, $"{bounds[0][0]}..{bounds[0][1]}");
    }

    [Fact]
    public async Task Template_BuildsTheValueFromTheRow()
    {
        await using var db = await GenerateAsync("""
            tables:
              hr.employees:
                columns:
                  email: { generator: template, template: "{first_name}.{last_name}@corp.example" }
            """, "hr.employees", 500);

        Assert.Equal(500L, await db.ScalarAsync<long>("SELECT count(*) FROM gendb_default__hr.employees"));
        Assert.Equal(0L, await db.ScalarAsync<long>(
            "SELECT count(*) FROM gendb_default__hr.employees WHERE email <> first_name || '.' || last_name || '@corp.example'"));
    }

    [Fact]
    public async Task FakerConstantSequenceSkip_EachDoesWhatItSays()
    {
        await using var db = await GenerateAsync("""
            tables:
              public.customers:
                columns:
                  email: { generator: faker, path: internet.email, null_fraction: 0 }
              public.orders:
                columns:
                  status: { generator: constant, value: paid }
                  priority: { generator: sequence, start: 100, step: 5, null_fraction: 0 }
                  legacy_flag: { generator: skip }
                  code: { generator: skip }
            """, "customers, orders", 300);

        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM gendb_default__public.customers WHERE email !~ '^[^@ ]+@[^@ ]+\\.[a-z]+$'"));
        Assert.Equal(["paid"], (await db.RowsAsync("SELECT DISTINCT status FROM gendb_default__public.orders")).Select(r => (string)r[0]!));
        var priorities = (await db.RowsAsync("SELECT priority FROM gendb_default__public.orders ORDER BY 1")).Select(r => (int)r[0]!).ToList();
        Assert.Equal(Enumerable.Range(0, 300).Select(i => 100 + (5 * i)), priorities);
        Assert.Equal(["n/a"], (await db.RowsAsync("SELECT DISTINCT legacy_flag FROM gendb_default__public.orders")).Select(r => (string)r[0]!));
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(code) FROM gendb_default__public.orders"));
    }

    [Fact]
    public async Task NullFractionAndUnique_AreKept()
    {
        await using var db = await GenerateAsync("""
            tables:
              public.customers:
                columns:
                  email: { null_fraction: 0.5 }
              hr.employees:
                columns:
                  phone: { unique: true, null_fraction: 0 }
                  job_title: { generator: one_of, values: [a, b, c], unique: false }
            """, "customers, hr.employees", 2_000);

        Assert.InRange(await db.ScalarAsync<long>("SELECT count(*) FROM gendb_default__public.customers WHERE email IS NULL"), 850, 1_150);
        Assert.Equal(2_000L, await db.ScalarAsync<long>("SELECT count(DISTINCT phone) FROM gendb_default__hr.employees"));
    }

    [Fact]
    public async Task Precedence_CallArgumentsThenTableEntryThenColumnRuleThenDetection()
    {
        var profile = """
            tables:
              public.orders:
                rows: 120
                columns:
                  status: { generator: constant, value: entry }
            column_rules:
              "order*.stat*": { generator: constant, value: rule }
              "customers.name": { generator: constant, value: Rule Name }
            """;
        await using (var db = await GenerateAsync(profile, "customers, orders", rows: null))
        {
            Assert.Equal(120L, await db.ScalarAsync<long>("SELECT count(*) FROM gendb_default__public.orders"));
            Assert.Equal(100L, await db.ScalarAsync<long>("SELECT count(*) FROM gendb_default__public.customers"));
            Assert.Equal(["entry"], (await db.RowsAsync("SELECT DISTINCT status FROM gendb_default__public.orders")).Select(r => (string)r[0]!));
            Assert.Equal(["Rule Name"], (await db.RowsAsync("SELECT DISTINCT name FROM gendb_default__public.customers")).Select(r => (string)r[0]!));
            // Not covered by any entry or rule: detected (a person's email, not a type fallback's text).
            Assert.True(await db.ScalarAsync<long>("SELECT count(*) FROM gendb_default__public.customers WHERE email LIKE '%@%.%'") > 80);
        }

        await using (var db = await GenerateAsync(profile, "orders", rows: 7))
        {
            Assert.Equal(7L, await db.ScalarAsync<long>("SELECT count(*) FROM gendb_default__public.orders"));
        }
    }

    [Theory]
    [InlineData("status: { generator: one_of, values: [active, retired] }", "\"retired\" ")]
    [InlineData("status: { generator: constant, value: gone }", "\"gone\" ")]
    [InlineData("country_code: { generator: one_of, values: [DE, us] }", "\"us\" violates check constraint employees_country_code_check")]
    [InlineData("postal_code: { generator: regex, pattern: \"[0-9]{20}\" }", "postal_code")]
    [InlineData("first_name: { null_fraction: 0.2 }", "NOT NULL")]
    [InlineData("first_name: { generator: skip }", "cannot be skipped")]
    [InlineData("email: { generator: template, template: \"{employee_id}@corp.example\" }", "{employee_id}")]
    [InlineData("department_id: { generator: constant, value: 1 }", "foreign key")]
    [InlineData("salary: { generator: one_of, values: [lots] }", "not a valid numeric")]
    [InlineData("email: { generator: one_of, values: [a@b.c, d@e.f] }", "unique")]
    [InlineData("ip_address: { generator: constant, value: not-an-ip }", "not a valid inet")]
    [InlineData("emial: { unique: true }", "has no column \"emial\"")]
    public async Task ImpossibleOverride_F0000WithTheFileLine(string column, string expected)
    {
        var yaml = $"""
            tables:
              hr.employees:
                columns:
                  {column}
            """;
        var error = await Assert.ThrowsAsync<GendbCommandException>(() => GenerateAsync(yaml, "hr.employees", 50));

        Assert.Equal("F0000", error.Error.SqlState);
        Assert.StartsWith("gendb.yaml:4:", error.Error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Error.Message, StringComparison.Ordinal);
        Assert.Contains("hr.employees", error.Error.Message, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(error.Error.Hint));
    }

    [Fact]
    public async Task Unique_OnAPartitionedTable_F0000WithAHint()
    {
        var error = await Assert.ThrowsAsync<GendbCommandException>(() => GenerateAsync("""
            tables:
              public.events:
                columns:
                  title: { generator: faker, path: lorem.word, unique: true }
            """, "events", 10));

        Assert.Equal("F0000", error.Error.SqlState);
        Assert.Contains("partitioned", error.Error.Message, StringComparison.Ordinal);
        Assert.StartsWith("gendb.yaml:4:", error.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PulledInParent_TakesItsOwnTableEntryRows()
    {
        await using var db = await GenerateAsync("""
            tables:
              public.customers: { rows: 5 }
              public.orders: { rows: 20 }
            """, "orders", rows: null);

        Assert.Equal(20L, await db.ScalarAsync<long>("SELECT count(*) FROM gendb_default__public.orders"));
        Assert.Equal(5L, await db.ScalarAsync<long>("SELECT count(*) FROM gendb_default__public.customers"));
    }

    [Fact]
    public async Task Append_LeavesEarlierRowsAsTheyWere()
    {
        await using var db = await GenerateAsync("tables: {}", "customers, orders", 200);
        const string Snapshot = "SELECT md5(string_agg(o::text, ',' ORDER BY id)) FROM gendb_default__public.orders o WHERE id <= 200";
        var before = await db.ScalarAsync<string>(Snapshot);
        var session = new NpgsqlSqlSession(db);
        await session.QueryAsync("BEGIN", Ct);
        await GenerateCommands.GenerateDataAsync(session, new GenerateDataRequest("orders", null) { Rows = 100, Seed = 12, Mode = "append" }, CommandContext.Default, Ct);
        await session.QueryAsync("COMMIT", Ct);

        Assert.Equal(300L, await db.ScalarAsync<long>("SELECT count(*) FROM gendb_default__public.orders"));
        Assert.Equal(before, await db.ScalarAsync<string>(Snapshot));
    }

    [Fact]
    public async Task OneOf_Backslashes_ReadTheSameWithStandardConformingStringsOff()
    {
        var config = GendbConfig.Parse("""
            tables:
              public.orders:
                columns:
                  code: { generator: one_of, values: ['C:\', "x'); CREATE TABLE public.pwned (); --"] }
            """, "gendb.yaml");
        var database = await GenerationDatabase.CreateAsync(fixture, $"override_{Interlocked.Increment(ref s_databases)}", "people", Ct);
        await using var connection = new NpgsqlConnection(fixture.DirectConnectionString(database: database) + ";Include Error Detail=true");
        await connection.OpenAsync(Ct);
        await connection.ExecAsync("SET standard_conforming_strings = off");
        var session = new NpgsqlSqlSession(connection);
        await session.QueryAsync("BEGIN", Ct);
        await GenerateCommands.GenerateDataAsync(session, new GenerateDataRequest("orders", null) { Rows = 200, Seed = 3 },
            new CommandContext { Profile = config.Profile }, Ct);
        await session.QueryAsync("COMMIT", Ct);

        Assert.Equal(0L, await connection.ScalarAsync<long>("SELECT count(*) FROM pg_class WHERE relname = 'pwned'"));
        await connection.ExecAsync("SET standard_conforming_strings = on");
        var codes = (await connection.RowsAsync("SELECT DISTINCT code FROM gendb_default__public.orders WHERE code IS NOT NULL ORDER BY 1")).Select(r => (string)r[0]!);
        Assert.Equal(["C:\\", "x'); CREATE TABLE public.pwned (); --"], codes);
    }

    [Fact]
    public async Task Plan_ShowsOverridesAndRules()
    {
        var database = await GenerationDatabase.CreateAsync(fixture, $"override_plan_{Interlocked.Increment(ref s_databases)}", "people", Ct);
        await using var connection = new NpgsqlConnection(fixture.DirectConnectionString(database: database) + ";Include Error Detail=true");
        await connection.OpenAsync(Ct);
        var config = GendbConfig.Parse("""
            tables:
              public.orders:
                columns:
                  status: { generator: one_of, values: [a, b] }
            column_rules:
              "code": { generator: regex, pattern: "[a-z]{4}" }
            """, "gendb.yaml");

        var plan = await PlanCommands.PlanAsync(new NpgsqlSqlSession(connection), "orders", null, null, "default", new CommandContext { Profile = config.Profile }, Ct);

        var columns = Assert.Single(plan).Columns.ToDictionary(c => c.Name);
        Assert.Equal(("one_of", GenDb.Generation.Engine.PlannedSource.Override), (columns["status"].Generator, columns["status"].Source));
        Assert.StartsWith("gendb.yaml:4:", columns["status"].Reason, StringComparison.Ordinal);
        Assert.Equal(("regex", GenDb.Generation.Engine.PlannedSource.ColumnRule), (columns["code"].Generator, columns["code"].Source));
        Assert.Equal(GenDb.Generation.Engine.PlannedSource.Database, columns["id"].Source);
        Assert.Equal(GenDb.Generation.Engine.PlannedSource.ForeignKey, columns["customer_id"].Source);
        Assert.Equal(0L, await connection.ScalarAsync<long>("SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'gendb\\_%'"));
    }

    /// <summary>A fresh people database, generated with the profile; returns a connection to read it.</summary>
    private async Task<NpgsqlConnection> GenerateAsync(string yaml, string include, long? rows)
    {
        var config = GendbConfig.Parse(yaml, "gendb.yaml");
        var database = await GenerationDatabase.CreateAsync(fixture, $"override_{Interlocked.Increment(ref s_databases)}", "people", Ct);
        var connection = new NpgsqlConnection(fixture.DirectConnectionString(database: database) + ";Include Error Detail=true");
        await connection.OpenAsync(Ct);
        var session = new NpgsqlSqlSession(connection);
        await session.QueryAsync("BEGIN", Ct);
        try
        {
            await GenerateCommands.GenerateDataAsync(session, new GenerateDataRequest(include, null) { Rows = rows, Seed = 11 },
                new CommandContext { Profile = config.Profile }, Ct);
            await session.QueryAsync("COMMIT", Ct);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        return connection;
    }
}
