using System.Text.RegularExpressions;
using GenDb.Protocol;
using Npgsql;

namespace GenDb.Sql.Npgsql;

/// <summary>
/// An <see cref="ISqlSession"/> over a plain Npgsql connection: how GENDB commands run against a
/// database directly, without the proxy.
/// </summary>
/// <remarks>
/// <para>
/// Values come back as the server writes them in text, as through the proxy: every column is asked
/// for in text format, whatever its type.
/// </para>
/// <para>
/// Errors keep the server's fields. Npgsql replaces an error's detail (which may quote the data)
/// with a notice saying so unless the connection string has <c>Include Error Detail=true</c>.
/// </para>
/// <para>
/// Npgsql keeps the server's transaction status to itself, so <see cref="TransactionStatus"/> is a
/// best effort: it follows the transaction control statements run through this session (BEGIN,
/// START TRANSACTION, COMMIT, END, ROLLBACK, ABORT, ROLLBACK TO SAVEPOINT, each as a statement of its
/// own) and the errors inside a block. A transaction begun on the connection in any other way, with
/// <see cref="NpgsqlConnection.BeginTransaction()"/> say, is not seen: the session says Idle.
/// </para>
/// <para>
/// COPY streams the data as it comes, through Npgsql's text import (text and CSV) or raw binary
/// copy (binary). Npgsql does not read the server's reply until the data ends, so an error in the
/// middle of the data is reported once all of it has been sent; and it drops the <c>COPY n</c>
/// tag, so the row count is counted in the data (<see cref="CopyRowCounter"/>).
/// </para>
/// </remarks>
public sealed partial class NpgsqlSqlSession(NpgsqlConnection connection) : ISqlSession
{
    public TransactionStatus TransactionStatus { get; private set; } = TransactionStatus.Idle;

    public async Task<SqlResult> QueryAsync(string sql, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sql);
        try
        {
            await using var command = new NpgsqlCommand(sql, connection) { AllResultTypesAreUnknown = true };
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);

            // As through the proxy: the rows of the last statement that returned rows.
            IReadOnlyList<string> columns = [];
            var rows = new List<string?[]>();
            do
            {
                if (reader.FieldCount == 0)
                {
                    continue;
                }

                var names = new string[reader.FieldCount];
                for (var i = 0; i < names.Length; i++)
                {
                    names[i] = reader.GetName(i);
                }

                columns = names;
                rows = [];
                while (await reader.ReadAsync(cancellationToken))
                {
                    var row = new string?[names.Length];
                    for (var i = 0; i < row.Length; i++)
                    {
                        row[i] = reader.IsDBNull(i) ? null : reader.GetString(i);
                    }

                    rows.Add(row);
                }
            }
            while (await reader.NextResultAsync(cancellationToken));

            FollowTransactionControl(sql);
            return new SqlResult(columns, rows, null);
        }
        catch (PostgresException ex)
        {
            FailTransactionBlock();
            throw ToSqlError(ex);
        }
        catch (OperationCanceledException ex) when (ex.InnerException is PostgresException)
        {
            // Npgsql had the server cancel the statement: a transaction block is failed now.
            FailTransactionBlock();
            throw;
        }
    }

    public async Task<long> CopyInAsync(string copyStatement, IAsyncEnumerable<ReadOnlyMemory<byte>> data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        var counter = CopyRowCounter.For(copyStatement);
        CopyTarget target;
        try
        {
            // Npgsql's text import refuses binary data, its raw copy refuses text: both stream
            // the bytes given, unchanged.
            target = counter.IsBinary
                ? CopyTarget.Of(await connection.BeginRawBinaryCopyAsync(copyStatement, cancellationToken))
                : CopyTarget.Of(await connection.BeginTextImportAsync(copyStatement, cancellationToken));
        }
        catch (PostgresException ex)
        {
            FailTransactionBlock();
            throw ToSqlError(ex);
        }

        try
        {
            // Writes take no token: one cut short would leave half a message on the wire.
            await foreach (var chunk in data.WithCancellation(cancellationToken))
            {
                cancellationToken.ThrowIfCancellationRequested();
                counter.Add(chunk.Span);
                await target.Stream.WriteAsync(chunk, CancellationToken.None);
            }

            cancellationToken.ThrowIfCancellationRequested();
        }
        catch (Exception ex) when (ex is not NpgsqlException)
        {
            await FailCopyAsync(target);
            throw;
        }

        try
        {
            await target.Complete();
        }
        catch (PostgresException ex)
        {
            FailTransactionBlock();
            throw ToSqlError(ex);
        }

        return counter.Complete();
    }

    /// <summary>
    /// CopyFail: the server rolls the COPY back and the connection goes on. An error the server
    /// reported before it (bad data) is not the reason the COPY ends here, and is not reported.
    /// </summary>
    private async Task FailCopyAsync(CopyTarget target)
    {
        FailTransactionBlock();
        try
        {
            await target.Cancel();
        }
        catch (PostgresException)
        {
            // The server had failed the COPY already.
        }
    }

    /// <summary>The server's error as GenDB carries it: code, message, and the fields that name objects.</summary>
    private static SqlErrorException ToSqlError(PostgresException exception) =>
        new(new PostgresError(exception.InvariantSeverity, exception.SqlState, exception.MessageText)
        {
            Detail = exception.Detail,
            Hint = exception.Hint,
            Position = exception.Position > 0 ? exception.Position : null,
            SchemaName = exception.SchemaName,
            TableName = exception.TableName,
            ColumnName = exception.ColumnName,
            ConstraintName = exception.ConstraintName,
        }, exception);

    private void FailTransactionBlock()
    {
        if (TransactionStatus == TransactionStatus.InTransaction)
        {
            TransactionStatus = TransactionStatus.Failed;
        }
    }

    private void FollowTransactionControl(string sql)
    {
        if (ChainsTransaction().IsMatch(sql) || BeginsTransaction().IsMatch(sql) ||
            (RollsBackToSavepoint().IsMatch(sql) && TransactionStatus != TransactionStatus.Idle))
        {
            TransactionStatus = TransactionStatus.InTransaction;
        }
        else if (EndsTransaction().IsMatch(sql))
        {
            TransactionStatus = TransactionStatus.Idle;
        }
    }

    [GeneratedRegex(@"^\s*(?:BEGIN|START\s+TRANSACTION)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BeginsTransaction();

    [GeneratedRegex(@"^\s*(?:COMMIT|END|ROLLBACK|ABORT)(?:\s+(?:WORK|TRANSACTION))?\s+AND\s+CHAIN\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ChainsTransaction();

    [GeneratedRegex(@"^\s*ROLLBACK(?:\s+(?:WORK|TRANSACTION))?\s+TO\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RollsBackToSavepoint();

    [GeneratedRegex(@"^\s*(?:(?:COMMIT|END|ROLLBACK|ABORT)\b(?!\s+PREPARED)|PREPARE\s+TRANSACTION\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EndsTransaction();

    /// <summary>Where COPY data goes, and how the COPY ends, for either of Npgsql's COPY streams.</summary>
    private sealed record CopyTarget(Stream Stream, Func<ValueTask> Complete, Func<Task> Cancel)
    {
        public static CopyTarget Of(NpgsqlRawCopyStream stream) => new(stream, stream.DisposeAsync, stream.CancelAsync);

        // The writer's base stream takes the bytes as they are; disposing the writer sends CopyDone
        // and reads the server's verdict. After CancelAsync the writer is done with, undisposed:
        // disposing it then would flush into the closed COPY.
        public static CopyTarget Of(NpgsqlCopyTextWriter writer) => new(writer.BaseStream, writer.DisposeAsync, writer.CancelAsync);
    }
}
