using GenDb.IntegrationTests.Infrastructure;
using Npgsql;

namespace GenDb.IntegrationTests.Generation;

/// <summary>CALL gendb.plan through the proxy: every column's generator and why, on the real sample schemas.</summary>
public sealed class PlanTests(PostgresFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string[] CountedTypes =
    [
        "text", "character varying", "character", "date", "timestamp", "time", "numeric", "integer", "smallint", "bigint", "real", "double precision", "boolean", "year", "bpchar",
    ];

    [Theory]
    [InlineData("pagila")]
    [InlineData("chinook")]
    public async Task Plan_SampleSchema_NinetyPercentOfNonKeyColumnsGetAConcept(string schema)
    {
        var database = await GenerationDatabase.CreateAsync(fixture, $"plan_{schema}", schema, Ct);
        await using var proxied = new NpgsqlConnection(fixture.ProxyConnectionString(database: database));
        await proxied.OpenAsync(Ct);

        var rows = await proxied.RowsAsync("CALL gendb.plan()");

        // Non-key columns (not foreign keys, not left to the database) of text, date/time and numeric types.
        var counted = rows.Where(r => (string)r[5]! is "detected" or "type fallback" && CountedTypes.Any(t => ((string)r[3]!).Contains(t, StringComparison.Ordinal))).ToList();
        Assert.True(counted.Count >= 40, $"{counted.Count} columns counted");
        var fallbacks = counted.Where(r => (string)r[5]! != "detected").Select(r => $"{r[1]}.{r[2]} {r[3]}: {r[6]}").ToList();
        var share = 1 - ((double)fallbacks.Count / counted.Count);
        TestContext.Current.TestOutputHelper?.WriteLine($"{schema}: {share:P1} of {counted.Count}");
        Assert.True(share >= 0.9, $"{share:P1} detected; type fallback for:\n{string.Join("\n", fallbacks)}");

        // Nothing was written: plan reads only.
        Assert.Equal(0L, await proxied.ScalarAsync<long>("SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'gendb\\_%'"));
    }

    [Fact]
    public async Task Plan_Chinook_ExplainsEachKindOfSource()
    {
        var database = await GenerationDatabase.CreateAsync(fixture, "plan_sources", "chinook", Ct);
        await using var proxied = new NpgsqlConnection(fixture.ProxyConnectionString(database: database));
        await proxied.OpenAsync(Ct);

        var rows = (await proxied.RowsAsync("CALL gendb.plan(include => 'customer, invoice')"))
            .ToDictionary(r => $"{r[1]}.{r[2]}", r => (Generator: (string)r[4]!, Source: (string)r[5]!, Reason: (string)r[6]!, Constraints: r[7] as string));

        Assert.Equal(("email", "detected"), (rows["customer.email"].Generator, rows["customer.email"].Source));
        Assert.Contains("column name", rows["customer.email"].Reason, StringComparison.Ordinal);
        Assert.Equal("foreign key", rows["invoice.customer_id"].Source);
        Assert.StartsWith("→ public.customer", rows["invoice.customer_id"].Generator, StringComparison.Ordinal);
        Assert.Contains("NOT NULL", rows["customer.first_name"].Constraints, StringComparison.Ordinal);
        Assert.Equal("database", rows["customer.customer_id"].Source);
    }

    [Fact]
    public async Task Plan_BadArguments_ErrorWithAHint()
    {
        await using var proxied = new NpgsqlConnection(fixture.ProxyConnectionString());
        await proxied.OpenAsync(Ct);

        var error = await Assert.ThrowsAsync<PostgresException>(() => proxied.ExecAsync("CALL gendb.plan(rows => -1)"));
        Assert.Equal("22023", error.SqlState);
        Assert.NotNull(error.Hint);
    }
}
