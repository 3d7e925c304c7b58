using System.Buffers.Binary;
using System.Text;

namespace GenDb.Commands.Tests;

public sealed class ProcedureBinderTests
{
    /// <summary>The default catalog plus a procedure with integer, boolean and required parameters, shaped like generate_data.</summary>
    private static readonly ProcedureCatalog Catalog = ProcedureCatalog.Default.With(new ProcedureDefinition(
        "fill_rows",
        "Generates synthetic rows.",
        [
            new ProcedureParameter("table_name", GendbType.Text, null, Required: true, "The table.", []),
            new ProcedureParameter("rows", GendbType.Integer, 100L, Required: false, "How many rows.", ["row_count"]),
            new ProcedureParameter("seed", GendbType.Integer, null, Required: false, "The seed.", []),
            new ProcedureParameter("truncate", GendbType.Boolean, false, Required: false, "Empty the table first.", []),
        ]));

    private static GendbBindResult Bind(string sql, params PlaceholderValue[] placeholders)
    {
        var parsed = GendbCallParser.Parse(sql);
        Assert.True(parsed.IsSuccess, parsed.ToString());
        return ProcedureBinder.Bind(Catalog, parsed.Call, placeholders);
    }

    private static BoundCall Bound(string sql, params PlaceholderValue[] placeholders)
    {
        var result = Bind(sql, placeholders);
        Assert.True(result.IsSuccess, result.ToString());
        return result.Call;
    }

    private static GendbError Failed(string sql, params PlaceholderValue[] placeholders)
    {
        var result = Bind(sql, placeholders);
        Assert.False(result.IsSuccess, result.ToString());
        return result.Error;
    }

    private static PlaceholderValue Binary(uint oid, params byte[] bytes) => PlaceholderValue.FromBinary(bytes, oid);

    private static PlaceholderValue Int4(int value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(bytes, value);
        return Binary(23, bytes);
    }

    [Fact]
    public void Bind_NoArguments_EveryParameterHasItsDefault()
    {
        var call = Bound("CALL gendb.return_generated()");

        Assert.Same(GendbProcedures.ReturnGenerated, call.Procedure);
        Assert.Equal(
            new Dictionary<string, object?> { ["include"] = null, ["exclude"] = null, ["scenario"] = "default", ["scope"] = "session" },
            call.Values);
    }

    [Fact]
    public void Bind_PositionalArguments_FillParametersInOrder()
    {
        var call = Bound("CALL gendb.return_generated('users', 'users_log', 'busy')");

        Assert.Equal(
            new Dictionary<string, object?> { ["include"] = "users", ["exclude"] = "users_log", ["scenario"] = "busy", ["scope"] = "session" },
            call.Values);
    }

    [Fact]
    public void Bind_NamedArgumentsInAnyOrder_FillTheirParameters()
    {
        var call = Bound("CALL gendb.return_actual(scope := 'session', include => 'orders')");

        Assert.Equal(
            new Dictionary<string, object?> { ["include"] = "orders", ["exclude"] = null, ["scope"] = "session" },
            call.Values);
    }

    [Fact]
    public void Bind_PositionalThenNamed_Combined()
    {
        var call = Bound("CALL gendb.return_generated('users', scenario => 'busy')");

        Assert.Equal("users", call.GetText("include"));
        Assert.Equal("busy", call.GetText("scenario"));
    }

    [Theory]
    [InlineData("table_name")]
    [InlineData("table_pattern")]
    [InlineData("include_tables")]
    [InlineData("TABLE_NAME")]
    public void Bind_IncludeAlias_SetsInclude(string alias)
    {
        var call = Bound($"CALL gendb.return_generated({alias} => 'users')");

        Assert.Equal("users", call.GetText("include"));
        Assert.DoesNotContain(alias.ToLowerInvariant(), call.Values.Keys);
    }

    [Fact]
    public void Bind_ExcludeAlias_SetsExclude()
    {
        var call = Bound("CALL gendb.return_actual(exclude_tables => 'audit_%')");

        Assert.Equal("audit_%", call.GetText("exclude"));
    }

    [Fact]
    public void Bind_NullForOptionalParameterWithDefault_IsNullNotTheDefault()
    {
        var call = Bound("CALL gendb.return_generated(scenario => NULL)");

        Assert.Null(call.Values["scenario"]);
    }

    [Fact]
    public void Bind_NullForRequiredParameter_22023()
    {
        var error = Failed("CALL gendb.fill_rows(NULL)");

        Assert.Equal("22023", error.SqlState);
        Assert.Equal("parameter \"table_name\" of gendb.fill_rows cannot be NULL", error.Message);
        Assert.Equal("Give table_name a text value.", error.Hint);
        Assert.Equal(22, error.Position);
    }

    [Fact]
    public void Bind_UnknownProcedure_42883ListingTheProcedures()
    {
        var error = Failed("CALL gendb.return_generate(include => 'users')");

        Assert.Equal("42883", error.SqlState);
        Assert.Equal("procedure gendb.return_generate does not exist", error.Message);
        Assert.Equal(
            "GenDB procedures: describe, drop_scenario, fill_rows, generate_data, help, plan, reset, return_actual, return_generated, status, sync. CALL gendb.help() lists their parameters.",
            error.Hint);
        Assert.Equal(12, error.Position);
    }

    [Fact]
    public void Bind_UnknownProcedureInDefaultCatalog_HintListsThemAll()
    {
        var parsed = GendbCallParser.Parse("CALL gendb.foo()");
        var error = ProcedureBinder.Bind(ProcedureCatalog.Default, parsed.Call!, []).Error;

        Assert.Equal("procedure gendb.foo does not exist", error!.Message);
        Assert.StartsWith("GenDB procedures: describe, drop_scenario, generate_data, help, plan, reset, return_actual, return_generated, status, sync.", error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_QuotedProcedureNameInAnotherCase_42883WithTheNameQuoted()
    {
        var error = Failed("CALL gendb.\"Help\"()");

        Assert.Equal("42883", error.SqlState);
        Assert.Equal("procedure gendb.\"Help\" does not exist", error.Message);
    }

    [Fact]
    public void Bind_UnknownArgumentName_22023ListingTheParameters()
    {
        var error = Failed("CALL gendb.return_generated(include => 'users', tables => 'x')");

        Assert.Equal("22023", error.SqlState);
        Assert.Equal("procedure gendb.return_generated has no parameter \"tables\"", error.Message);
        Assert.Equal("Parameters of gendb.return_generated: include, exclude, scenario, scope.", error.Hint);
        Assert.Equal(49, error.Position);
    }

    [Fact]
    public void Bind_ArgumentForProcedureWithoutParameters_HintSaysItTakesNone()
    {
        var error = Failed("CALL gendb.status(verbose => true)");

        Assert.Equal("22023", error.SqlState);
        Assert.Equal("gendb.status takes no arguments.", error.Hint);
    }

    [Fact]
    public void Bind_SameNameTwice_22023AtTheSecond()
    {
        var error = Failed("CALL gendb.return_generated(include => 'a', include => 'b')");

        Assert.Equal("22023", error.SqlState);
        Assert.Equal("parameter \"include\" of gendb.return_generated is given more than once", error.Message);
        Assert.Equal("Give each parameter once.", error.Hint);
        Assert.Equal(45, error.Position);
    }

    [Fact]
    public void Bind_NameAndAlias_22023NamingTheAlias()
    {
        var error = Failed("CALL gendb.return_generated(table_name => 'a', include => 'b')");

        Assert.Equal("22023", error.SqlState);
        Assert.Equal(
            "parameter \"include\" of gendb.return_generated is given more than once (table_name is another name for include)",
            error.Message);
    }

    [Fact]
    public void Bind_PositionalAndNamedForTheSameParameter_22023()
    {
        var error = Failed("CALL gendb.return_generated('a', include => 'b')");

        Assert.Equal("22023", error.SqlState);
        Assert.Equal(34, error.Position);
    }

    [Fact]
    public void Bind_TooManyPositionalArguments_22023AtTheFirstExtra()
    {
        var error = Failed("CALL gendb.return_actual('a', 'b', 'session', 'x')");

        Assert.Equal("22023", error.SqlState);
        Assert.Equal("too many arguments for gendb.return_actual: it takes 3 arguments, got 4", error.Message);
        Assert.Equal(
            "The signature is gendb.return_actual(include text DEFAULT NULL, exclude text DEFAULT NULL, scope text DEFAULT 'session').",
            error.Hint);
        Assert.Equal(47, error.Position);
    }

    [Fact]
    public void Bind_ArgumentForHelp_22023()
    {
        var error = Failed("CALL gendb.help('x')");

        Assert.Equal("too many arguments for gendb.help: it takes 0 arguments, got 1", error.Message);
    }

    [Fact]
    public void Bind_MissingRequired_22023AtTheProcedure()
    {
        var error = Failed("CALL gendb.fill_rows(rows => 5)");

        Assert.Equal("22023", error.SqlState);
        Assert.Equal("missing value for required parameter \"table_name\" of gendb.fill_rows", error.Message);
        Assert.Contains("gendb.fill_rows(table_name text, rows integer DEFAULT 100", error.Hint, StringComparison.Ordinal);
        Assert.Equal(12, error.Position);
    }

    [Theory]
    [InlineData("5", "the integer 5", "include => '5'")]
    [InlineData("-1.5", "the number -1.5", "include => '-1.5'")]
    [InlineData("true", "the boolean true", "include => 'true'")]
    public void Bind_NonTextLiteralForText_22023HintQuotesIt(string literal, string shown, string quoted)
    {
        var error = Failed($"CALL gendb.return_generated(include => {literal})");

        Assert.Equal("22023", error.SqlState);
        Assert.Equal($"invalid value for parameter \"include\" of gendb.return_generated: expected text, got {shown}", error.Message);
        Assert.Equal($"Quote text values in single quotes: {quoted}.", error.Hint);
        Assert.Equal(29, error.Position);
    }

    [Theory]
    [InlineData("250", 250L)]
    [InlineData("-3", -3L)]
    [InlineData("'250'", 250L)]
    [InlineData("' 7 '", 7L)]
    [InlineData("'-9223372036854775808'", long.MinValue)]
    [InlineData("$$12$$", 12L)]
    public void Bind_IntegerParameter_AcceptsIntegersAndIntegerStrings(string literal, long expected)
    {
        var call = Bound($"CALL gendb.fill_rows('users', rows => {literal})");

        Assert.Equal(expected, call.GetInteger("rows"));
        Assert.Equal(expected, call.Values["rows"]);
    }

    [Theory]
    [InlineData("1.5", "the number 1.5")]
    [InlineData("1e3", "the number 1000.0")]
    [InlineData("true", "the boolean true")]
    [InlineData("'abc'", "'abc'")]
    [InlineData("'1.5'", "'1.5'")]
    [InlineData("''", "''")]
    [InlineData("'99999999999999999999'", "'99999999999999999999'")]
    public void Bind_IntegerParameterGivenOtherValue_22023(string literal, string shown)
    {
        var error = Failed($"CALL gendb.fill_rows('users', rows => {literal})");

        Assert.Equal("22023", error.SqlState);
        Assert.Equal($"invalid value for parameter \"rows\" of gendb.fill_rows: expected integer, got {shown}", error.Message);
        Assert.Equal("Give rows a whole number, such as rows => 42 or rows => '42'.", error.Hint);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("FALSE", false)]
    [InlineData("'true'", true)]
    [InlineData("'False'", false)]
    [InlineData("'on'", true)]
    [InlineData("'OFF'", false)]
    [InlineData("'yes'", true)]
    [InlineData("'No'", false)]
    [InlineData("'1'", true)]
    [InlineData("'0'", false)]
    [InlineData("' yes '", true)]
    public void Bind_BooleanParameter_AcceptsBooleansAndBooleanWords(string literal, bool expected)
    {
        var call = Bound($"CALL gendb.fill_rows('users', truncate => {literal})");

        Assert.Equal(expected, call.GetBoolean("truncate"));
    }

    [Theory]
    [InlineData("1", "the integer 1")]
    [InlineData("'maybe'", "'maybe'")]
    [InlineData("'t'", "'t'")]
    [InlineData("0.0", "the number 0.0")]
    public void Bind_BooleanParameterGivenOtherValue_22023(string literal, string shown)
    {
        var error = Failed($"CALL gendb.fill_rows('users', truncate => {literal})");

        Assert.Equal("22023", error.SqlState);
        Assert.Equal($"invalid value for parameter \"truncate\" of gendb.fill_rows: expected boolean, got {shown}", error.Message);
        Assert.Equal("Give truncate true or false; 'on', 'off', 'yes', 'no', '1' and '0' work too.", error.Hint);
    }

    [Fact]
    public void Bind_AliasOfIntegerParameter_Converts()
    {
        var call = Bound("CALL gendb.fill_rows('users', row_count => '20')");

        Assert.Equal(20L, call.GetInteger("rows"));
    }

    [Fact]
    public void Bind_TextPlaceholder_IsTheText()
    {
        var call = Bound("CALL gendb.return_generated(include => $1, scenario => $2)", PlaceholderValue.FromText("users"), PlaceholderValue.FromText("é😀"));

        Assert.Equal("users", call.GetText("include"));
        Assert.Equal("é😀", call.GetText("scenario"));
    }

    [Fact]
    public void Bind_TextPlaceholderForIntegerAndBoolean_ConvertedLikeStrings()
    {
        var call = Bound(
            "CALL gendb.fill_rows($1, rows => $2, truncate => $3)",
            PlaceholderValue.FromText("users"),
            new PlaceholderValue(Encoding.UTF8.GetBytes("42"), 0, 23),
            PlaceholderValue.FromText("on"));

        Assert.Equal(42L, call.GetInteger("rows"));
        Assert.True(call.GetBoolean("truncate"));
    }

    [Fact]
    public void Bind_NullPlaceholder_IsNull()
    {
        var call = Bound("CALL gendb.return_generated(scope => $1)", PlaceholderValue.Null);

        Assert.Null(call.Values["scope"]);
    }

    [Fact]
    public void Bind_NullPlaceholderForRequired_22023()
    {
        var error = Failed("CALL gendb.fill_rows($1)", PlaceholderValue.Null);

        Assert.Equal("22023", error.SqlState);
        Assert.Equal("parameter \"table_name\" of gendb.fill_rows cannot be NULL", error.Message);
    }

    [Fact]
    public void Bind_BinaryIntegers_ReadBigEndian()
    {
        var int8 = new byte[8];
        BinaryPrimitives.WriteInt64BigEndian(int8, -5_000_000_000);

        Assert.Equal(-5_000_000_000, Bound("CALL gendb.fill_rows('t', rows => $1)", Binary(20, int8)).GetInteger("rows"));
        Assert.Equal(-2L, Bound("CALL gendb.fill_rows('t', rows => $1)", Binary(21, 0xFF, 0xFE)).GetInteger("rows"));
        Assert.Equal(258L, Bound("CALL gendb.fill_rows('t', rows => $1)", Int4(258)).GetInteger("rows"));
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(0, false)]
    [InlineData(7, true)]
    public void Bind_BinaryBool_NonZeroIsTrue(byte value, bool expected)
    {
        Assert.Equal(expected, Bound("CALL gendb.fill_rows('t', truncate => $1)", Binary(16, value)).GetBoolean("truncate"));
    }

    [Theory]
    [InlineData(0u)]
    [InlineData(19u)]
    [InlineData(25u)]
    [InlineData(705u)]
    [InlineData(1042u)]
    [InlineData(1043u)]
    public void Bind_BinaryTextTypes_AreUtf8Text(uint oid)
    {
        var call = Bound("CALL gendb.return_generated(include => $1)", Binary(oid, Encoding.UTF8.GetBytes("sales.*")));

        Assert.Equal("sales.*", call.GetText("include"));
    }

    [Fact]
    public void Bind_BinaryIntegerForText_22023HintSendsText()
    {
        var error = Failed("CALL gendb.return_generated(include => $1)", Int4(5));

        Assert.Equal("22023", error.SqlState);
        Assert.Equal("invalid value for parameter \"include\" of gendb.return_generated: expected text, got $1 = the integer 5", error.Message);
        Assert.Equal("Send $1 as text.", error.Hint);
    }

    [Fact]
    public void Bind_BinaryOfUnsupportedType_22023()
    {
        var error = Failed("CALL gendb.fill_rows('t', rows => $1)", Binary(700, 0x40, 0x49, 0x0F, 0xDB));

        Assert.Equal("22023", error.SqlState);
        Assert.Equal("unsupported parameter type for $1: binary format with type OID 700", error.Message);
        Assert.Equal("Send the parameter in text format, or in binary as bool, int2, int4, int8 or text.", error.Hint);
        Assert.Equal(27, error.Position);
    }

    [Fact]
    public void Bind_BinaryIntegerOfWrongLength_22P03()
    {
        var error = Failed("CALL gendb.fill_rows('t', rows => $1)", Binary(23, 0, 1));

        Assert.Equal("22P03", error.SqlState);
        Assert.Equal("incorrect binary data format in bind parameter 1", error.Message);
        Assert.Equal("A binary int4 takes 4 bytes, not 2.", error.Hint);
    }

    [Fact]
    public void Bind_UnknownFormatCode_22023()
    {
        var error = Failed("CALL gendb.return_generated($1)", new PlaceholderValue([0x61], 2, 0));

        Assert.Equal("22023", error.SqlState);
        Assert.Equal("unsupported format code 2 for parameter $1", error.Message);
    }

    [Theory]
    [InlineData(new byte[] { 0x61, 0xC3 }, "0xc3")]
    [InlineData(new byte[] { 0xFF, 0x61 }, "0xff 0x61")]
    [InlineData(new byte[] { 0x61, 0x00, 0x62 }, "0x00 0x62")]
    public void Bind_TextPlaceholderNotUtf8_22021(byte[] bytes, string shown)
    {
        var error = Failed("CALL gendb.return_generated($1)", new PlaceholderValue(bytes, 0, 0));

        Assert.Equal("22021", error.SqlState);
        Assert.Equal($"invalid byte sequence for encoding \"UTF8\": {shown}", error.Message);
    }

    [Fact]
    public void Bind_PlaceholderBeyondTheValues_42P02()
    {
        var error = Failed("CALL gendb.return_generated($1, $3)", PlaceholderValue.FromText("a"), PlaceholderValue.FromText("b"));

        Assert.Equal("42P02", error.SqlState);
        Assert.Equal("there is no parameter $3", error.Message);
        Assert.Equal("Only 2 parameter values came with the statement.", error.Hint);
        Assert.Equal(33, error.Position);
    }

    [Fact]
    public void Bind_PlaceholderWithoutValues_42P02HintWritesTheValue()
    {
        var error = Failed("CALL gendb.return_generated(include => $1)");

        Assert.Equal("42P02", error.SqlState);
        Assert.Equal("there is no parameter $1", error.Message);
        Assert.Contains("write the value into the call", error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_Errors_BecomePostgresErrorsWithSeverityError()
    {
        var error = Failed("CALL gendb.nope()").ToPostgresError();

        Assert.Equal(("ERROR", "42883", 12), (error.Severity, error.SqlState, error.Position));
        Assert.False(error.IsFatal);
    }

    [Fact]
    public void BoundCall_GetterOfWrongType_Throws()
    {
        var call = Bound("CALL gendb.fill_rows('users')");

        Assert.Throws<InvalidOperationException>(() => call.GetInteger("table_name"));
        Assert.Throws<ArgumentException>(() => call.GetText("nope"));
        Assert.Throws<ArgumentException>(() => call.GetInteger("row_count"));
    }

    [Fact]
    public void BoundCall_ToString_ShowsEveryParameter()
    {
        var call = Bound("CALL gendb.fill_rows('it''s', truncate => true)");

        Assert.Equal("gendb.fill_rows(table_name => 'it''s', rows => 100, seed => NULL, truncate => true)", call.ToString());
    }
}
