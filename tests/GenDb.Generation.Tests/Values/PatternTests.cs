using System.Text;
using System.Text.RegularExpressions;
using CsCheck;
using GenDb.Generation.Constraints;
using GenDb.Generation.Randomness;
using GenDb.Generation.Values;
using GenDb.Generation.Values.Text;

namespace GenDb.Generation.Tests.Values;

/// <summary>PostgreSQL patterns translated for Fare, and strings generated from them.</summary>
public sealed class PatternTests
{
    /// <summary>Patterns .NET reads the same way PostgreSQL does, so .NET can check what was generated.</summary>
    public static TheoryData<string> Portable =>
    [
        "^[A-Z]{3}-[0-9]{4}$",
        @"^\d{3}-\d{2}-\d{4}$",
        @"[a-z]+@[a-z]+\.(com|org)$",
        "^(foo|bar)_[0-9]+$",
        @"^\w+$",
        "^[^@ ]+@[^@ ]+$",
        "^.{3,5}$",
        "abc",
        "^a{2,}b?$",
        "^(?:x|y)[0-9]{2}$",
        @"^[a\-z.]+$",
        "^(a|b)*c$",
        "^ab|cd$",
        @"^\$[0-9]+\.[0-9]{2}$",
        "^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$",
    ];

    [Theory]
    [MemberData(nameof(Portable))]
    public void WriteRandom_AnySeed_MatchesThePattern(string pattern)
    {
        var language = PatternLanguage.TryCreate([pattern], 0, null)!;
        var regex = new Regex(pattern, RegexOptions.CultureInvariant);

        Gen.ULong.Sample(
            seed =>
            {
                var rng = new Rng(seed);
                var output = new ValueBuilder();
                language.WriteRandom(ref rng, output);
                Assert.Matches(regex, output.ToString());
            },
            iter: 200);
    }

    [Theory]
    [MemberData(nameof(Portable))]
    public void TryWriteNth_FirstRows_DistinctAndMatching(string pattern)
    {
        var language = PatternLanguage.TryCreate([pattern], 0, null)!;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var output = new ValueBuilder();

        // Up to 300 rows, fewer where the language is smaller (^(?:x|y)[0-9]{2}$ has 20 strings).
        for (var row = 0; row < 300; row++)
        {
            output.Clear();
            if (!language.TryWriteNth(row, output))
            {
                break;
            }

            Assert.Matches(pattern, output.ToString());
            Assert.True(seen.Add(output.ToString()), output.ToString());
        }

        Assert.True(seen.Count >= 20, $"{seen.Count} strings");
    }

    [Fact]
    public void TryWriteNth_FiniteLanguage_EndsAfterItsLastString()
    {
        var language = PatternLanguage.TryCreate(["^[ab][0-9]$"], 0, null)!;
        var output = new ValueBuilder();

        Assert.True(language.TryWriteNth(19, output));
        Assert.False(language.TryWriteNth(20, output));
    }

    [Fact]
    public void TryCreate_LengthLimits_Respected()
    {
        var language = PatternLanguage.TryCreate(["^[a-z]+$"], 4, 6)!;

        for (var row = 0; row < 1000; row++)
        {
            var output = new ValueBuilder();
            language.TryWriteNth(row * 997L, output);
            Assert.InRange(output.Length, 4, 6);
        }
    }

    [Fact]
    public void TryCreate_TwoPatterns_StringsMatchBoth()
    {
        var language = PatternLanguage.TryCreate(["^[a-z0-9]{6}$", "[0-9]"], 0, null)!;
        var rng = new Rng(1);

        for (var i = 0; i < 200; i++)
        {
            var output = new ValueBuilder();
            language.WriteRandom(ref rng, output);
            Assert.Matches("^[a-z0-9]{6}$", output.ToString());
            Assert.Matches("[0-9]", output.ToString());
        }
    }

    [Theory]
    [InlineData(@"^(a)\1$")]
    [InlineData("^(?=a)a$")]
    [InlineData(@"\mword\M")]
    [InlineData("a^b")]
    [InlineData("^[[:cntrl:]]$")]
    [InlineData("^(?x) a b $")]
    [InlineData("^[z-a]$")]
    public void TryCreate_NoRegularEquivalent_Null(string pattern) =>
        Assert.Null(PatternLanguage.TryCreate([pattern], 0, null));

    [Theory]
    [InlineData(@"^(a)\1$", false)]
    [InlineData("^[a-z]{4}$", true)]
    public void TextColumn_Pattern_FollowedWhenTranslatable(string pattern, bool followed)
    {
        var column = ValueTestKit.Column("v", "text", ValueTestKit.BuiltIn("text"));
        var table = ValueTestKit.Table(column);
        var rules = new ColumnRules { Patterns = [pattern] };

        var generator = (TextGenerator)ValueGenerators.ForColumn(table, column, ValueTestKit.Model(table), rules, unique: true);

        // Without the pattern, values are still generated (and unique); PostgreSQL filters them.
        Assert.Equal(followed, generator.FollowsPatterns);
        Assert.True(generator.IsUnique);
        Assert.Equal(50, ValueTestKit.Generate(generator, 50, seed: 1).Distinct().Count());
    }

    [Fact]
    public void TryCreate_ContradictoryPatterns_Null() =>
        Assert.Null(PatternLanguage.TryCreate(["^[0-9]+$", "^[a-z]+$"], 0, null));

    [Theory]
    [InlineData("^[[:digit:]]{2}$", "^[0-9]{2}$")]
    [InlineData("^[[:alpha:]_]+$", "^[a-zA-Z_]+$")]
    [InlineData("^[[:xdigit:]]+$", "^[0-9a-fA-F]+$")]
    [InlineData(@"^\x41+$", "^A+$")]
    [InlineData("***=a.b", @"^a\.b$")]
    [InlineData("(?i)^abc$", "^abc$")]
    public void TryTranslate_PosixForms_GenerateWhatTheyMean(string pattern, string dotNetEquivalent)
    {
        var language = PatternLanguage.TryCreate([pattern], 0, null)!;
        var rng = new Rng(9);

        for (var i = 0; i < 100; i++)
        {
            var output = new ValueBuilder();
            language.WriteRandom(ref rng, output);
            Assert.Matches(dotNetEquivalent, output.ToString());
        }
    }

    [Fact]
    public void TryTranslate_NonAsciiLiteral_KeptInTheAlphabet()
    {
        var extra = new SortedSet<char>();
        var fare = new StringBuilder();

        Assert.True(PosixPattern.TryTranslate("^café$", fare, extra));
        Assert.Equal(['é'], extra);

        var output = new ValueBuilder();
        PatternLanguage.TryCreate(["^café$"], 0, null)!.TryWriteNth(0, output);
        Assert.Equal("café", output.ToString());
    }
}
