using GenDb.Protocol;

namespace GenDb.Commands.Tests;

public sealed class GendbErrorTests
{
    [Fact]
    public void ToPostgresError_AllFields_CarriedOverWithSeverityError()
    {
        var error = new GendbError("42601", "syntax error at or near \"x\"", "Quote it.", 7).ToPostgresError();

        Assert.Equal(
            new PostgresError(PostgresError.Error, "42601", "syntax error at or near \"x\"") { Hint = "Quote it.", Position = 7 },
            error);
        Assert.False(error.IsFatal);
    }

    [Fact]
    public void ToPostgresError_NoHintNoPosition_NullFields()
    {
        var error = new GendbError("0A000", "m", null, null).ToPostgresError();

        Assert.Null(error.Hint);
        Assert.Null(error.Position);
        Assert.Null(error.Detail);
    }

    [Fact]
    public void ToPostgresError_WrittenAndReadBack_Same()
    {
        var error = new GendbError("22023", "invalid value for parameter \"rows\"", "Give rows a whole number.", 31).ToPostgresError();
        var bytes = new MessageBuilder().ErrorResponse(error).ToArray();

        Assert.Equal(error, PostgresError.Parse(bytes.AsSpan(5)));
    }
}
