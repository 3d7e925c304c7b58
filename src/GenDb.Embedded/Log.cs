using Microsoft.Extensions.Logging;

namespace GenDb.Embedded;

/// <summary>Log events of the embedded cluster. Event ids 1000-1099 belong to GenDb.Embedded and never change meaning.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "Starting a throwaway PostgreSQL cluster in {Directory} with binaries from {BinDirectory}")]
    public static partial void ClusterStarting(ILogger logger, string directory, string binDirectory);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "PostgreSQL cluster listening on {Host}:{Port} after {ElapsedMilliseconds} ms")]
    public static partial void ClusterStarted(ILogger logger, string host, int port, long elapsedMilliseconds);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "initdb with --locale={Locale} failed, retrying with --no-locale: {Error}")]
    public static partial void LocaleFallback(ILogger logger, string locale, string error);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "Port {Port} was taken before PostgreSQL could bind it (attempt {Attempt} of {MaxAttempts}); trying another")]
    public static partial void PortTaken(ILogger logger, int port, int attempt, int maxAttempts);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Debug, Message = "Running {Command}")]
    public static partial void RunningCommand(ILogger logger, string command);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Information, Message = "Created role {Role} ({Method})")]
    public static partial void RoleCreated(ILogger logger, string role, PasswordMethod method);

    [LoggerMessage(EventId = 1010, Level = LogLevel.Information, Message = "Stopping the PostgreSQL cluster on port {Port}")]
    public static partial void ClusterStopping(ILogger logger, int port);

    [LoggerMessage(EventId = 1011, Level = LogLevel.Information, Message = "PostgreSQL cluster stopped and {Directory} removed")]
    public static partial void ClusterStopped(ILogger logger, string directory);

    [LoggerMessage(EventId = 1012, Level = LogLevel.Warning, Message = "pg_ctl stop -m {Mode} failed; escalating")]
    public static partial void StopFailed(ILogger logger, string mode, Exception exception);

    [LoggerMessage(EventId = 1013, Level = LogLevel.Warning, Message = "Killed postmaster process {ProcessId} after pg_ctl could not stop it")]
    public static partial void PostmasterKilled(ILogger logger, int processId);

    [LoggerMessage(EventId = 1014, Level = LogLevel.Warning, Message = "Could not remove {Directory}; delete it by hand")]
    public static partial void DirectoryNotRemoved(ILogger logger, string directory, Exception exception);

    [LoggerMessage(EventId = 1015, Level = LogLevel.Warning, Message = "The process is exiting without disposing the PostgreSQL cluster in {Directory}; stopping it now")]
    public static partial void StoppingAtProcessExit(ILogger logger, string directory);
}
