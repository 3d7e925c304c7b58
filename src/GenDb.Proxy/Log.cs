using System.Net;
using Microsoft.Extensions.Logging;

namespace GenDb.Proxy;

/// <summary>Every log line of the proxy, with stable event ids.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Listening on {Listen}, relaying to PostgreSQL at {Upstream}")]
    public static partial void Listening(ILogger logger, EndPoint listen, UpstreamEndpoint upstream);

    [LoggerMessage(2, LogLevel.Information, "Stopping: no new connections; {Count} open session(s) get {Timeout} to finish")]
    public static partial void Stopping(ILogger logger, int count, TimeSpan timeout);

    [LoggerMessage(3, LogLevel.Warning, "Closing {Count} session(s) still open after the shutdown timeout")]
    public static partial void ClosingLeftoverSessions(ILogger logger, int count);

    [LoggerMessage(4, LogLevel.Error, "Accepting a connection failed")]
    public static partial void AcceptFailed(ILogger logger, Exception exception);

    [LoggerMessage(10, LogLevel.Information, "Session {SessionId} opened: client {Client}, user {User}, database {Database}")]
    public static partial void SessionOpened(ILogger logger, long sessionId, string client, string user, string database);

    [LoggerMessage(11, LogLevel.Information, "Session {SessionId} closed: client {Client}, user {User}, database {Database}, {DurationMs} ms, {BytesFromClient} bytes from client, {BytesFromServer} bytes from server, {Reason}")]
    public static partial void SessionClosed(ILogger logger, long sessionId, string client, string user, string database, long durationMs, long bytesFromClient, long bytesFromServer, string reason);

    [LoggerMessage(12, LogLevel.Warning, "Session {SessionId} from {Client}: {Reason}")]
    public static partial void SessionRejected(ILogger logger, long sessionId, string client, string reason);

    [LoggerMessage(13, LogLevel.Debug, "Session {SessionId} from {Client}: answered {Request} with 'N'")]
    public static partial void EncryptionDeclined(ILogger logger, long sessionId, string client, string request);

    [LoggerMessage(14, LogLevel.Information, "Session {SessionId} from {Client}: forwarded a cancel request to {Upstream}")]
    public static partial void CancelForwarded(ILogger logger, long sessionId, string client, UpstreamEndpoint upstream);

    [LoggerMessage(15, LogLevel.Warning, "Session {SessionId} from {Client}: could not forward a cancel request to {Upstream}")]
    public static partial void CancelForwardFailed(ILogger logger, long sessionId, string client, UpstreamEndpoint upstream, Exception exception);

    [LoggerMessage(16, LogLevel.Error, "Session {SessionId} from {Client}: cannot reach PostgreSQL at {Upstream}")]
    public static partial void UpstreamUnreachable(ILogger logger, long sessionId, string client, UpstreamEndpoint upstream, Exception exception);

    [LoggerMessage(17, LogLevel.Warning, "Session {SessionId} from {Client}: protocol violation: {Reason}")]
    public static partial void ProtocolViolation(ILogger logger, long sessionId, string client, string reason);

    [LoggerMessage(18, LogLevel.Error, "Session {SessionId} from {Client}: a message hook failed")]
    public static partial void HookFailed(ILogger logger, long sessionId, string client, Exception exception);

    [LoggerMessage(19, LogLevel.Debug, "Session {SessionId} from {Client}: {Side} connection ended with an error")]
    public static partial void SideFailed(ILogger logger, long sessionId, string client, string side, Exception exception);

    [LoggerMessage(20, LogLevel.Information, "Session {SessionId} from {Client}: a cancel request stopped the GENDB command of backend {ProcessId}")]
    public static partial void LeasedCommandCancelled(ILogger logger, long sessionId, string client, int processId);
}
