using CsCheck;
using GenDb.Generation.Constraints;
using GenDb.Generation.Randomness;
using GenDb.Generation.Values;
using GenDb.Generation.Values.Linear;

namespace GenDb.Generation.Tests.Values;

/// <summary>The number line under the ordered types: literals read, values written, domains cut by rules.</summary>
public sealed class LinearTypeTests
{
    [Fact]
    public void Civil_DayNumber_AgreesWithDateOnly()
    {
        Gen.Int[0, DateOnly.MaxValue.DayNumber].Sample(day =>
        {
            var date = DateOnly.FromDayNumber(day);
            Assert.Equal(day, Civil.DayNumber(date.Year, date.Month, date.Day));
            Assert.Equal((date.Year, date.Month, date.Day), Civil.FromDayNumber(day));
        });
    }

    [Theory]
    [InlineData(0, 2, "0.00")]
    [InlineData(5, 2, "0.05")]
    [InlineData(-5, 2, "-0.05")]
    [InlineData(12345, 2, "123.45")]
    [InlineData(-12345, 0, "-12345")]
    [InlineData(123, -2, "12300")]
    [InlineData(0, -2, "0")]
    [InlineData(long.MinValue + 1, 4, "-922337203685477.5807")]
    public void ScaledDecimal_Write_PlacesThePoint(long steps, int scale, string expected)
    {
        var type = ScaledDecimalType.Numeric("numeric", null, null, scale);
        var output = new ValueBuilder();

        type.Write(steps, output);

        Assert.Equal(expected, output.ToString());
    }

    [Theory]
    [InlineData("2022-01-01 00:00:00+00", true, "2022-01-01 00:00:00+00")]
    [InlineData("2022-01-01 05:30:00+05:30", true, "2022-01-01 00:00:00+00")]
    [InlineData("2021-12-31 19:00:00-05", true, "2022-01-01 00:00:00+00")]
    [InlineData("2022-01-01 05:30:00+05:30", false, "2022-01-01 05:30:00")]
    [InlineData("2022-01-01", false, "2022-01-01 00:00:00")]
    public void Timestamp_TryParse_OffsetsMoveToUtcOnlyWithTimeZone(string literal, bool withZone, string expected)
    {
        var type = new TimestampType(withZone ? "timestamptz" : "timestamp", null, withZone);
        Assert.True(type.TryParse(literal, out var steps));
        var output = new ValueBuilder();

        type.Write((long)steps, output);

        Assert.Equal(expected, output.ToString());
    }

    [Theory]
    [InlineData("1 day", 86_400_000_000)]
    [InlineData("1 year 2 mons 3 days 04:05:06.5", (((14 * 30) + 3) * 86_400_000_000L) + (((4 * 3600) + (5 * 60) + 6) * 1_000_000L) + 500_000)]
    [InlineData("-1 days -02:00:00", -26 * 3_600_000_000L)]
    [InlineData("2 hours ago", -2 * 3_600_000_000L)]
    [InlineData("@ 30 mins", 30 * 60_000_000L)]
    [InlineData("90", 90_000_000)]
    public void Interval_TryParseMicros_ReadsPostgresForms(string literal, long micros)
    {
        Assert.True(IntervalType.TryParseMicros(literal, out var parsed));
        Assert.Equal(micros, parsed);
    }

    [Fact]
    public void Interval_NegativeSteps_WrittenWithSignedParts()
    {
        var type = IntervalType.Create("interval", IntervalField.Second, null);
        var output = new ValueBuilder();

        type.Write(-((26 * 3600) + 1), output);

        Assert.Equal("-1 day -02:00:01", output.ToString());
    }

    [Fact]
    public void Domain_BoundsFromTwoRuleSets_BothApply()
    {
        var rules = RuleSetOf(new ColumnRules { Lower = new("10", true) }, new ColumnRules { Upper = new("12", true) });
        var domain = LinearDomain.Build(IntegerType.Int4("integer"), rules);

        Assert.Equal((UInt128)3, domain.Count);
        Assert.True(domain.TryUnique(0, out var first));
        Assert.True(domain.TryUnique(2, out var last));
        Assert.False(domain.TryUnique(3, out _));
        Assert.Equal((10, 12), (first, last));
    }

    [Fact]
    public void Domain_Unique_CountsUpFromTheAnchorThenDown()
    {
        var rules = RuleSetOf(new ColumnRules { Lower = new("-2", true), Upper = new("3", true) });
        var domain = LinearDomain.Build(IntegerType.Int4("integer"), rules);

        var order = Enumerable.Range(0, 6).Select(n => domain.TryUnique(n, out var k) ? k : throw new InvalidOperationException()).ToList();

        Assert.Equal([1L, 2, 3, 0, -1, -2], order);
    }

    [Fact]
    public void Domain_ForbiddenValues_CutOut()
    {
        var rules = RuleSetOf(new ColumnRules { Lower = new("1", true), Upper = new("5", true), ForbiddenValues = ["2", "4", "x"] });
        var domain = LinearDomain.Build(IntegerType.Int4("integer"), rules);
        var rng = new Rng(1);

        var drawn = Enumerable.Range(0, 100).Select(_ => domain.Random(ref rng)).Distinct().Order();

        Assert.Equal([1L, 3, 5], drawn);
    }

    [Fact]
    public void Domain_UnreadableBound_Ignored()
    {
        var rules = RuleSetOf(new ColumnRules { Lower = new("abs(-3)", true) });

        Assert.False(LinearDomain.Build(IntegerType.Int4("integer"), rules).IsEmpty);
    }

    [Fact]
    public void Domain_InfiniteTimestampBound_NoBound()
    {
        var rules = RuleSetOf(new ColumnRules { Lower = new("-infinity", false), Upper = new("infinity", false) });
        var type = new TimestampType("timestamp", null, withZone: false);

        Assert.Equal((UInt128)(ulong)(type.Max - type.Min) + 1, LinearDomain.Build(type, rules).Count);
    }

    [Theory]
    [InlineData("1.25", 2)]
    [InlineData("1.5000", 1)]
    [InlineData("100", 0)]
    [InlineData("0.001", 3)]
    public void NumberLiteral_Scale_IgnoresTrailingZeros(string literal, int scale)
    {
        Assert.True(NumberLiteral.TryParse(literal, out var value));
        Assert.Equal(scale, NumberLiteral.Scale(value));
    }

    [Theory]
    [InlineData("1e400", true)]
    [InlineData("-1e400", true)]
    [InlineData("Infinity", true)]
    [InlineData("NaN", false)]
    [InlineData("ten", false)]
    public void NumberLiteral_TryParse_SaturatesHugeValues(string literal, bool parsed) =>
        Assert.Equal(parsed, NumberLiteral.TryParse(literal, out _));

    private static RuleSet RuleSetOf(params ColumnRules[] rules) => rules.Aggregate(RuleSet.None, (set, rule) => set.With(rule));
}
