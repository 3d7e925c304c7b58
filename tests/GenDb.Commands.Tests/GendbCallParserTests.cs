namespace GenDb.Commands.Tests;

public sealed class GendbCallParserTests
{
    private static GendbCall Parsed(string sql)
    {
        var result = GendbCallParser.Parse(sql);
        Assert.True(result.IsSuccess, $"{sql} => {result}");
        return result.Call;
    }

    private static GendbError Failed(string sql)
    {
        var result = GendbCallParser.Parse(sql);
        Assert.False(result.IsSuccess, $"{sql} parsed as {result}");
        return result.Error;
    }

    /// <summary>The value of the one argument of <c>CALL gendb.p(&lt;literal&gt;)</c>.</summary>
    private static GendbValue ValueOf(string literal) => Assert.Single(Parsed($"CALL gendb.p({literal})").Arguments).Value;

    public static TheoryData<string, string> Strings => new()
    {
        { "'users'", "users" },
        { "''", "" },
        { "'it''s'", "it's" },
        { "''''", "'" },
        { @"'a\nb'", @"a\nb" },
        { "'sales.*, %_log'", "sales.*, %_log" },
        { "'ab'\n'cd'", "abcd" },
        { "'ab' \r\n  'cd'\n'ef'", "abcdef" },
        { "'😀 é 中'", "😀 é 中" },

        // E'' strings and their backslash escapes.
        { @"E'a\nb'", "a\nb" },
        { @"e'\t'", "\t" },
        { @"E'\b\f\r\v'", "\b\f\r\v" },
        { @"E'\\'", @"\" },
        { @"E'\''", "'" },
        { @"E'it''s'", "it's" },
        { @"E'\q\""'", "q\"" },
        { @"E'\x41'", "A" },
        { @"E'\x4a\x4B'", "JK" },
        { @"E'\x4'", "\u0004" },
        { @"E'\xg'", "xg" },
        { @"E'\xC3\xA9'", "é" },
        { @"E'\101'", "A" },
        { @"E'\0411'", "!1" },
        { @"E'\7'", "\a" },
        { @"E'\303\251'", "é" },
        { @"E'\u00e9'", "é" },
        { @"E'\u00E9t\u00e9'", "été" },
        { @"E'\U0001F600'", "😀" },
        { @"E'\uD83D\uDE00'", "😀" },
        { @"E'\😀'", "😀" },
        { "E'a'\n'\\n'", "a\n" },

        // Dollar quoting: nothing inside is special but the closing delimiter.
        { "$$it's$$", "it's" },
        { "$$$$", "" },
        { @"$$a\nb$$", @"a\nb" },
        { "$tag$a $$ b$tag$", "a $$ b" },
        { "$a$x$b$y$a$", "x$b$y" },
        { "$TAG$x$tag$y$TAG$", "x$tag$y" },
        { "$_1$x$_1$", "x" },
        { "$é$x$é$", "x" },
        { "$q$--not a comment /* nor this$q$", "--not a comment /* nor this" },
    };

    [Theory]
    [MemberData(nameof(Strings))]
    public void Parse_StringLiteral_DecodesText(string literal, string expected)
    {
        var value = ValueOf(literal);

        Assert.Equal(GendbValueKind.String, value.Kind);
        Assert.Equal(expected, value.Text);
    }

    [Theory]
    [InlineData("42", 42L)]
    [InlineData("0", 0L)]
    [InlineData("-42", -42L)]
    [InlineData("+42", 42L)]
    [InlineData("- 42", -42L)]
    [InlineData("-/* minus */42", -42L)]
    [InlineData("007", 7L)]
    [InlineData("9223372036854775807", long.MaxValue)]
    [InlineData("-9223372036854775808", long.MinValue)]
    public void Parse_IntegerLiteral_IsInteger(string literal, long expected)
    {
        var value = ValueOf(literal);

        Assert.Equal(GendbValueKind.Integer, value.Kind);
        Assert.Equal(expected, value.IntegerValue);
    }

    [Theory]
    [InlineData("1.5", "1.5")]
    [InlineData(".5", "0.5")]
    [InlineData("1.", "1")]
    [InlineData("1e3", "1000")]
    [InlineData("1E+2", "100")]
    [InlineData("-1.5e-2", "-0.015")]
    [InlineData("+2.25", "2.25")]
    [InlineData("9223372036854775808", "9223372036854775808")]
    public void Parse_DecimalLiteral_IsDecimal(string literal, string expected)
    {
        var value = ValueOf(literal);

        Assert.Equal(GendbValueKind.Decimal, value.Kind);
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value.DecimalValue);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("TRUE", true)]
    [InlineData("True", true)]
    [InlineData("false", false)]
    [InlineData("FaLsE", false)]
    public void Parse_BooleanLiteral_IsBoolean(string literal, bool expected)
    {
        var value = ValueOf(literal);

        Assert.Equal(GendbValueKind.Boolean, value.Kind);
        Assert.Equal(expected, value.BooleanValue);
    }

    [Theory]
    [InlineData("NULL")]
    [InlineData("null")]
    [InlineData("Null")]
    public void Parse_NullLiteral_IsNull(string literal)
    {
        Assert.Equal(GendbValue.Null, ValueOf(literal));
    }

    [Fact]
    public void Parse_QuotedNull_IsAnIdentifierAndRejected()
    {
        var error = Failed("CALL gendb.p(\"NULL\")");

        Assert.Equal("42601", error.SqlState);
    }

    [Theory]
    [InlineData("$1", 1)]
    [InlineData("$12", 12)]
    public void Parse_Placeholder_IsPlaceholder(string literal, int expected)
    {
        var value = ValueOf(literal);

        Assert.Equal(GendbValueKind.Placeholder, value.Kind);
        Assert.Equal(expected, value.PlaceholderIndex);
    }

    [Fact]
    public void Parse_Placeholders_MaxPlaceholderIsTheHighest()
    {
        var call = Parsed("CALL gendb.p($2, $1, x => $5, y => 'no $9 here', z => $$ nor $7 $$)");

        Assert.Equal(5, call.MaxPlaceholder);
    }

    [Fact]
    public void Parse_NoPlaceholders_MaxPlaceholderIsZero()
    {
        Assert.Equal(0, Parsed("CALL gendb.help()").MaxPlaceholder);
    }

    [Fact]
    public void Parse_NoArguments_EmptyList()
    {
        var call = Parsed("CALL gendb.help()");

        Assert.Equal("help", call.Procedure);
        Assert.Empty(call.Arguments);
        Assert.Equal(12, call.ProcedurePosition);
    }

    [Theory]
    [InlineData("CALL gendb.Return_Generated()", "return_generated")]
    [InlineData("CALL GENDB.HELP()", "help")]
    [InlineData("CALL gendb.\"Help\"()", "Help")]
    [InlineData("CALL gendb.\"a \"\"b\"\"\"()", "a \"b\"")]
    [InlineData("CALL \"gendb\".\"help\"()", "help")]
    public void Parse_ProcedureName_UnquotedLowerCasedQuotedKept(string sql, string expected)
    {
        Assert.Equal(expected, Parsed(sql).Procedure);
    }

    [Fact]
    public void Parse_PositionalThenNamed_KeepsOrderNamesAndPositions()
    {
        var call = Parsed("CALL gendb.p('a', 2, X => 3, \"Y\" := 'z', scope=>NULL)");

        Assert.Equal(
            [
                new GendbArgument(null, GendbValue.FromString("a"), 14),
                new GendbArgument(null, GendbValue.FromInteger(2), 19),
                new GendbArgument("x", GendbValue.FromInteger(3), 22),
                new GendbArgument("Y", GendbValue.FromString("z"), 30),
                new GendbArgument("scope", GendbValue.Null, 42),
            ],
            call.Arguments);
    }

    [Fact]
    public void Parse_NamedArgumentWithNegativeNumber_SplitsArrowAndSign()
    {
        var argument = Assert.Single(Parsed("CALL gendb.p(rows=>-5)").Arguments);

        Assert.Equal(new GendbArgument("rows", GendbValue.FromInteger(-5), 14), argument);
    }

    [Fact]
    public void Parse_ArrowFollowedByComment_IsAnArrow()
    {
        var argument = Assert.Single(Parsed("CALL gendb.p(rows=>--five\n5)").Arguments);

        Assert.Equal(GendbValue.FromInteger(5), argument.Value);
    }

    [Fact]
    public void Parse_KeywordsAsParameterNames_AreNames()
    {
        var call = Parsed("CALL gendb.p(true => false, null => 1)");

        Assert.Equal(["true", "null"], call.Arguments.Select(a => a.Name));
    }

    [Theory]
    [InlineData("CALL gendb.help();")]
    [InlineData("CALL gendb.help() ;")]
    [InlineData("CALL gendb.help();;")]
    [InlineData("CALL gendb.help(); ;\n")]
    [InlineData("CALL gendb.help() -- done")]
    [InlineData("CALL gendb.help(); -- done\n")]
    [InlineData("CALL gendb.help() /* a /* b */ */;  ")]
    [InlineData("CALL gendb.help();/* trailing */")]
    [InlineData("/* leading */ -- and a line\n  CALL gendb.help()")]
    [InlineData("CALL /* between */ gendb /* and */ . /* here */ help /* too */ ( /* and */ ) /* after */")]
    [InlineData("\r\n\tcall\r\n\tgendb.help\r\n\t(\r\n\t)\r\n")]
    public void Parse_TrailingSemicolonsAndComments_Accepted(string sql)
    {
        Assert.Equal("help", Parsed(sql).Procedure);
    }

    [Fact]
    public void Parse_CallWithEveryKind_ToStringIsSql()
    {
        var call = Parsed("CALL gendb.p('it''s', -3, 1.5, TRUE, null, $2, \"Name\" => 'x')");

        Assert.Equal("CALL gendb.p('it''s', -3, 1.5, true, NULL, $2, \"Name\" => 'x')", call.ToString());
    }

    [Fact]
    public void Parse_NonAsciiBeforeAnArgument_PositionCountsCharactersNotUtf16Units()
    {
        var call = Parsed("CALL gendb.p('😀', 'é')");

        Assert.Equal([14, 19], call.Arguments.Select(a => a.Position));
    }

    // Errors: code, message and exact 1-based character position.
    [Theory]
    [InlineData("CALL gendb.return_generated(include => users)", "42601", "syntax error at or near \"users\"", 40)]
    [InlineData("CALL gendb.help(); SELECT 1", "0A000", "GenDB calls must be sent as separate statements", 20)]
    [InlineData("CALL gendb.help();\n/* c */ SELECT 1;", "0A000", "GenDB calls must be sent as separate statements", 28)]
    [InlineData("CALL gendb.help(", "42601", "syntax error at end of input", 17)]
    [InlineData("CALL gendb.help", "42601", "syntax error at end of input", 16)]
    [InlineData("CALL gendb.help(   ", "42601", "syntax error at end of input", 20)]
    [InlineData("", "42601", "syntax error at end of input", 1)]
    [InlineData("CALL gendb.help('abc", "42601", "unterminated quoted string at or near \"'abc\"", 17)]
    [InlineData("CALL gendb.help(E'abc\\'", "42601", "unterminated quoted string at or near \"E'abc\\'\"", 17)]
    [InlineData("CALL gendb.help($$abc)", "42601", "unterminated dollar-quoted string at or near \"$$abc)\"", 17)]
    [InlineData("CALL gendb.help($a$abc$b$)", "42601", "unterminated dollar-quoted string at or near \"$a$abc$b$)\"", 17)]
    [InlineData("CALL gendb.help(\"abc)", "42601", "unterminated quoted identifier at or near \"\"abc)\"", 17)]
    [InlineData("CALL gendb.help() /* x", "42601", "unterminated /* comment at or near \"/* x\"", 19)]
    [InlineData("CALL gendb.help() /* x /* y */", "42601", "unterminated /* comment at or near \"/* x /* y */\"", 19)]
    [InlineData("CALL gendb.help(); /* x", "42601", "unterminated /* comment at or near \"/* x\"", 20)]
    [InlineData("CALL gendb.p(x => 1, 2)", "42601", "positional argument cannot follow named argument", 22)]
    [InlineData("CALL gendb.p(1 2)", "42601", "syntax error at or near \"2\"", 16)]
    [InlineData("CALL gendb.p(1,)", "42601", "syntax error at or near \")\"", 16)]
    [InlineData("CALL gendb.p(,1)", "42601", "syntax error at or near \",\"", 14)]
    [InlineData("CALL gendb.p(x =>)", "42601", "syntax error at or near \")\"", 18)]
    [InlineData("CALL gendb.p(x = 1)", "42601", "syntax error at or near \"=\"", 16)]
    [InlineData("CALL gendb.p(-'x')", "42601", "syntax error at or near \"'x'\"", 15)]
    [InlineData("CALL gendb.p('x'::text)", "42601", "syntax error at or near \"::\"", 17)]
    [InlineData("CALL gendb.help() SELECT", "42601", "syntax error at or near \"SELECT\"", 19)]
    [InlineData("CALL gendb.help() ()", "42601", "syntax error at or near \"(\"", 19)]
    [InlineData("SELECT 1", "42601", "syntax error at or near \"SELECT\"", 1)]
    [InlineData("CALL other.help()", "42601", "syntax error at or near \"other\"", 6)]
    [InlineData("CALL \"GENDB\".help()", "42601", "syntax error at or near \"\"GENDB\"\"", 6)]
    [InlineData("CALL gendb help()", "42601", "syntax error at or near \"help\"", 12)]
    [InlineData("CALL gendb.'help'()", "42601", "syntax error at or near \"'help'\"", 12)]
    [InlineData("CALL gendb.help[]", "42601", "syntax error at or near \"[\"", 16)]
    [InlineData("CALL gendb.p(\"\" => 1)", "42601", "zero-length delimited identifier at or near \"\"\"\"", 14)]
    [InlineData("CALL gendb.p(123abc)", "42601", "trailing junk after numeric literal at or near \"123abc\"", 14)]
    [InlineData("CALL gendb.p(1.5e)", "42601", "trailing junk after numeric literal at or near \"1.5e\"", 14)]
    [InlineData("CALL gendb.p($1abc)", "42601", "trailing junk after parameter at or near \"$1abc\"", 14)]
    [InlineData("CALL gendb.p($99999999999)", "42601", "parameter number too large at or near \"$99999999999\"", 14)]
    [InlineData("CALL gendb.p($)", "42601", "syntax error at or near \"$\"", 14)]
    [InlineData("CALL gendb.p($0)", "42P02", "there is no parameter $0", 14)]
    [InlineData("CALL gendb.p(1e999)", "22003", "numeric value 1e999 is out of range", 14)]
    [InlineData("CALL gendb.p(x => E'ab\\u12')", "22025", "invalid Unicode escape", 23)]
    [InlineData("CALL gendb.p(x => E'\\U0011FFFF')", "42601", "invalid Unicode escape value at or near \"\\U0011FFFF\"", 21)]
    [InlineData("CALL gendb.p(x => E'\\u0000')", "42601", "invalid Unicode escape value at or near \"\\u0000\"", 21)]
    [InlineData("CALL gendb.p(x => E'\\uDE00')", "42601", "invalid Unicode escape value at or near \"\\uDE00\"", 21)]
    [InlineData("CALL gendb.p(x => E'\\uD83Dx')", "42601", "invalid Unicode surrogate pair at or near \"\\uD83D\"", 21)]
    [InlineData("CALL gendb.p(x => E'\\xC3')", "22021", "invalid byte sequence for encoding \"UTF8\": 0xc3", 19)]
    [InlineData("CALL gendb.p(x => E'\\xC3(')", "22021", "invalid byte sequence for encoding \"UTF8\": 0xc3", 19)]
    [InlineData("CALL gendb.p(x => E'a\\000b')", "22021", "invalid byte sequence for encoding \"UTF8\": 0x00", 19)]
    [InlineData("CALL gendb.p('😀', users)", "42601", "syntax error at or near \"users\"", 19)]
    [InlineData("/* 😀😀 */ CALL gendb.p(users)", "42601", "syntax error at or near \"users\"", 23)]
    public void Parse_InvalidStatement_ErrorWithCodeMessageAndPosition(string sql, string sqlState, string message, int position)
    {
        var error = Failed(sql);

        Assert.Equal((sqlState, message, position), (error.SqlState, error.Message, error.Position));
    }

    [Fact]
    public void Parse_BareIdentifierValue_HintQuotesIt()
    {
        var error = Failed("CALL gendb.return_generated(include => users)");

        Assert.Equal("Quote text values in single quotes: include => 'users'.", error.Hint);
    }

    [Fact]
    public void Parse_BareQualifiedPattern_HintQuotesItAsWritten()
    {
        var error = Failed("CALL gendb.return_generated(Include => Sales.*)");

        Assert.Equal("Quote text values in single quotes: include => 'Sales.*'.", error.Hint);
    }

    [Fact]
    public void Parse_BarePositionalIdentifier_HintQuotesIt()
    {
        var error = Failed("CALL gendb.return_generated(users)");

        Assert.Equal("Quote text values in single quotes: 'users'.", error.Hint);
    }

    [Fact]
    public void Parse_DoubleQuotedValue_HintExplainsSingleQuotes()
    {
        var error = Failed("CALL gendb.return_generated(include => \"users\")");

        Assert.Equal("syntax error at or near \"\"users\"\"", error.Message);
        Assert.Equal("Double quotes make an identifier; write text values in single quotes: include => 'users'.", error.Hint);
    }

    [Fact]
    public void Parse_AnotherStatementAfterTheCall_HintNamesTheCall()
    {
        var error = Failed("CALL gendb.help(); SELECT 1");

        Assert.Equal("Send \"CALL gendb.help()\" in a query of its own, and the other statements in another.", error.Hint);
    }

    [Fact]
    public void Parse_MissingParentheses_HintShowsThem()
    {
        var error = Failed("CALL gendb.status");

        Assert.Equal("A procedure call needs parentheses, even without arguments: CALL gendb.status().", error.Hint);
    }

    [Fact]
    public void Parse_UnclosedArguments_HintShowsTheExpectedForm()
    {
        var error = Failed("CALL gendb.return_generated(include => 'users'");

        Assert.Contains("CALL gendb.return_generated(include => 'users')", error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_EqualsForArrow_HintShowsTheArrow()
    {
        var error = Failed("CALL gendb.return_generated(include = 'users')");

        Assert.Equal("Named arguments take => (or :=), not =: include => 'users'.", error.Hint);
    }

    [Fact]
    public void Parse_PositionalAfterNamed_HintNamesTheNamedArgument()
    {
        var error = Failed("CALL gendb.p(include => 'users', 'logs')");

        Assert.Equal("Name this argument too, or move it before include => 'users'.", error.Hint);
    }

    [Fact]
    public void Parse_LongUnterminatedString_MessageIsCutShort()
    {
        var error = Failed("CALL gendb.p('" + new string('x', 10_000));

        Assert.Equal("unterminated quoted string at or near \"'" + new string('x', 59) + "...\"", error.Message);
    }

    [Fact]
    public void Parse_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => GendbCallParser.Parse(null!));
    }
}
