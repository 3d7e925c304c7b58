using GenDb.Protocol;
using GenDb.Sql;

namespace GenDb.Sql;

/// <summary>
/// Where a GENDB command runs its SQL: the client's own server session when it comes through the
/// proxy (so temp views land there and privileges are the client's), or a plain connection.
/// </summary>
public interface ISqlSession
{
    /// <summary>The transaction status of the session's last ReadyForQuery.</summary>
    TransactionStatus TransactionStatus { get; }

    /// <summary>
    /// Runs one simple-protocol query and returns the rows of its last result set, as text.
    /// Throws <see cref="SqlErrorException"/> with the server's error when a statement fails.
    /// </summary>
    Task<SqlResult> QueryAsync(string sql, CancellationToken cancellationToken);

    /// <summary>
    /// Runs one <c>COPY ... FROM STDIN</c> statement and streams <paramref name="data"/> to it:
    /// COPY data in the statement's format, in chunks of any size (a chunk need not end on a row).
    /// Each chunk is sent before the next is asked for, so a producer may reuse its buffer.
    /// Returns the row count of the COPY command tag. A server error (during or after the data)
    /// throws <see cref="SqlErrorException"/>; cancellation ends the COPY with CopyFail and throws
    /// <see cref="OperationCanceledException"/>, the session still usable.
    /// </summary>
    Task<long> CopyInAsync(string copyStatement, IAsyncEnumerable<ReadOnlyMemory<byte>> data, CancellationToken cancellationToken);
}

/// <summary>Rows in text form, NULL as null.</summary>
public sealed record SqlResult(IReadOnlyList<string> Columns, IReadOnlyList<string?[]> Rows, string? CommandTag)
{
    public static SqlResult Empty { get; } = new([], [], null);
}

/// <summary>A statement GenDB sent failed on the server.</summary>
public sealed class SqlErrorException : Exception
{
    public SqlErrorException(PostgresError error)
        : base(error.Message) => Error = error;

    /// <summary>The server's error, as a driver reported it in <paramref name="innerException"/>.</summary>
    public SqlErrorException(PostgresError error, Exception innerException)
        : base(error.Message, innerException) => Error = error;

    public SqlErrorException()
        : this(PostgresError.CreateError(SqlState.InternalError, "SQL failed"))
    {
    }

    public SqlErrorException(string message)
        : this(PostgresError.CreateError(SqlState.InternalError, message))
    {
    }

    public SqlErrorException(string message, Exception innerException)
        : base(message, innerException) => Error = PostgresError.CreateError(SqlState.InternalError, message);

    public PostgresError Error { get; }
}
