using GenDb.Sql.Npgsql;
using System.Globalization;
using GenDb.Generation.Constraints;
using GenDb.Generation.Tests.Infrastructure;
using GenDb.Generation.Values;
using GenDb.Schema;
using Npgsql;

namespace GenDb.Generation.Tests.Values;

/// <summary>Type modifiers bound what is generated: lengths, precision and scale, fractional seconds.</summary>
public sealed class TypeModifierTests(ClusterFixture cluster)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task VarChar5_AtMostFiveCharacters(bool unique)
    {
        var values = await LoadAsync("character varying(5)", unique);

        Assert.All(values, v => Assert.InRange(v.Length, 1, 5));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Char3_AtMostThreeCharactersAndNoTrailingSpace(bool unique)
    {
        var values = await LoadAsync("character(3)", unique);

        Assert.All(values, v =>
        {
            Assert.InRange(v.Length, 1, 3);
            Assert.False(v.EndsWith(' '), v);
        });
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Numeric5Scale2_FitsPrecisionWithoutRounding(bool unique)
    {
        var values = await LoadAsync("numeric(5,2)", unique);

        Assert.All(values, v =>
        {
            var point = v.IndexOf('.', StringComparison.Ordinal);
            Assert.True(point < 0 || v.Length - point - 1 <= 2, v);
            Assert.InRange(Math.Abs(decimal.Parse(v, CultureInfo.InvariantCulture)), 0m, 999.99m);
        });
    }

    [Fact]
    public async Task Numeric10Scale2_LargestValueIsNinesOnly()
    {
        var rules = new ColumnRules { Lower = new("99999999", true) };

        var values = await LoadAsync("numeric(10,2)", unique: true, rules, rows: 100);

        Assert.Contains("99999999.99", values);
        Assert.All(values, v => Assert.InRange(decimal.Parse(v, CultureInfo.InvariantCulture), 99999999m, 99999999.99m));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Bit4_ExactlyFourBits(bool unique)
    {
        var values = await LoadAsync("bit(4)", unique, rows: unique ? 16 : 200);

        Assert.All(values, v => Assert.Matches("^[01]{4}$", v));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task VarBit3_OneToThreeBits(bool unique)
    {
        var values = await LoadAsync("bit varying(3)", unique, rows: unique ? 14 : 200);

        Assert.All(values, v => Assert.Matches("^[01]{1,3}$", v));
    }

    [Fact]
    public async Task Bit4_UniqueBeyondSixteenRows_Throws()
    {
        var (_, table, model) = await CreateAsync("bit(4)");
        var generator = ValueGenerators.ForColumn(table, table.Column("v"), model, ColumnRules.None, unique: true);

        var error = Assert.Throws<GenerationException>(() => ValueTestKit.Generate(generator, 17, seed: 1));

        Assert.Equal("22003", error.SqlState);
        Assert.Contains("bit(4)", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("timestamp(0) without time zone", @"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$")]
    [InlineData("timestamp(3) with time zone", @"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}\+00$")]
    [InlineData("time(1) without time zone", @"^\d\d:\d\d:\d\d\.\d$")]
    [InlineData("interval day to second(0)", @"^(\d+ days?( \d\d:\d\d:\d\d)?|\d\d:\d\d:\d\d)$")]
    [InlineData("interval year to month", @"^\d+ mons$")]
    public async Task FractionalSeconds_NoMoreDigitsThanThePrecision(string typeSql, string shape)
    {
        // Time zones and months print differently from how they were written.
        var values = await LoadAsync(typeSql, unique: false, storedAsWritten: !typeSql.Contains("zone", StringComparison.Ordinal) && !typeSql.Contains("month", StringComparison.Ordinal));

        Assert.All(values, v => Assert.Matches(shape, v));
    }

    [Fact]
    public async Task Name_AtMost63Bytes()
    {
        var rules = new ColumnRules { MinLength = 60 };

        var values = await LoadAsync("name", unique: true, rules);

        Assert.All(values, v => Assert.InRange(System.Text.Encoding.UTF8.GetByteCount(v), 60, 63));
    }

    private async Task<List<string>> LoadAsync(string typeSql, bool unique, ColumnRules? rules = null, int rows = 500, bool storedAsWritten = true)
    {
        var (connectionString, table, model) = await CreateAsync(typeSql + (unique ? " UNIQUE" : string.Empty));
        var generator = ValueGenerators.ForColumn(table, table.Column("v"), model, rules ?? ColumnRules.None, unique);
        Assert.Equal(unique, generator.IsUnique);
        var values = ValueTestKit.Generate(generator, rows, seed: 5);

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Ct);
        await ValueTestKit.CopyAsync(connection, "t", "v", values);

        var stored = await connection.StringsAsync("SELECT v::text FROM t");
        Assert.Equal(rows, stored.Count);
        if (storedAsWritten)
        {
            // The server kept every value as written: nothing was rounded or cut to fit.
            Assert.Equal(values.Order(StringComparer.Ordinal), stored.Order(StringComparer.Ordinal));
        }

        return values;
    }

    private async Task<(string ConnectionString, TableModel Table, DatabaseModel Model)> CreateAsync(string columnSql)
    {
        var connectionString = await cluster.CreateDatabaseAsync("typmods");
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Ct);
        await connection.ExecAsync($"CREATE TABLE t (v {columnSql})");
        var model = await SchemaIntrospector.ReadAsync(new NpgsqlSqlSession(connection), Ct);
        return (connectionString, model.FindTable("public", "t")!, model);
    }
}
