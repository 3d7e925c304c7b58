namespace GenDb.Embedded;

/// <summary>A PostgreSQL tool (initdb, pg_ctl, psql, ...) failed: which command, its exit code and what it said.</summary>
public sealed class PostgresCommandException : Exception
{
    public PostgresCommandException()
        : this("A PostgreSQL command failed.")
    {
    }

    public PostgresCommandException(string message)
        : base(message)
    {
        Command = string.Empty;
        StandardError = string.Empty;
    }

    public PostgresCommandException(string message, Exception innerException)
        : base(message, innerException)
    {
        Command = string.Empty;
        StandardError = string.Empty;
    }

    public PostgresCommandException(string command, int? exitCode, string standardError, Exception? innerException = null, string? detail = null)
        : base(Describe(command, exitCode, standardError, detail), innerException)
    {
        Command = command;
        ExitCode = exitCode;
        StandardError = standardError;
    }

    /// <summary>The command line that failed, quoted as a shell would need it.</summary>
    public string Command { get; }

    /// <summary>The exit code, or null when the program could not be started at all.</summary>
    public int? ExitCode { get; }

    public string StandardError { get; }

    private static string Describe(string command, int? exitCode, string standardError, string? detail)
    {
        var outcome = exitCode is { } code ? $"exited with code {code}" : "could not be started";
        var message = $"`{command}` {outcome}.";
        if (!string.IsNullOrWhiteSpace(standardError))
        {
            message += $"{Environment.NewLine}stderr:{Environment.NewLine}{standardError.TrimEnd()}";
        }

        if (!string.IsNullOrWhiteSpace(detail))
        {
            message += $"{Environment.NewLine}{detail.TrimEnd()}";
        }

        return message;
    }
}
