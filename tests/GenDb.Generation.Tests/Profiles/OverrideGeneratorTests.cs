using System.Globalization;
using GenDb.Generation.Constraints;
using GenDb.Generation.Profiles;
using GenDb.Generation.Semantics;
using GenDb.Generation.Tests.Infrastructure;
using GenDb.Generation.Tests.Values;
using GenDb.Generation.Values;
using GenDb.Schema;
using GenDb.Sql.Npgsql;
using Npgsql;

namespace GenDb.Generation.Tests.Profiles;

/// <summary>
/// gendb.yaml's per-column generators: each kind alone, against the column's type and CHECKs,
/// unique and deterministic, and accepted by a real PostgreSQL 15 through COPY.
/// </summary>
public sealed class OverrideGeneratorTests(OverrideDatabase database) : IClassFixture<OverrideDatabase>
{
    private static readonly SourceLocation Where = new("gendb.yaml", 12, 9);

    // ---- one_of ----

    [Fact]
    public void OneOf_Values_OnlyListedValues()
    {
        var generator = database.Build("status", new OneOfSpec(["a", "b"], null, Where));

        var values = ValueTestKit.Generate(generator, 1000, seed: 1);

        Assert.Equal(["a", "b"], values.Distinct().Order(StringComparer.Ordinal));
        Assert.False(generator.IsUnique);
    }

    [Fact]
    public void OneOf_Weights_SpreadMatchesWeights()
    {
        var generator = database.Build("note", new OneOfSpec(["x", "y", "z"], [6, 3, 1], Where));

        var values = ValueTestKit.Generate(generator, 10_000, seed: 2);

        var share = values.GroupBy(v => v).ToDictionary(g => g.Key, g => g.Count() / 10_000.0);
        Assert.InRange(share["x"], 0.57, 0.63);
        Assert.InRange(share["y"], 0.27, 0.33);
        Assert.InRange(share["z"], 0.08, 0.12);
    }

    [Fact]
    public void OneOf_ZeroWeight_NeverDrawn()
    {
        var generator = database.Build("note", new OneOfSpec(["x", "never"], [1, 0], Where));

        var values = ValueTestKit.Generate(generator, 5000, seed: 3);

        Assert.DoesNotContain("never", values);
    }

    [Fact]
    public void OneOf_ValueOutsideCheckList_F0000NamingValueAndPlace()
    {
        var error = Assert.Throws<GenerationException>(() => database.Build("status", new OneOfSpec(["a", "z"], null, Where)));

        Assert.Equal("F0000", error.SqlState);
        Assert.StartsWith("gendb.yaml:12:9: public.overrides.status: one_of value \"z\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("'a', 'b', 'c'", error.Message, StringComparison.Ordinal);
        Assert.Contains("gendb.yaml", error.Hint, StringComparison.Ordinal);
        Assert.Equal("public.overrides", error.Table);
        Assert.Equal("status", error.Column);
    }

    [Theory]
    [InlineData("short", "abcdefg", "holds at most 5")]
    [InlineData("qty", "101", "upper bound")]
    [InlineData("qty", "0", "lower bound")]
    [InlineData("qty", "1.5", "whole number")]
    [InlineData("small", "40000", "outside the range of smallint")]
    [InlineData("price", "12345678", "too large for numeric(8,2)")]
    [InlineData("mood", "angry", "not a label")]
    [InlineData("born", "2015-06-01", "upper bound")]
    [InlineData("email", "a@b", "at least 5")]
    [InlineData("city", "   ", "blank")]
    [InlineData("share", "150", "upper bound")]
    public void OneOf_ValueBreaksColumnRule_ErrorSaysWhich(string column, string value, string expected)
    {
        var error = Assert.Throws<GenerationException>(() => database.Build(column, new OneOfSpec([value], null, Where)));

        Assert.Equal("F0000", error.SqlState);
        Assert.Contains($"one_of value \"{value}\"", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OneOf_Unique_EachValueOnceThenExhausted()
    {
        var listed = Enumerable.Range(1, 20).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToList();
        var generator = database.Build("u_qty", new OneOfSpec(listed, null, Where), unique: true);

        var values = ValueTestKit.Generate(generator, 20, seed: 4);

        Assert.True(generator.IsUnique);
        Assert.Equal(20, Assert.IsAssignableFrom<IBoundedGenerator>(generator).DistinctValues);
        Assert.Equal(listed.Order(StringComparer.Ordinal), values.Order(StringComparer.Ordinal));
        Assert.NotEqual(listed, values);
        Assert.Throws<GenerationException>(() => ValueTestKit.Generate(generator, 1, seed: 4, firstRow: 20));
    }

    [Fact]
    public void OneOf_UniqueWithSameValueTwice_Error()
    {
        var error = Assert.Throws<GenerationException>(() => database.Build("u_qty", new OneOfSpec(["1", "2", "01"], null, Where), unique: true));

        Assert.Contains("\"01\" more than once", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OneOf_BadWeights_F0000()
    {
        var error = Assert.Throws<GenerationException>(() => database.Build("note", new OneOfSpec(["x", "y"], [1], Where)));

        Assert.Equal("F0000", error.SqlState);
        Assert.Contains("2 values but 1 weights", error.Message, StringComparison.Ordinal);
    }

    // ---- regex ----

    [Fact]
    public void Regex_Pattern_ValuesMatchAndFitColumn()
    {
        var generator = database.Build("code", new RegexSpec("[A-Z]{2}-[0-9]{3}", Where));

        var values = ValueTestKit.Generate(generator, 500, seed: 5);

        Assert.All(values, v => Assert.Matches("^[A-Z]{2}-[0-9]{3}$", v));
        Assert.True(values.Distinct().Count() > 400);
    }

    [Fact]
    public void Regex_AlreadyAnchored_SameLanguage()
    {
        var generator = database.Build("note", new RegexSpec("^[a-c]{3}$", Where));

        var values = ValueTestKit.Generate(generator, 200, seed: 5);

        Assert.All(values, v => Assert.Matches("^[a-c]{3}$", v));
    }

    [Fact]
    public void Regex_ShortestMatchLongerThanVarchar_ErrorSaysSo()
    {
        var error = Assert.Throws<GenerationException>(() => database.Build("short", new RegexSpec("[A-Z]{20}", Where)));

        Assert.Equal("F0000", error.SqlState);
        Assert.StartsWith("gendb.yaml:12:9: public.overrides.short: regex \"[A-Z]{20}\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("shortest match is 20 characters, longer than character varying(5) allows (5)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Regex_ConflictsWithCheckPattern_Error()
    {
        // code's CHECK wants a capital first letter.
        var error = Assert.Throws<GenerationException>(() => database.Build("code", new RegexSpec("[a-z]{4}", Where)));

        Assert.Contains("CHECK pattern", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Regex_OnIntegerColumn_Error()
    {
        var error = Assert.Throws<GenerationException>(() => database.Build("qty", new RegexSpec("[0-9]{2}", Where)));

        Assert.Equal("F0000", error.SqlState);
        Assert.Contains("regex generates text", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Regex_Unique_DistinctValues()
    {
        var generator = database.Build("u_code", new RegexSpec("[A-Z]{3}[0-9]{4}", Where), unique: true);

        var values = ValueTestKit.Generate(generator, 3000, seed: 6);

        Assert.True(generator.IsUnique);
        Assert.Equal(3000, values.Distinct().Count());
        Assert.All(values, v => Assert.Matches("^[A-Z]{3}[0-9]{4}$", v));
    }

    [Fact]
    public void Regex_ColumnWithAllowedList_OnlyAllowedValuesThatMatch()
    {
        var generator = database.Build("status", new RegexSpec("[ab]", Where));

        var values = ValueTestKit.Generate(generator, 300, seed: 7);

        Assert.Equal(["a", "b"], values.Distinct().Order(StringComparer.Ordinal));
    }

    // ---- range ----

    [Fact]
    public void Range_OutsideCheckBounds_Error()
    {
        var error = Assert.Throws<GenerationException>(() => database.Build("qty", new RangeSpec("200", "300", RangeDistribution.Uniform, Where)));

        Assert.Equal("F0000", error.SqlState);
        Assert.StartsWith("gendb.yaml:12:9: public.overrides.qty: range 200 to 300", error.Message, StringComparison.Ordinal);
        Assert.Contains("outside what the column's CHECK allows (>= 1 and <= 100)", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(RangeDistribution.Uniform)]
    [InlineData(RangeDistribution.Normal)]
    [InlineData(RangeDistribution.Exponential)]
    public void Range_PartlyOutsideCheck_ValuesInside(RangeDistribution distribution)
    {
        var generator = database.Build("qty", new RangeSpec("50", "500", distribution, Where));

        var values = ValueTestKit.Generate(generator, 2000, seed: 8).Select(int.Parse).ToList();

        Assert.All(values, v => Assert.InRange(v, 50, 100));
        Assert.True(values.Distinct().Count() > 20);
    }

    [Theory]
    [InlineData("qty", "10", "5", "greater than max")]
    [InlineData("qty", "abc", "5", "not a valid integer")]
    [InlineData("qty", "1.5", "5", "whole number")]
    [InlineData("small", "1", "70000", "outside the range of smallint")]
    [InlineData("born", "1990-13-45", "2000-01-01", "not a valid date")]
    [InlineData("note", "1", "5", "needs a number, date")]
    [InlineData("price", "0.001", "0.004", "no value of numeric(8,2) lies between them")]
    public void Range_BadEnds_ErrorSaysWhy(string column, string min, string max, string expected)
    {
        var error = Assert.Throws<GenerationException>(() => database.Build(column, new RangeSpec(min, max, RangeDistribution.Uniform, Where)));

        Assert.Equal("F0000", error.SqlState);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Range_Uniform_SpreadsOverWholeRange()
    {
        var generator = database.Build("big", new RangeSpec("0", "1000000", RangeDistribution.Uniform, Where));

        var values = ValueTestKit.Generate(generator, 10_000, seed: 9).Select(long.Parse).ToList();

        Assert.All(values, v => Assert.InRange(v, 0, 1_000_000));
        Assert.InRange(values.Average(), 480_000, 520_000);
        Assert.InRange(values.Count(v => v > 900_000), 800, 1200);
    }

    [Fact]
    public void Range_Normal_BellAroundTheMiddle()
    {
        var generator = database.Build("ratio", new RangeSpec("0", "100", RangeDistribution.Normal, Where));

        var values = ValueTestKit.Generate(generator, 10_000, seed: 10).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToList();

        Assert.All(values, v => Assert.InRange(v, 0, 100));
        Assert.InRange(values.Average(), 49, 51);

        // One standard deviation is a sixth of the range: about 68% lie within it of the mean.
        Assert.InRange(values.Count(v => v is > 100.0 / 3 and < 200.0 / 3) / 10_000.0, 0.64, 0.72);
    }

    [Fact]
    public void Range_Exponential_MostNearMin()
    {
        var generator = database.Build("big", new RangeSpec("1000", "2000", RangeDistribution.Exponential, Where));

        var values = ValueTestKit.Generate(generator, 10_000, seed: 11).Select(long.Parse).Order().ToList();

        Assert.All(values, v => Assert.InRange(v, 1000, 2000));
        Assert.InRange(values[values.Count / 2], 1100, 1180);
        Assert.True(values[^1] > 1700);
    }

    [Fact]
    public void Range_Numeric_KeepsTheColumnsScale()
    {
        var generator = database.Build("price", new RangeSpec("0", "20", RangeDistribution.Normal, Where));

        var values = ValueTestKit.Generate(generator, 1000, seed: 12);

        Assert.All(values, v => Assert.Matches(@"^\d+\.\d\d$", v));
        Assert.All(values, v => Assert.InRange(decimal.Parse(v, CultureInfo.InvariantCulture), 0.01m, 20m));
    }

    [Fact]
    public void Range_DomainWithCheck_StaysInsideDomain()
    {
        var generator = database.Build("share", new RangeSpec("90", "200", RangeDistribution.Uniform, Where));

        var values = ValueTestKit.Generate(generator, 1000, seed: 13).Select(v => decimal.Parse(v, CultureInfo.InvariantCulture)).ToList();

        Assert.All(values, v => Assert.InRange(v, 90m, 100m));
    }

    [Fact]
    public void Range_Dates_IsoDatesWithinRangeAndCheck()
    {
        var generator = database.Build("born", new RangeSpec("2000-01-01", "2020-12-31", RangeDistribution.Uniform, Where));

        var values = ValueTestKit.Generate(generator, 1000, seed: 14).Select(v => DateOnly.ParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture)).ToList();

        Assert.All(values, v => Assert.InRange(v, new DateOnly(2000, 1, 1), new DateOnly(2009, 12, 31)));
        Assert.True(values.Distinct().Count() > 500);
    }

    [Fact]
    public void Range_Unique_DistinctAndShuffled()
    {
        var generator = database.Build("u_qty", new RangeSpec("1", "1000", RangeDistribution.Uniform, Where), unique: true);

        var values = ValueTestKit.Generate(generator, 1000, seed: 15).Select(int.Parse).ToList();

        Assert.True(generator.IsUnique);
        Assert.Equal(Enumerable.Range(1, 1000), values.Order());
        Assert.NotEqual(Enumerable.Range(1, 1000), values);
        Assert.Throws<GenerationException>(() => ValueTestKit.Generate(generator, 1, seed: 15, firstRow: 1000));
    }

    [Fact]
    public void Range_UniqueNormal_Error()
    {
        var error = Assert.Throws<GenerationException>(() => database.Build("u_qty", new RangeSpec("1", "1000", RangeDistribution.Normal, Where), unique: true));

        Assert.Contains("distribution: uniform", error.Hint, StringComparison.Ordinal);
    }

    // ---- constant ----

    [Fact]
    public void Constant_Value_EveryRow()
    {
        var generator = database.Build("status", new ConstantSpec("b", Where));

        var values = ValueTestKit.Generate(generator, 100, seed: 16);

        Assert.All(values, v => Assert.Equal("b", v));
        Assert.False(generator.IsUnique);
        Assert.Equal(1, Assert.IsAssignableFrom<IBoundedGenerator>(generator).DistinctValues);
    }

    [Fact]
    public void Constant_BreaksCheck_Error()
    {
        var error = Assert.Throws<GenerationException>(() => database.Build("qty", new ConstantSpec("500", Where)));

        Assert.Contains("constant value \"500\" is above the upper bound of the column's CHECK (<= 100)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constant_NullOnNotNullColumn_Error()
    {
        var error = Assert.Throws<GenerationException>(() => database.Build("required", new ConstantSpec(null, Where)));

        Assert.Equal("F0000", error.SqlState);
        Assert.Contains("NOT NULL", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constant_NullOnNullableColumn_LeftToEngine() =>
        Assert.Throws<ArgumentException>(() => database.Build("note", new ConstantSpec(null, Where)));

    // ---- sequence ----

    [Fact]
    public void Sequence_Integers_StartPlusRowTimesStep()
    {
        var generator = database.Build("big", new SequenceSpec(10, 5, Where));

        Assert.Equal(["10", "15", "20", "25"], ValueTestKit.Generate(generator, 4, seed: 17));
        Assert.True(generator.IsUnique);
    }

    [Fact]
    public void Sequence_TextColumn_Digits()
    {
        var generator = database.Build("u_code", new SequenceSpec(-2, 3, Where));

        Assert.Equal(["-2", "1", "4"], ValueTestKit.Generate(generator, 3, seed: 17));
    }

    [Fact]
    public void Sequence_StartOutsideType_Error()
    {
        var error = Assert.Throws<GenerationException>(() => database.Build("small", new SequenceSpec(40_000, 1, Where)));

        Assert.Contains("sequence start 40000 is outside the range of smallint", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sequence_StartBreaksCheck_Error()
    {
        var error = Assert.Throws<GenerationException>(() => database.Build("qty", new SequenceSpec(0, 1, Where)));

        Assert.Contains("sequence start 0 is below the lower bound", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sequence_RowLeavesType_ErrorAtThatRow()
    {
        var generator = database.Build("small", new SequenceSpec(32_760, 1, Where));

        Assert.Equal("32767", ValueTestKit.Generate(generator, 1, seed: 1, firstRow: 7)[0]);
        var error = Assert.Throws<GenerationException>(() => ValueTestKit.Generate(generator, 1, seed: 1, firstRow: 8));
        Assert.Equal("22003", error.SqlState);
        Assert.Contains("row 9", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sequence_DateColumn_Error()
    {
        var error = Assert.Throws<GenerationException>(() => database.Build("born", new SequenceSpec(1, 1, Where)));

        Assert.Contains("sequence writes whole numbers", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sequence_StepZero_Error() =>
        Assert.Equal("F0000", Assert.Throws<GenerationException>(() => database.Build("big", new SequenceSpec(1, 0, Where))).SqlState);

    // ---- faker ----

    [Fact]
    public void Faker_Email_LooksLikeEmailsWithinLength()
    {
        var generator = database.Build("email", new FakerSpec("internet.email", Where));

        var values = ValueTestKit.Generate(generator, 500, seed: 18);

        Assert.All(values, v => Assert.Matches(@"^[^@\s]+@[^@\s]+\.[a-z]+$", v));
        Assert.All(values, v => Assert.InRange(v.Length, 5, 60));
        Assert.True(values.Distinct().Count() > 450);
    }

    [Fact]
    public void Faker_MostlyTooLong_Error()
    {
        var error = Assert.Throws<GenerationException>(() => database.Build("short", new FakerSpec("lorem.sentence", Where)));

        Assert.Equal("F0000", error.SqlState);
        Assert.Contains("faker lorem.sentence", error.Message, StringComparison.Ordinal);
        Assert.Contains("holds at most 5", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Faker_SomeTooLong_RedrawnToFit()
    {
        var generator = database.Build("ticket", new FakerSpec("name.firstName", Where));

        var values = ValueTestKit.Generate(generator, 2000, seed: 19);

        Assert.All(values, v => Assert.InRange(v.Length, 1, 8));
        Assert.True(values.Distinct().Count() > 100);
    }

    [Fact]
    public void Faker_ValuesBreakingDateCheck_Error()
    {
        // date.past is near 2025, and born must be before 2010.
        var error = Assert.Throws<GenerationException>(() => database.Build("born", new FakerSpec("date.past", Where)));

        Assert.Contains("upper bound", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Faker_UnknownLocale_Error()
    {
        var error = Assert.Throws<GenerationException>(() => database.Build("note", new FakerSpec("name.firstName", Where), locale: "xx"));

        Assert.Contains("locale \"xx\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("de_AT", error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void Faker_UnknownPath_ErrorWithSuggestion()
    {
        var error = Assert.Throws<GenerationException>(() => database.Build("note", new FakerSpec("internet.emial", Where)));

        Assert.Contains("did you mean internet.email", error.Message, StringComparison.Ordinal);
    }

    // ---- other kinds ----

    [Fact]
    public void Build_TemplateOrSkip_ArgumentException()
    {
        Assert.Throws<ArgumentException>(() => database.Build("note", new TemplateSpec("{status}", Where)));
        Assert.Throws<ArgumentException>(() => database.Build("note", new SkipSpec(Where)));
    }

    [Fact]
    public void Build_NoLocation_MessageStartsWithColumn()
    {
        var error = Assert.Throws<GenerationException>(() => database.Build("status", new ConstantSpec("q", null)));

        Assert.StartsWith("public.overrides.status: constant value \"q\"", error.Message, StringComparison.Ordinal);
    }

    // ---- determinism ----

    public static TheoryData<string> Kinds => [.. Cases.Keys.Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Build_SameSeed_SameValues(string name)
    {
        var (column, spec, unique, rows) = Cases[name];
        var first = ValueTestKit.Generate(database.Build(column, spec, unique), rows, seed: 21);
        var again = ValueTestKit.Generate(database.Build(column, spec, unique), rows, seed: 21);

        Assert.Equal(first, again);
    }

    [Theory]
    [InlineData("one_of weighted")]
    [InlineData("regex")]
    [InlineData("range normal timestamptz")]
    [InlineData("range exponential interval")]
    [InlineData("faker email")]
    public void Build_DifferentSeed_DifferentValues(string name)
    {
        var (column, spec, unique, rows) = Cases[name];

        var first = ValueTestKit.Generate(database.Build(column, spec, unique), rows, seed: 21);
        var other = ValueTestKit.Generate(database.Build(column, spec, unique), rows, seed: 22);

        Assert.NotEqual(first, other);
    }

    [Fact]
    public void Build_UniqueWithOtherTableSeed_OtherOrder()
    {
        var spec = new RangeSpec("1", "500", RangeDistribution.Uniform, Where);

        var first = ValueTestKit.Generate(database.Build("u_qty", spec, unique: true, tableSeed: 1), 500, seed: 21);
        var other = ValueTestKit.Generate(database.Build("u_qty", spec, unique: true, tableSeed: 2), 500, seed: 21);

        Assert.NotEqual(first, other);
        Assert.Equal(first.Order(StringComparer.Ordinal), other.Order(StringComparer.Ordinal));
    }

    // ---- round trips through PostgreSQL ----

    /// <summary>Every kind on a column with CHECKs, domains or UNIQUE: name → column, spec, unique, rows.</summary>
    private static readonly Dictionary<string, (string Column, GeneratorSpec Spec, bool Unique, int Rows)> Cases = new(StringComparer.Ordinal)
    {
        ["one_of weighted"] = ("status", new OneOfSpec(["a", "b", "c"], [5, 2, 1], Where), false, 500),
        ["one_of enum"] = ("mood", new OneOfSpec(["sad", "happy"], null, Where), false, 500),
        ["one_of unique"] = ("u_qty", new OneOfSpec([.. Enumerable.Range(1, 50).Select(i => (i * 7).ToString(CultureInfo.InvariantCulture))], null, Where), true, 50),
        ["one_of char"] = ("ticket", new OneOfSpec(["AB", "ABCDEFGH"], null, Where), false, 100),
        ["regex"] = ("code", new RegexSpec("[A-Z]{2}-[0-9]{3}", Where), false, 500),
        ["regex unique"] = ("u_code", new RegexSpec("[A-Z]{3}[0-9]{4}", Where), true, 2000),
        ["regex citext"] = ("label", new RegexSpec("[a-z]{4}", Where), false, 500),
        ["range uniform"] = ("qty", new RangeSpec("1", "100", RangeDistribution.Uniform, Where), false, 500),
        ["range normal numeric"] = ("price", new RangeSpec("0", "1500", RangeDistribution.Normal, Where), false, 500),
        ["range exponential real"] = ("ratio", new RangeSpec("0", "1e6", RangeDistribution.Exponential, Where), false, 500),
        ["range domain"] = ("share", new RangeSpec("10", "20", RangeDistribution.Normal, Where), false, 500),
        ["range dates"] = ("born", new RangeSpec("1990-01-01", "2020-12-31", RangeDistribution.Uniform, Where), false, 500),
        ["range normal timestamptz"] = ("seen", new RangeSpec("2023-06-01 00:00:00+00", "2024-12-31 23:59:59+00", RangeDistribution.Normal, Where), false, 500),
        ["range time"] = ("at", new RangeSpec("08:00:00", "18:00:00", RangeDistribution.Uniform, Where), false, 500),
        ["range exponential interval"] = ("wait", new RangeSpec("1 hour", "3 days", RangeDistribution.Exponential, Where), false, 500),
        ["range smallint"] = ("small", new RangeSpec("-100", "100", RangeDistribution.Normal, Where), false, 500),
        ["range unique"] = ("u_qty", new RangeSpec("1", "100000", RangeDistribution.Uniform, Where), true, 2000),
        ["faker email"] = ("email", new FakerSpec("internet.email", Where), false, 500),
        ["faker city"] = ("city", new FakerSpec("address.city", Where), false, 500),
        ["faker account"] = ("ticket", new FakerSpec("finance.account", Where), false, 500),
        ["faker price"] = ("price", new FakerSpec("commerce.price", Where), false, 500),
        ["faker past"] = ("visited", new FakerSpec("date.past", Where), false, 500),
        ["faker timespan"] = ("wait", new FakerSpec("date.timespan", Where), false, 500),
        ["faker ip"] = ("note", new FakerSpec("internet.ipAddress", Where), false, 500),
        ["constant"] = ("status", new ConstantSpec("c", Where), false, 100),
        ["constant date"] = ("born", new ConstantSpec("1999-12-31", Where), false, 100),
        ["sequence"] = ("id_num", new SequenceSpec(1000, 7, Where), true, 2000),
        ["sequence text"] = ("u_code", new SequenceSpec(1, 1, Where), true, 2000),
        ["sequence check"] = ("qty", new SequenceSpec(1, 1, Where), true, 100),
        ["sequence numeric"] = ("price", new SequenceSpec(999, -3, Where), true, 300),
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Copy_OverrideValues_AcceptedByPostgres(string name)
    {
        var (column, spec, unique, rows) = Cases[name];
        var generator = database.Build(column, spec, unique);
        var values = ValueTestKit.Generate(generator, rows, seed: 23);
        var table = "rt_" + string.Concat(name.Select(c => char.IsLetterOrDigit(c) ? c : '_'));

        await using var connection = await database.OpenAsync();
        await connection.ExecAsync($"DROP TABLE IF EXISTS {table}; CREATE TABLE {table} (LIKE overrides INCLUDING ALL)");
        await ValueTestKit.CopyAsync(connection, table, column, values);

        Assert.Equal(rows, await connection.ScalarAsync<long>($"SELECT count({column}) FROM {table}"));
        if (unique)
        {
            Assert.Equal(rows, await connection.ScalarAsync<long>($"SELECT count(DISTINCT {column}) FROM {table}"));
        }
    }
}

/// <summary>
/// A PostgreSQL 15 database with one table whose columns carry the CHECKs, domains and UNIQUE
/// constraints the override tests aim at, read into a model once.
/// </summary>
public sealed class OverrideDatabase(ClusterFixture cluster) : IAsyncLifetime
{
    public const string Setup = """
        CREATE EXTENSION citext;
        CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
        CREATE DOMAIN percent AS numeric(5,2) CHECK (VALUE >= 0 AND VALUE <= 100);
        CREATE TABLE overrides (
            status text CHECK (status IN ('a', 'b', 'c')),
            code varchar(10) CHECK (code ~ '^[A-Z]'),
            short varchar(5),
            qty integer CHECK (qty BETWEEN 1 AND 100),
            price numeric(8,2) CHECK (price > 0 AND price < 1000),
            ratio real,
            share percent,
            born date CHECK (born >= '1950-01-01' AND born < '2010-01-01'),
            visited date,
            seen timestamptz CHECK (seen >= '2024-01-01 00:00:00+00'),
            at time,
            wait interval,
            mood mood,
            small smallint,
            big bigint,
            label citext,
            ticket char(8),
            email varchar(60) CHECK (length(email) >= 5),
            city text CHECK (btrim(city) <> ''),
            note text,
            required text NOT NULL DEFAULT 'x',
            id_num bigint UNIQUE,
            u_code varchar(12) UNIQUE,
            u_qty integer UNIQUE CHECK (u_qty BETWEEN 1 AND 100000)
        );
        """;

    private string? _connectionString;
    private CheckAnalysis _checks = CheckAnalysis.NotUnderstood;

    public DatabaseModel Model { get; private set; } = null!;

    public TableModel Table { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        _connectionString = await cluster.CreateDatabaseAsync("overrides");
        await using var connection = await OpenAsync();
        await connection.ExecAsync(Setup);
        Model = await SchemaIntrospector.ReadAsync(new NpgsqlSqlSession(connection), TestContext.Current.CancellationToken);
        Table = Model.FindTable("public", "overrides")!;
        _checks = CheckReader.ReadAll(Table.Constraints.Where(c => c.Kind == ConstraintKind.Check).Select(c => c.Definition));
    }

    /// <summary>The column's context as the engine makes it: its CHECK rules, the table's seed and the locale.</summary>
    public ColumnContext Context(string column, bool unique = false, ulong tableSeed = 1, string locale = "en") =>
        new(Table, Table.Column(column), Model, _checks.For(column), unique, tableSeed, locale);

    public IValueGenerator Build(string column, GeneratorSpec spec, bool unique = false, ulong tableSeed = 1, string locale = "en") =>
        OverrideGenerators.Build(spec, Context(column, unique, tableSeed, locale), unique);

    public async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(_connectionString ?? throw new InvalidOperationException("Not initialised."));
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        return connection;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

/// <summary>What gendb.yaml's parser learns of a generator without a database.</summary>
public sealed class GeneratorSpecsTests
{
    public static TheoryData<GeneratorSpec> Fine =>
    [
        new OneOfSpec(["a", "b"], [1, 0], null),
        new RegexSpec("[A-Z]{3}-\\d{4}", null),
        new RegexSpec("^[a-c]+$", null),
        new RangeSpec("1", "10", RangeDistribution.Normal, null),
        new RangeSpec("2020-01-01", "2021-01-01", RangeDistribution.Uniform, null),
        new RangeSpec("1 hour", "3 days", RangeDistribution.Uniform, null),
        new FakerSpec("internet.email", null),
        new TemplateSpec("{first_name}.{last_name}@example.com {{literal}}", null),
        new ConstantSpec(null, null),
        new SequenceSpec(1, -1, null),
        new SkipSpec(null),
    ];

    [Theory]
    [MemberData(nameof(Fine))]
    public void Problem_SoundSpec_Null(GeneratorSpec spec) => Assert.Null(GeneratorSpecs.Problem(spec));

    [Theory]
    [InlineData("(a", "a ( is not closed")]
    [InlineData("[z-a]", "runs backwards")]
    [InlineData("x(?=y)", "cannot generate from")]
    [InlineData("a{3,1}", "matches no string")]
    [InlineData("", "empty")]
    public void Problem_BadRegex_SaysWhy(string pattern, string expected) =>
        Assert.Contains(expected, GeneratorSpecs.Problem(new RegexSpec(pattern, null)), StringComparison.Ordinal);

    [Theory]
    [InlineData("Hello {name", "{ at position 7 without a closing }")]
    [InlineData("{}", "empty {} placeholder")]
    [InlineData("{ }", "empty {} placeholder")]
    [InlineData("a } b", "} at position 3 without an opening {")]
    [InlineData("{a{b}}", "without a closing }")]
    public void Problem_BadTemplate_SaysWhere(string template, string expected) =>
        Assert.Contains(expected, GeneratorSpecs.Problem(new TemplateSpec(template, null)), StringComparison.Ordinal);

    [Fact]
    public void Problem_OneOfWithoutValues_Says() =>
        Assert.Equal("one_of needs at least one value", GeneratorSpecs.Problem(new OneOfSpec([], null, null)));

    [Theory]
    [InlineData(new[] { 1.0 }, "2 values but 1 weights")]
    [InlineData(new[] { 1.0, -1.0 }, "weight -1 (of value \"b\")")]
    [InlineData(new[] { 0.0, 0.0 }, "add up to 0")]
    public void Problem_BadWeights_SaysWhy(double[] weights, string expected) =>
        Assert.Contains(expected, GeneratorSpecs.Problem(new OneOfSpec(["a", "b"], weights, null)), StringComparison.Ordinal);

    [Theory]
    [InlineData("10", "5")]
    [InlineData("2.5", "-1e3")]
    [InlineData("2021-01-01", "2020-12-31")]
    public void Problem_RangeMinAboveMax_Says(string min, string max) =>
        Assert.Equal($"range min {min} is greater than max {max}", GeneratorSpecs.Problem(new RangeSpec(min, max, RangeDistribution.Uniform, null)));

    [Fact]
    public void Problem_FakerUnknownPath_Suggests() =>
        Assert.Contains("did you mean name.firstName", GeneratorSpecs.Problem(new FakerSpec("name.frist_name", null)), StringComparison.Ordinal);

    [Fact]
    public void Problem_SequenceStepZero_Says() =>
        Assert.Contains("step is 0", GeneratorSpecs.Problem(new SequenceSpec(5, 0, null)), StringComparison.Ordinal);

    [Theory]
    [InlineData(1e-300)]
    [InlineData(0.001)]
    [InlineData(0.5)]
    [InlineData(1.0)]
    [InlineData(0.9999999)]
    public void Ln_AgreesWithMathLog(double x) => Assert.Equal(Math.Log(x), RangeGenerator.Ln(x), 1e-13);
}
