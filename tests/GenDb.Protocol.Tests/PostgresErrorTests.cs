using System.Buffers.Binary;
using System.Text;
using CsCheck;
using GenDb.Protocol.Tests.Support;

namespace GenDb.Protocol.Tests;

public sealed class PostgresErrorTests
{
    private static readonly Gen<string> Severities = Gen.OneOf<string>(
        Gen.OneOf(PostgresError.Error, PostgresError.Fatal, "PANIC", PostgresError.Notice, "WARNING", "INFO", "LOG", "DEBUG"),
        TextGen.CString);

    private static readonly Gen<PostgresError> Errors =
        Gen.Select(
            Severities,
            TextGen.CString,
            TextGen.CString,
            TextGen.CString.Null(),
            TextGen.CString.Null(),
            Gen.Int.Nullable(),
            (severity, sqlState, message, detail, hint, position) =>
                new PostgresError(severity, sqlState, message) { Detail = detail, Hint = hint, Position = position });

    /// <summary>The one message in <paramref name="builder"/>: its type byte, length field and body.</summary>
    private static (byte Type, int Length, byte[] Body) Single(MessageBuilder builder)
    {
        var bytes = builder.ToArray();
        return (bytes[0], BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(1)), bytes[5..]);
    }

    [Fact]
    public void ParseOfErrorResponse_AnyError_RoundTrips()
    {
        Errors.Sample(error =>
        {
            var (_, _, body) = Single(new MessageBuilder().ErrorResponse(error));

            Assert.Equal(error, PostgresError.Parse(body));
        }, iter: 1000);
    }

    [Fact]
    public void ErrorResponse_AnyError_LengthIsBytesWrittenLessTypeByte()
    {
        Errors.Sample(error =>
        {
            var builder = new MessageBuilder(initialCapacity: 0).ErrorResponse(error);
            var (_, length, body) = Single(builder);

            Assert.Equal(builder.Length - 1, length);
            Assert.Equal(length - 4, body.Length);
            Assert.Equal(0, body[^1]);
        }, iter: 1000);
    }

    [Theory]
    [InlineData(PostgresError.Error, BackendMessageType.ErrorResponse)]
    [InlineData(PostgresError.Fatal, BackendMessageType.ErrorResponse)]
    [InlineData("PANIC", BackendMessageType.ErrorResponse)]
    [InlineData(PostgresError.Notice, BackendMessageType.NoticeResponse)]
    [InlineData("WARNING", BackendMessageType.NoticeResponse)]
    [InlineData("INFO", BackendMessageType.NoticeResponse)]
    [InlineData("LOG", BackendMessageType.NoticeResponse)]
    [InlineData("DEBUG", BackendMessageType.NoticeResponse)]
    public void ErrorResponse_BySeverity_ErrorOrNoticeType(string severity, BackendMessageType type)
    {
        var (written, _, _) = Single(new MessageBuilder().ErrorResponse(new PostgresError(severity, "01000", "m")));

        Assert.Equal((byte)type, written);
    }

    [Fact]
    public void ErrorResponse_AllFields_WrittenInOrderAsCStrings()
    {
        var error = PostgresError.CreateError(SqlState.SyntaxError, "syntax error at or near \"é\"", "check the quotes") with
        {
            Detail = "détail",
            Position = 12,
        };

        var (type, length, body) = Single(new MessageBuilder().ErrorResponse(error));

        Assert.Equal((byte)'E', type);
        Assert.Equal(4 + body.Length, length);
        var expected = "SERROR\0VERROR\0C42601\0Msyntax error at or near \"é\"\0Ddétail\0Hcheck the quotes\0P12\0\0";
        Assert.Equal(expected, Encoding.UTF8.GetString(body));
    }

    [Fact]
    public void ErrorResponse_NoOptionalFields_OnlySeverityCodeAndMessage()
    {
        var (_, _, body) = Single(new MessageBuilder().ErrorResponse(PostgresError.CreateFatal(SqlState.TooManyConnections, "too many")));

        Assert.Equal("SFATAL\0VFATAL\0C53300\0Mtoo many\0\0", Encoding.UTF8.GetString(body));
    }

    [Theory]
    [InlineData("SFATAL\0C28000\0Mpassword authentication failed\0\0", PostgresError.Fatal, true)]
    [InlineData("SPANIC\0CXX000\0Mcrash\0\0", "PANIC", true)]
    [InlineData("SERROR\0C42P01\0Mno table\0\0", PostgresError.Error, false)]
    [InlineData("SFATAL\0VFATAL\0C28000\0Mx\0\0", PostgresError.Fatal, true)]
    [InlineData("SSCHWERWIEGEND\0VFATAL\0C28000\0Mx\0\0", PostgresError.Fatal, true)]
    [InlineData("SFEHLER\0VERROR\0C42P01\0Mx\0\0", PostgresError.Error, false)]
    [InlineData("SWARNUNG\0VWARNING\0C01000\0Mx\0\0", "WARNING", false)]
    public void Parse_SeverityFields_NonLocalizedWinsAndOldServersStillFatal(string body, string severity, bool fatal)
    {
        var error = PostgresError.Parse(Encoding.UTF8.GetBytes(body));

        Assert.Equal(severity, error.Severity);
        Assert.Equal(fatal, error.IsFatal);
    }

    [Fact]
    public void Parse_OlderServerOnlyLocalizedFatal_IsFatalWithCodeAndMessage()
    {
        var error = PostgresError.Parse("SFATAL\0C28000\0Mpassword authentication failed for user \"bob\"\0\0"u8);

        Assert.True(error.IsFatal);
        Assert.Equal(new PostgresError(PostgresError.Fatal, "28000", "password authentication failed for user \"bob\""), error);
    }

    [Fact]
    public void Parse_FieldsGenDbDoesNotKeep_Skipped()
    {
        var error = PostgresError.Parse("SERROR\0VERROR\0C42P01\0Mrelation \"t\" does not exist\0P15\0Fparse_relation.c\0L1449\0RparserOpenTable\0\0"u8);

        Assert.Equal(new PostgresError(PostgresError.Error, SqlState.UndefinedTable, "relation \"t\" does not exist") { Position = 15 }, error);
    }

    [Fact]
    public void Parse_ObjectNameFields_Kept()
    {
        var error = PostgresError.Parse(
            "SERROR\0VERROR\0C23505\0Mduplicate key value violates unique constraint \"users_pkey\"\0Dkey (id)=(1) already exists.\0spublic\0tusers\0cid\0nusers_pkey\0\0"u8);

        Assert.Equal(("public", "users", "id", "users_pkey"), (error.SchemaName, error.TableName, error.ColumnName, error.ConstraintName));
    }

    [Fact]
    public void ErrorResponse_ObjectNameFields_RoundTrip()
    {
        var error = PostgresError.CreateError("23502", "null value in column \"email\"") with
        {
            SchemaName = "app",
            TableName = "users",
            ColumnName = "email",
            ConstraintName = "users_email_not_null",
        };

        var (_, _, body) = Single(new MessageBuilder().ErrorResponse(error));

        Assert.Equal(error, PostgresError.Parse(body));
    }

    [Fact]
    public void Parse_Empty_InternalErrorWithNoMessage()
    {
        var error = PostgresError.Parse([]);

        Assert.Equal(new PostgresError(PostgresError.Error, SqlState.InternalError, string.Empty), error);
        Assert.False(error.IsFatal);
    }

    [Fact]
    public void Parse_LastFieldUnterminated_KeepsFieldsBeforeIt()
    {
        var error = PostgresError.Parse("VFATAL\0C57P01\0Mterminating conn"u8);

        Assert.Equal(PostgresError.Fatal, error.Severity);
        Assert.Equal(SqlState.AdminShutdown, error.SqlState);
        Assert.Equal(string.Empty, error.Message);
    }

    [Fact]
    public void Parse_PositionNotANumber_NoPosition()
    {
        var error = PostgresError.Parse("VERROR\0C42601\0Mx\0Pabc\0\0"u8);

        Assert.Null(error.Position);
    }

    [Fact]
    public void ToString_SeverityCodeMessage()
    {
        var error = PostgresError.CreateError(SqlState.UndefinedFunction, "function gendb.nope() does not exist");

        Assert.Equal("ERROR 42883: function gendb.nope() does not exist", error.ToString());
    }
}
