using System.Globalization;
using System.Text;
using CsCheck;
using GenDb.Commands.Tests.Support;

namespace GenDb.Commands.Tests;

public sealed class GendbCallParserPropertyTests
{
    private static string ParsedText(string sql)
    {
        var result = GendbCallParser.Parse(sql);
        Assert.True(result.IsSuccess, $"{sql} => {result}");
        return Assert.Single(result.Call.Arguments).Value.Text;
    }

    /// <summary>Each character as itself or as one of the escapes that spell it in an E'' string.</summary>
    private static readonly Gen<(string Text, string Escaped)> EscapedString = SqlGen.Value.SelectMany(s =>
        Gen.Int[0, 3].Array[s.EnumerateRunes().Count()].Select(choices =>
        {
            var builder = new StringBuilder();
            var i = 0;
            foreach (var rune in s.EnumerateRunes())
            {
                var choice = choices[i++];
                builder.Append(rune.Value switch
                {
                    '\\' when choice == 0 => @"\\",
                    '\\' => @"\134",
                    '\'' when choice == 0 => @"\'",
                    '\'' => "''",
                    < 0x80 when choice == 1 => $@"\x{rune.Value:X2}",
                    < 0x80 when choice == 2 => @"\" + Convert.ToString(rune.Value, 8).PadLeft(3, '0'),
                    < 0x10000 when choice == 3 => $@"\u{rune.Value:x4}",
                    _ when choice == 3 => $@"\U{rune.Value:X8}",
                    _ when choice == 2 => string.Concat(Encoding.UTF8.GetBytes(rune.ToString()).Select(b => $@"\x{b:x2}")),
                    _ => rune.ToString(),
                });
            }

            return (s, builder.ToString());
        }));

    [Fact]
    public void Parse_QuotedString_RoundTrips()
    {
        SqlGen.Value.Sample(s =>
        {
            var sql = $"CALL gendb.help(x => '{s.Replace("'", "''", StringComparison.Ordinal)}')";

            Assert.Equal(s, ParsedText(sql));
        }, iter: 5_000);
    }

    [Fact]
    public void Parse_EscapeString_RoundTrips()
    {
        SqlGen.Value.Sample(s =>
        {
            var escaped = s.Replace("\\", @"\\", StringComparison.Ordinal).Replace("'", @"\'", StringComparison.Ordinal);

            Assert.Equal(s, ParsedText($"CALL gendb.help(x => E'{escaped}')"));
        }, iter: 5_000);
    }

    [Fact]
    public void Parse_EscapeStringWithEveryKindOfEscape_RoundTrips()
    {
        EscapedString.Sample(pair =>
        {
            var (s, escaped) = pair;

            Assert.Equal(s, ParsedText($"CALL gendb.help(x => E'{escaped}')"));
        }, iter: 5_000);
    }

    [Fact]
    public void Parse_DollarQuotedString_RoundTrips()
    {
        SqlGen.Value.Sample(s =>
        {
            // The body ends at the first "$q$", which must be the closing one.
            if ((s + "$q$").IndexOf("$q$", StringComparison.Ordinal) != s.Length)
            {
                return;
            }

            Assert.Equal(s, ParsedText($"CALL gendb.help(x => $q${s}$q$)"));
        }, iter: 5_000);
    }

    [Fact]
    public void Parse_Integer_RoundTrips()
    {
        Gen.Long.Sample(n =>
        {
            var result = GendbCallParser.Parse($"CALL gendb.p(n => {n.ToString(CultureInfo.InvariantCulture)})");

            Assert.Equal(GendbValue.FromInteger(n), Assert.Single(result.Call!.Arguments).Value);
        }, iter: 2_000);
    }

    [Fact]
    public void Parse_AnyValueWrittenBackAsSql_ParsesToTheSameValue()
    {
        var values = Gen.OneOf(
            SqlGen.Value.Select(GendbValue.FromString),
            Gen.Long.Select(GendbValue.FromInteger),
            Gen.Decimal.Select(GendbValue.FromDecimal),
            Gen.Bool.Select(GendbValue.FromBoolean),
            Gen.Int[1, 100_000].Select(GendbValue.FromPlaceholder),
            Gen.Const(GendbValue.Null));

        values.Array[0, 6].Sample(arguments =>
        {
            var call = new GendbCall("p", [.. arguments.Select((v, i) => new GendbArgument($"a{i}", v, 1))]);

            var parsed = GendbCallParser.Parse(call.ToString());

            Assert.True(parsed.IsSuccess, parsed.ToString());
            Assert.Equal(arguments, parsed.Call.Arguments.Select(a => a.Value));
        }, iter: 2_000);
    }

    [Fact]
    public void Parse_RandomStatements_NeverThrowsAndPositionsAreInTheText()
    {
        SqlGen.CallLikeSoup.Sample(sql =>
        {
            var result = GendbCallParser.Parse(sql);

            if (!result.IsSuccess)
            {
                Assert.InRange(result.Error.Position ?? 1, 1, sql.EnumerateRunes().Count() + 1);
                Assert.False(string.IsNullOrEmpty(result.Error.Message));
                Assert.Equal(5, result.Error.SqlState.Length);
            }
        }, iter: 20_000);
    }

    [Fact]
    public void Parse_RandomText_NeverThrows()
    {
        Gen.String.Sample(text =>
        {
            var result = GendbCallParser.Parse("CALL gendb.p(" + text);

            Assert.True(result.IsSuccess || result.Error.Position >= 1);
        }, iter: 5_000);
    }
}
