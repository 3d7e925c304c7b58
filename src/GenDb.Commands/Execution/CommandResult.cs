using GenDb.Protocol;

namespace GenDb.Commands.Execution;

/// <summary>The PostgreSQL types a GENDB result column can have.</summary>
public enum ResultType
{
    Text,
    Bigint,
    Boolean,
}

public sealed record ResultColumn(string Name, ResultType Type)
{
    /// <summary>The type OID that RowDescription announces.</summary>
    public uint TypeOid => Type switch
    {
        ResultType.Bigint => 20,
        ResultType.Boolean => 16,
        _ => 25,
    };

    public short TypeSize => Type switch
    {
        ResultType.Bigint => 8,
        ResultType.Boolean => 1,
        _ => -1,
    };
}

/// <summary>What a GENDB command answers: a result set saying what it did, and notices.</summary>
public sealed record CommandResult(IReadOnlyList<ResultColumn> Columns, IReadOnlyList<object?[]> Rows)
{
    public IReadOnlyList<PostgresError> Notices { get; init; } = [];
}

/// <summary>A GENDB command failed in a way the user can act on.</summary>
public sealed class GendbCommandException : Exception
{
    public GendbCommandException(PostgresError error)
        : base(error.Message) => Error = error;

    public GendbCommandException()
        : this(PostgresError.CreateError(SqlState.InternalError, "GENDB command failed"))
    {
    }

    public GendbCommandException(string message)
        : this(PostgresError.CreateError(SqlState.InternalError, message))
    {
    }

    public GendbCommandException(string message, Exception innerException)
        : base(message, innerException) => Error = PostgresError.CreateError(SqlState.InternalError, message);

    public PostgresError Error { get; }
}
