using GenDb.Sql.Npgsql;
using System.Globalization;
using GenDb.Generation.Constraints;
using GenDb.Generation.Tests.Infrastructure;
using GenDb.Generation.Values;
using GenDb.Schema;
using Npgsql;

namespace GenDb.Generation.Tests.Values;

/// <summary>
/// Rules as CheckReader reports them, against the CHECK they come from on a real table: every
/// generated value must pass the CHECK. The rules are written out here, so these tests do not
/// depend on how CHECK definitions are read.
/// </summary>
public sealed class RuleTests(ClusterFixture cluster)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Integer_LowerInclusiveUpperExclusive_ValuesWithinAndBothEndsReached()
    {
        var rules = new ColumnRules { Lower = new("10", true), Upper = new("20", false) };

        var values = await LoadAsync("integer CHECK (v >= 10 AND v < 20)", rules, unique: false, rows: 200);

        var numbers = values.Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToList();
        Assert.All(numbers, n => Assert.InRange(n, 10, 19));
        Assert.Contains(10, numbers);
        Assert.Contains(19, numbers);
    }

    [Fact]
    public async Task Integer_UniqueWithBounds_TwoThousandDistinctRowsPassCheck()
    {
        var rules = new ColumnRules { Lower = new("100", false), Upper = new("5000", true) };

        var values = await LoadAsync("integer UNIQUE CHECK (v > 100 AND v <= 5000)", rules, unique: true, rows: 2000);

        Assert.Equal(2000, values.Distinct().Count());
    }

    [Fact]
    public async Task Integer_OnlyNegativeAllowed_ValuesNearestZero()
    {
        var rules = new ColumnRules { Upper = new("0", false) };

        var values = await LoadAsync("bigint CHECK (v < 0)", rules, unique: false, rows: 200);

        Assert.All(values, v => Assert.InRange(long.Parse(v, CultureInfo.InvariantCulture), -1000, -1));
    }

    [Fact]
    public async Task Numeric_ExclusiveFractionalBounds_ValuesPassCheck()
    {
        var rules = new ColumnRules { Lower = new("0.5", false), Upper = new("99.99", true) };

        var values = await LoadAsync("numeric(8,2) CHECK (v > 0.5 AND v <= 99.99)", rules, unique: false, rows: 200);

        Assert.All(values, v => Assert.InRange(decimal.Parse(v, CultureInfo.InvariantCulture), 0.51m, 99.99m));
    }

    [Fact]
    public async Task Numeric_NarrowBoundsWithoutTypmod_UsesFinerScale()
    {
        var rules = new ColumnRules { Lower = new("0", false), Upper = new("0.005", false) };

        await LoadAsync("numeric CHECK (v > 0 AND v < 0.005)", rules, unique: true, rows: 4);
    }

    [Fact]
    public async Task Real_BoundsNearFloatRounding_ValuesPassCheck()
    {
        var rules = new ColumnRules { Lower = new("0.01", true), Upper = new("0.05", false) };

        await LoadAsync("real CHECK (v >= 0.01 AND v < 0.05)", rules, unique: false, rows: 200);
    }

    [Fact]
    public async Task Date_MonthWindow_ValuesInsideIt()
    {
        var rules = new ColumnRules { Lower = new("2021-06-01", true), Upper = new("2021-07-01", false) };

        var values = await LoadAsync("date CHECK (v >= '2021-06-01' AND v < '2021-07-01')", rules, unique: false, rows: 200);

        Assert.All(values, v => Assert.StartsWith("2021-06-", v, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TimestampTz_BoundsWithOffsets_ValuesPassCheckWhateverTheSessionTimeZone()
    {
        var rules = new ColumnRules { Lower = new("2022-01-01 00:00:00+05:30", true), Upper = new("2022-01-02 00:00:00+00", false) };

        await LoadAsync(
            "timestamptz CHECK (v >= '2022-01-01 00:00:00+05:30' AND v < '2022-01-02 00:00:00+00')",
            rules,
            unique: true,
            rows: 2000,
            sessionSetup: "SET TimeZone = 'America/New_York'");
    }

    [Fact]
    public async Task Timestamp_UniqueInNarrowWindow_ValuesPassCheck()
    {
        var rules = new ColumnRules { Lower = new("2023-03-01 12:00:00", true), Upper = new("2023-03-01 12:30:00", true) };

        await LoadAsync("timestamp(0) UNIQUE CHECK (v BETWEEN '2023-03-01 12:00:00' AND '2023-03-01 12:30:00')", rules, unique: true, rows: 1801);
    }

    [Fact]
    public async Task Time_OfficeHours_ValuesPassCheck()
    {
        var rules = new ColumnRules { Lower = new("09:00:00", true), Upper = new("17:00:00", true) };

        await LoadAsync("time CHECK (v BETWEEN '09:00' AND '17:00')", rules, unique: false, rows: 200);
    }

    [Fact]
    public async Task Interval_UnderOneDay_ValuesPassCheck()
    {
        var rules = new ColumnRules { Lower = new("00:00:00", false), Upper = new("1 day", false) };

        await LoadAsync("interval CHECK (v > '0' AND v < '1 day')", rules, unique: true, rows: 500);
    }

    [Fact]
    public async Task Text_AllowedValues_OnlyThose()
    {
        var rules = new ColumnRules { AllowedValues = ["red", "green", "blue"] };

        var values = await LoadAsync("text CHECK (v IN ('red', 'green', 'blue'))", rules, unique: true, rows: 200);

        Assert.Equal(["blue", "green", "red"], values.Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task SmallInt_AllowedValueOutOfType_LeftOut()
    {
        var rules = new ColumnRules { AllowedValues = ["1", "5", "70000"] };

        var values = await LoadAsync("smallint CHECK (v IN (1, 5))", rules, unique: false, rows: 100);

        Assert.Equal(["1", "5"], values.Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task VarChar_AllowedValueTooLong_LeftOut()
    {
        var rules = new ColumnRules { AllowedValues = ["short", "far too long"] };

        var values = await LoadAsync("varchar(6)", rules, unique: false, rows: 50);

        Assert.All(values, v => Assert.Equal("short", v));
    }

    [Fact]
    public async Task Integer_ForbiddenValue_NeverGeneratedEvenWhenUnique()
    {
        var rules = new ColumnRules { Lower = new("1", true), Upper = new("3", true), ForbiddenValues = ["2"] };

        var random = await LoadAsync("integer CHECK (v BETWEEN 1 AND 3 AND v <> 2)", rules, unique: false, rows: 100);
        var unique = await LoadAsync("integer UNIQUE CHECK (v BETWEEN 1 AND 3 AND v <> 2)", rules, unique: true, rows: 2);

        Assert.Equal(["1", "3"], random.Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(["1", "3"], unique.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Text_ForbiddenValues_Avoided()
    {
        // One-letter values (words cut short), half the alphabet forbidden.
        var rules = new ColumnRules { MaxLength = 1, ForbiddenValues = [.. "abcdefghijklm".Select(c => c.ToString())] };

        var values = await LoadAsync("text CHECK (char_length(v) = 1 AND v NOT IN ('a','b','c','d','e','f','g','h','i','j','k','l','m'))", rules, unique: false, rows: 200);

        Assert.All(values, v => Assert.InRange(v[0], 'n', 'z'));
    }

    [Theory]
    [InlineData(false, 200)]
    [InlineData(true, 2000)]
    public async Task VarChar_MinAndMaxLength_LengthsWithin(bool unique, int rows)
    {
        var rules = new ColumnRules { MinLength = 10, MaxLength = 12 };

        var values = await LoadAsync("varchar(50) CHECK (char_length(v) BETWEEN 10 AND 12)", rules, unique, rows);

        Assert.All(values, v => Assert.InRange(v.Length, 10, 12));
    }

    [Fact]
    public async Task Text_NotBlank_PassesCheck()
    {
        var rules = new ColumnRules { NotBlank = true, MaxLength = 3 };

        await LoadAsync("text CHECK (btrim(v) <> '' AND length(v) <= 3)", rules, unique: false, rows: 200);
    }

    [Theory]
    [InlineData(false, 200)]
    [InlineData(true, 2000)]
    public async Task Text_CodePattern_MatchesCheck(bool unique, int rows)
    {
        var rules = new ColumnRules { Patterns = ["^[A-Z]{3}-[0-9]{4}$"] };

        var values = await LoadAsync($"text {(unique ? "UNIQUE" : string.Empty)} CHECK (v ~ '^[A-Z]{{3}}-[0-9]{{4}}$')", rules, unique, rows);

        Assert.All(values, v => Assert.Matches("^[A-Z]{3}-[0-9]{4}$", v));
    }

    [Theory]
    [InlineData("^[[:digit:]]{5}$")]
    [InlineData(@"^\d{3}-\d{2}-\d{4}$")]
    [InlineData(@"[a-z]+@[a-z]+\.(com|org)$")]
    [InlineData("^(foo|bar)_[0-9]+$")]
    [InlineData("^[[:upper:]][[:lower:]]{2,8}$")]
    [InlineData(@"^\w+$")]
    [InlineData("^[^@ ]+@[^@ ]+$")]
    [InlineData("^.{3,5}$")]
    [InlineData("^[A-F0-9]{8}$")]
    [InlineData("abc")]
    [InlineData("^a{2,}b?$")]
    [InlineData("^(?:x|y)[0-9]{2}$")]
    [InlineData(@"^[a\-z.]+$")]
    [InlineData(@"^\$[0-9]+\.[0-9]{2}$")]
    [InlineData("^[[:alpha:]_][[:alnum:]_]*$")]
    [InlineData("^(a|b)*c$")]
    [InlineData("^caf\u00e9 [0-9]$")]
    public async Task Text_Pattern_RandomAndUniqueValuesMatchOnServer(string pattern)
    {
        var rules = new ColumnRules { Patterns = [pattern] };
        var literal = pattern.Replace("'", "''", StringComparison.Ordinal);

        await LoadAsync($"text CHECK (v ~ '{literal}')", rules, unique: false, rows: 200);
        await LoadAsync($"text UNIQUE CHECK (v ~ '{literal}')", rules, unique: true, rows: 10);
    }

    [Fact]
    public async Task VarChar_PatternWithTypmod_BothHold()
    {
        var rules = new ColumnRules { Patterns = ["^[a-z]+$"] };

        var values = await LoadAsync("varchar(6) UNIQUE CHECK (v ~ '^[a-z]+$')", rules, unique: true, rows: 2000);

        Assert.All(values, v => Assert.InRange(v.Length, 1, 6));
    }

    [Fact]
    public async Task Text_CaseInsensitivePattern_MatchesCheck()
    {
        var rules = new ColumnRules { CaseInsensitivePatterns = ["^abc[0-9]$"] };

        await LoadAsync("text CHECK (v ~* '^abc[0-9]$')", rules, unique: true, rows: 10);
    }

    [Fact]
    public async Task Citext_UniquePattern_DistinctIgnoringCase()
    {
        var rules = new ColumnRules { Patterns = ["^[a-zA-Z]{2}$"] };

        await LoadAsync("citext UNIQUE CHECK (v ~ '^[a-zA-Z]{2}$')", rules, unique: true, rows: 600, sessionSetup: "CREATE EXTENSION IF NOT EXISTS citext");
    }

    [Fact]
    public async Task Integer_PartitionIntervals_EveryIntervalUsed()
    {
        var rules = new ColumnRules
        {
            Intervals = [new(new("1", true), new("100", false)), new(new("1000", true), new("1100", false))],
        };

        var values = await LoadAsync("integer CHECK ((v >= 1 AND v < 100) OR (v >= 1000 AND v < 1100))", rules, unique: false, rows: 200);

        var numbers = values.Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToList();
        Assert.Contains(numbers, n => n < 100);
        Assert.Contains(numbers, n => n >= 1000);
    }

    [Fact]
    public async Task Date_IntervalFromMinValue_ValuesBeforeUpper()
    {
        var rules = new ColumnRules { Intervals = [new(null, new("2000-01-01", false))] };

        await LoadAsync("date CHECK (v < '2000-01-01')", rules, unique: true, rows: 2000);
    }

    [Fact]
    public async Task Enum_LowerBound_FollowsSortOrder()
    {
        var rules = new ColumnRules { Lower = new("ok", false) };

        var values = await LoadAsync("mood CHECK (v > 'ok')", rules, unique: false, rows: 100, sessionSetup: "CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy', 'very happy')");

        Assert.Equal(["happy", "very happy"], values.Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Domain_ColumnRulesApplyToTheBaseType()
    {
        var rules = new ColumnRules { Lower = new("5", true), Upper = new("9", true) };

        await LoadAsync("positive CHECK (v BETWEEN 5 AND 9)", rules, unique: false, rows: 100, sessionSetup: "CREATE DOMAIN positive AS integer CHECK (VALUE > 0)");
    }

    [Theory]
    [InlineData("integer CHECK (VALUE BETWEEN 5 AND 9)", false, 200)]
    [InlineData("text CHECK (VALUE ~ '^[A-Z]{2}[0-9]{3}$')", true, 2000)]
    [InlineData("text CHECK (VALUE IN ('A', 'B', 'C'))", false, 100)]
    [InlineData("numeric(6,2) CHECK (VALUE > 0) CHECK (VALUE < 10)", true, 500)]
    [InlineData("date CHECK (VALUE >= '2024-01-01')", true, 2000)]
    [InlineData("varchar(20) CHECK (length(VALUE) >= 15)", true, 2000)]
    public async Task Domain_ItsChecksAsRead_Honoured(string domainSql, bool unique, int rows)
    {
        // The domain's CHECKs reach the generator through CheckReader.ReadDomain.
        await LoadAsync($"d {(unique ? "UNIQUE" : string.Empty)}", ColumnRules.None, unique, rows, sessionSetup: $"CREATE DOMAIN d AS {domainSql}");
    }

    [Fact]
    public async Task Integer_UniqueBeyondTheRange_ThrowsNamingTheColumn()
    {
        var rules = new ColumnRules { Lower = new("1", true), Upper = new("10", true) };
        var (_, table, model) = await CreateAsync("integer", null);
        var generator = ValueGenerators.ForColumn(table, table.Column("v"), model, rules, unique: true);

        ValueTestKit.Generate(generator, 10, seed: 1);
        var error = Assert.Throws<GenerationException>(() => ValueTestKit.Generate(generator, 1, seed: 1, firstRow: 10));

        Assert.Equal("22003", error.SqlState);
        Assert.Equal("v", error.Column);
        Assert.Contains("\"v\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Integer_ContradictoryBounds_ThrowsCheckViolation()
    {
        var rules = new ColumnRules { Lower = new("10", true), Upper = new("5", true) };
        var (_, table, model) = await CreateAsync("integer", null);

        var error = Assert.Throws<GenerationException>(() => ValueGenerators.ForColumn(table, table.Column("v"), model, rules, unique: false));

        Assert.Equal("23514", error.SqlState);
        Assert.Contains("integer", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Creates <c>t (v {columnSql})</c> in a new database, generates values under <paramref name="rules"/> and loads them.</summary>
    private async Task<List<string>> LoadAsync(string columnSql, ColumnRules rules, bool unique, int rows, string? sessionSetup = null)
    {
        var (connectionString, table, model) = await CreateAsync(columnSql, sessionSetup);
        var generator = ValueGenerators.ForColumn(table, table.Column("v"), model, rules, unique);
        var values = ValueTestKit.Generate(generator, rows, seed: 99);

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Ct);
        if (sessionSetup is not null && sessionSetup.StartsWith("SET ", StringComparison.Ordinal))
        {
            await connection.ExecAsync(sessionSetup);
        }

        await ValueTestKit.CopyAsync(connection, "t", "v", values);
        Assert.Equal(rows, await connection.ScalarAsync<long>("SELECT count(*) FROM t"));
        return values;
    }

    private async Task<(string ConnectionString, TableModel Table, DatabaseModel Model)> CreateAsync(string columnSql, string? sessionSetup)
    {
        var connectionString = await cluster.CreateDatabaseAsync("rules");
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Ct);
        if (sessionSetup is not null && !sessionSetup.StartsWith("SET ", StringComparison.Ordinal))
        {
            await connection.ExecAsync(sessionSetup);
        }

        await connection.ExecAsync($"CREATE TABLE t (v {columnSql})");
        var model = await SchemaIntrospector.ReadAsync(new NpgsqlSqlSession(connection), Ct);
        return (connectionString, model.FindTable("public", "t")!, model);
    }
}
