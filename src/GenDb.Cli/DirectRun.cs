using System.Net.Sockets;
using GenDb.Commands.Configuration;
using GenDb.Commands.Execution;
using GenDb.Protocol;
using GenDb.Sql;
using Npgsql;

namespace GenDb.Cli;

/// <summary>
/// What <c>gendb generate</c>, <c>inspect</c> and <c>config check</c> share: gendb.yaml, the
/// connection, the transaction the work runs in, and how each failure becomes a message on
/// standard error and an exit code (see <see cref="ExitCodes"/>).
/// </summary>
internal sealed class DirectRun(string command, CliHost host)
{
    /// <summary>Runs <paramref name="body"/>; a failure it does not handle itself is reported and becomes its exit code.</summary>
    public async Task<int> GuardAsync(Func<Task<int>> body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        try
        {
            return await body();
        }
        catch (UsageException ex)
        {
            await ReportAsync(ex.Message);
            return ExitCodes.Usage;
        }
        catch (GendbConfigException ex)
        {
            await ReportAsync(ex.Message);
            return ExitCodes.Usage;
        }
        catch (ConnectionStringException ex)
        {
            await ReportAsync($"--db: {ex.Message}");
            return ExitCodes.Usage;
        }
        catch (CannotConnectException ex)
        {
            await ReportAsync(ex.Message);
            return ExitCodes.Unavailable;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await ReportAsync("interrupted; the running statement was cancelled and the transaction rolled back");
            return ExitCodes.Interrupted;
        }
        catch (GendbCommandException ex) when (ex.Error.SqlState is SqlState.UndefinedTable or SqlState.InvalidParameterValue)
        {
            // --include naming no table, a value the command refuses: the arguments, not the data.
            await ReportAsync(ex.Error);
            return ExitCodes.Usage;
        }
        catch (GendbCommandException ex)
        {
            await ReportAsync(ex.Error);
            return ExitCodes.DataError;
        }
        catch (SqlErrorException ex)
        {
            await ReportAsync(ex.Error);
            return ExitCodes.DataError;
        }
        catch (NpgsqlException ex) when (ex is not PostgresException)
        {
            // The server went away mid-run (restart, network): as unavailable as one that never answered.
            await ReportAsync($"lost the connection to PostgreSQL: {ex.Message}");
            return ExitCodes.Unavailable;
        }
    }

    /// <summary>gendb.yaml: the file given, else found as <c>gendb serve</c> finds it, else none.</summary>
    public static GendbConfig LoadConfig(string? path) => ServeCommand.LoadConfig(path);

    /// <summary>An open connection for <paramref name="db"/>, or <see cref="CannotConnectException"/> saying to what and why not.</summary>
    public async Task<NpgsqlConnection> ConnectAsync(string? db, CancellationToken cancellationToken)
    {
        var builder = ConnectionStrings.Resolve(db, host.Environment);
        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch (Exception ex) when (ex is NpgsqlException or SocketException or TimeoutException or IOException)
        {
            await connection.DisposeAsync();
            var why = ex is PostgresException postgres ? $"{postgres.MessageText} (SQLSTATE {postgres.SqlState})"
                : ex.InnerException is { } inner && !ex.Message.Contains(inner.Message, StringComparison.Ordinal) ? $"{ex.Message}: {inner.Message}"
                : ex.Message;
            throw new CannotConnectException($"cannot connect to {ConnectionStrings.Describe(builder)}: {why}", ex);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> in a transaction: COMMIT when it succeeds and
    /// <paramref name="commit"/> says so, ROLLBACK otherwise, and on any failure, Ctrl-C included.
    /// COMMIT and ROLLBACK do not take the token: once cancelled, it would stop them too.
    /// </summary>
    public static async Task<T> InTransactionAsync<T>(ISqlSession session, bool commit, Func<Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(work);
        await session.QueryAsync("BEGIN", cancellationToken);
        T result;
        try
        {
            result = await work();
        }
        catch
        {
            await TryRollbackAsync(session);
            throw;
        }

        await session.QueryAsync(commit ? "COMMIT" : "ROLLBACK", CancellationToken.None);
        return result;
    }

    /// <summary>A warning the server or the engine sends as it goes; NOTICEs repeat what the progress shows.</summary>
    public ValueTask SendNoticeAsync(PostgresError notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notice);
        return notice.Severity == PostgresError.Notice
            ? ValueTask.CompletedTask
            : new ValueTask(host.Error.WriteLineAsync($"gendb {command}: {notice.Severity}: {notice.Message}"));
    }

    /// <summary><c>gendb generate: message</c> on standard error.</summary>
    public Task ReportAsync(string message) => host.Error.WriteLineAsync($"gendb {command}: {message}");

    /// <summary>A server-side error as psql prints one, with its SQLSTATE, so a script can tell them apart.</summary>
    public async Task ReportAsync(PostgresError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        await host.Error.WriteLineAsync(Describe(command, error));
    }

    /// <summary>
    /// <c>gendb generate: ERROR 23514: message</c>, then <c>DETAIL:</c> and <c>HINT:</c> lines when
    /// the error has them.
    /// </summary>
    public static string Describe(string command, PostgresError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var text = $"gendb {command}: {error.Severity} {error.SqlState}: {error.Message}";
        if (error.Detail is { Length: > 0 } detail)
        {
            text += $"{Environment.NewLine}DETAIL:  {detail}";
        }

        if (error.Hint is { Length: > 0 } hint)
        {
            text += $"{Environment.NewLine}HINT:  {hint}";
        }

        return text;
    }

    private static async Task TryRollbackAsync(ISqlSession session)
    {
        try
        {
            await session.QueryAsync("ROLLBACK", CancellationToken.None);
        }
        catch (Exception ex) when (ex is SqlErrorException or NpgsqlException or InvalidOperationException or IOException)
        {
            // The connection is broken or busy: closing it ends the transaction on the server anyway.
        }
    }
}

/// <summary>An argument the parser let through but the command cannot use (negative rows, a bad scenario name): exit 64.</summary>
internal sealed class UsageException : Exception
{
    public UsageException(string message)
        : base(message)
    {
    }

    public UsageException()
    {
    }

    public UsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>PostgreSQL could not be reached, or refused the connection: exit 69.</summary>
internal sealed class CannotConnectException : Exception
{
    public CannotConnectException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public CannotConnectException()
    {
    }

    public CannotConnectException(string message)
        : base(message)
    {
    }
}
