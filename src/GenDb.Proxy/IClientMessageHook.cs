using GenDb.Protocol;

namespace GenDb.Proxy;

/// <summary>
/// Sees client messages before they are relayed and may take some of them over. One instance per
/// session, so it may keep per-session state (named statements, routing).
/// </summary>
/// <remarks>
/// The relay asks <see cref="IsCandidate"/> for every message type it meets and holds a candidate
/// message whole (up to <see cref="ProxyOptions.MaxHookedMessageSize"/>) before asking
/// <see cref="Claims"/>; both run on the hot path and must not allocate. Only a claimed message
/// reaches <see cref="HandleAsync"/>, and is never sent to the server.
/// </remarks>
public interface IClientMessageHook
{
    bool IsCandidate(byte messageType);

    bool Claims(byte messageType, ReadOnlySpan<byte> body);

    /// <summary>
    /// Handles a claimed message. Everything the client sent before it has been relayed. To answer
    /// in order, or to talk to the server, take <see cref="ISessionChannel.AcquireBackendAsync"/>.
    /// </summary>
    ValueTask HandleAsync(byte messageType, ReadOnlyMemory<byte> body, ISessionChannel session, CancellationToken cancellationToken);

    /// <summary>
    /// Called before the client's next message is relayed, once the session is authenticated and
    /// again after the server reported <c>DISCARD ALL</c> or <c>DISCARD TEMP</c> (which drop temp
    /// objects): the moment to restore per-session state in the server.
    /// </summary>
    ValueTask OnSessionResetAsync(ISessionChannel session, CancellationToken cancellationToken);
}

/// <summary>What a hook may know of and do with the session it runs in.</summary>
public interface ISessionChannel
{
    SessionInfo Info { get; }

    /// <summary>
    /// Parse/Bind/Describe/Execute/Close/Flush messages were relayed to the server since the last
    /// Sync it was sent: the server is inside an extended-protocol batch.
    /// </summary>
    bool HasUnsyncedExtendedMessages { get; }

    /// <summary>
    /// Waits until the server has answered everything relayed so far (its last ReadyForQuery is
    /// out to the client), then holds the backend connection: the relay of server messages pauses
    /// until the lease is disposed, so the lease's reads see every server message and its writes
    /// to the client keep their order.
    /// </summary>
    ValueTask<IBackendLease> AcquireBackendAsync(CancellationToken cancellationToken);
}

/// <summary>Exclusive use of the backend connection and of the client's output.</summary>
public interface IBackendLease : IAsyncDisposable
{
    /// <summary>The status of the server's last ReadyForQuery.</summary>
    TransactionStatus TransactionStatus { get; }

    ValueTask SendToBackendAsync(ReadOnlyMemory<byte> messages, CancellationToken cancellationToken);

    /// <summary>
    /// Cancelled when the client sends a CancelRequest for this session while the lease is held
    /// (the request also went to the server, which cancels the statement running then, if any).
    /// Work of many statements under the lease stops on it; the client expects 57014.
    /// </summary>
    CancellationToken ClientCancellation { get; }

    /// <summary>
    /// The next whole message from the server, with its body copied out. NotificationResponse and
    /// ParameterStatus are relayed to the client on the way, never returned.
    /// </summary>
    ValueTask<BackendMessage> ReadBackendMessageAsync(CancellationToken cancellationToken);

    /// <summary>
    /// As <see cref="ReadBackendMessageAsync"/>, but only if a whole message has already arrived;
    /// null, without waiting for the server, when none has. The way to notice, while streaming
    /// COPY data, that the server has already failed the COPY.
    /// </summary>
    ValueTask<BackendMessage?> TryReadBackendMessageAsync(CancellationToken cancellationToken);

    ValueTask SendToClientAsync(ReadOnlyMemory<byte> messages, CancellationToken cancellationToken);

    /// <summary>Passes a message read from the server on to the client, as the relay would have.</summary>
    ValueTask ForwardToClientAsync(BackendMessage message, CancellationToken cancellationToken);
}

/// <summary>What is known of a session: from its startup packet and from the server's replies.</summary>
public sealed class SessionInfo
{
    private readonly Dictionary<string, string> _serverParameters = new(StringComparer.Ordinal);

    internal SessionInfo(long id, string clientAddress)
    {
        Id = id;
        ClientAddress = clientAddress;
    }

    public long Id { get; }
    public string ClientAddress { get; }
    public string User { get; internal set; } = string.Empty;
    public string Database { get; internal set; } = string.Empty;
    public string? ApplicationName { get; internal set; }

    /// <summary>Set once the server sent its first ReadyForQuery: authentication is over.</summary>
    public bool IsAuthenticated { get; internal set; }

    public int BackendProcessId { get; internal set; }

    /// <summary>A ParameterStatus value as last reported by the server (server_version, TimeZone, …).</summary>
    public string? GetServerParameter(string name)
    {
        lock (_serverParameters)
        {
            return _serverParameters.GetValueOrDefault(name);
        }
    }

    internal void SetServerParameter(string name, string value)
    {
        lock (_serverParameters)
        {
            _serverParameters[name] = value;
        }
    }
}
