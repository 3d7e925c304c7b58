using GenDb.Generation.Randomness;
using GenDb.Generation.Tests.Infrastructure;
using GenDb.Generation.Values;
using GenDb.Generation.Values.Scalars;
using GenDb.Generation.Values.Structured;
using Npgsql;

namespace GenDb.Generation.Tests.Values;

/// <summary>Values inside arrays, composites and ranges are quoted and escaped as PostgreSQL reads them back.</summary>
public sealed class LiteralQuotingTests(ClusterFixture cluster)
{
    /// <summary>Every character that needs quoting or escaping somewhere, and the words that read as NULL.</summary>
    private static readonly string[] Awkward =
        ["plain", "two words", "a \"quoted\" word", "back\\slash", "comma,separated", "", "NULL", "null", "{braces}", "(parens)", "[brackets]", "tab\there", "new\nline", "\\\"", "ünïcödé"];

    [Theory]
    [InlineData("plain", nameof(LiteralContext.ArrayElement), "plain")]
    [InlineData("two words", nameof(LiteralContext.ArrayElement), "\"two words\"")]
    [InlineData("a \"b\"", nameof(LiteralContext.ArrayElement), "\"a \\\"b\\\"\"")]
    [InlineData("c\\d", nameof(LiteralContext.ArrayElement), "\"c\\\\d\"")]
    [InlineData("", nameof(LiteralContext.ArrayElement), "\"\"")]
    [InlineData("NULL", nameof(LiteralContext.ArrayElement), "\"NULL\"")]
    [InlineData("Null", nameof(LiteralContext.ArrayElement), "\"Null\"")]
    [InlineData("NULLS", nameof(LiteralContext.ArrayElement), "NULLS")]
    [InlineData("NULL", nameof(LiteralContext.CompositeField), "NULL")]
    [InlineData("", nameof(LiteralContext.CompositeField), "\"\"")]
    [InlineData("a,b", nameof(LiteralContext.CompositeField), "\"a,b\"")]
    [InlineData("{x}", nameof(LiteralContext.CompositeField), "{x}")]
    [InlineData("2020-01-01 00:00:00", nameof(LiteralContext.RangeBound), "\"2020-01-01 00:00:00\"")]
    [InlineData("12.5", nameof(LiteralContext.RangeBound), "12.5")]
    [InlineData("k", nameof(LiteralContext.HstoreItem), "\"k\"")]
    public void QuoteSince_Value_QuotedAsTheContextNeeds(string value, string context, string expected)
    {
        var output = new ValueBuilder(16);
        output.Append("prefix:"u8);
        var start = output.Length;
        output.Append(value);

        LiteralQuoting.QuoteSince(output, start, Enum.Parse<LiteralContext>(context));

        Assert.Equal("prefix:" + expected, output.ToString());
    }

    [Fact]
    public async Task TextArray_AwkwardElements_ReadBackExactly()
    {
        var generator = new ArrayGenerator(new AllowedValuesGenerator(Awkward), null, (byte)',');

        var stored = await RoundTripAsync("text[]", generator, "SELECT v FROM t");

        Assert.All(stored, value => Assert.All((string[])value!, element => Assert.Contains(element, Awkward)));
        Assert.Equal(Awkward.Order(StringComparer.Ordinal), stored.SelectMany(v => (string[])v!).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Composite_AwkwardFields_ReadBackExactly()
    {
        var field = new AllowedValuesGenerator(Awkward);
        var generator = new CompositeGenerator([field, field]);

        var stored = await RoundTripAsync("awkward", generator, "SELECT (v).a FROM t UNION ALL SELECT (v).b FROM t", "CREATE TYPE awkward AS (a text, b text)");

        Assert.All(stored, value => Assert.Contains((string)value!, Awkward));
    }

    [Fact]
    public async Task ArrayOfComposites_NestedQuoting_ReadBackExactly()
    {
        var field = new AllowedValuesGenerator(Awkward);
        var generator = new ArrayGenerator(new CompositeGenerator([field, field]), null, (byte)',');

        var stored = await RoundTripAsync("awkward[]", generator, "SELECT e.a FROM t, unnest(v) AS e", "CREATE TYPE awkward AS (a text, b text)");

        Assert.All(stored, value => Assert.Contains((string)value!, Awkward));
    }

    private async Task<List<object?>> RoundTripAsync(string typeSql, IValueGenerator generator, string query, string? setup = null)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var connection = new NpgsqlConnection(await cluster.CreateDatabaseAsync("quoting"));
        await connection.OpenAsync(ct);
        await connection.ExecAsync($"{setup};CREATE TABLE t (v {typeSql})");
        await ValueTestKit.CopyAsync(connection, "t", "v", ValueTestKit.Generate(generator, 300, seed: 11));

        await using var command = new NpgsqlCommand(query, connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var values = new List<object?>();
        while (await reader.ReadAsync(ct))
        {
            values.Add(reader.IsDBNull(0) ? null : reader.GetValue(0));
        }

        Assert.NotEmpty(values);
        return values;
    }

    [Fact]
    public void ArrayGenerator_UniqueFirstElement_MakesArraysDistinct()
    {
        var element = new AllowedValuesGenerator(["x"]);
        var unique = new UuidGenerator(unique: true);
        var generator = new ArrayGenerator(element, unique, (byte)',');
        var rng = new Rng(3);
        var seen = new HashSet<string>();
        var output = new ValueBuilder();

        for (var row = 0; row < 1000; row++)
        {
            output.Clear();
            generator.Write(row, ref rng, output);
            Assert.True(seen.Add(output.ToString()));
        }

        Assert.True(generator.IsUnique);
    }
}
