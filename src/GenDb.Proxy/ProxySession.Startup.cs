using System.Buffers;
using System.Buffers.Binary;
using System.IO.Pipelines;
using System.Net.Sockets;
using System.Security.Cryptography;
using GenDb.Protocol;

namespace GenDb.Proxy;

/// <summary>
/// Finds the session a CancelRequest names (backend process id and secret key) and cancels the
/// GenDB command it is running under a backend lease; false when there is none.
/// </summary>
internal delegate bool LeaseCanceller(int processId, ReadOnlySpan<byte> secretKey);

internal sealed partial class ProxySession
{
    private static readonly byte[] DeclineEncryption = "N"u8.ToArray();

    // CancelRequest: int32 length, int32 code, int32 process id, then the secret key (4 bytes in
    // protocol 3.0, up to 256 in 3.2).
    private const int CancelKeyOffset = 12;

    // The secret key of the server's BackendKeyData, as relayed to the client: a CancelRequest
    // naming this session must carry it. Written by the server loop, read by other sessions.
    private volatile byte[]? _cancelSecret;

    /// <summary>
    /// Reads startup packets until a StartupMessage has been forwarded to a new server connection
    /// (true) or the connection is done with (false): a cancel request, a refusal, a vanished client.
    /// </summary>
    private async Task<bool> RunStartupAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.StartupTimeout);
        while (true)
        {
            ReadResult result;
            try
            {
                result = await _clientReader.ReadAsync(timeout.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                Log.SessionRejected(_logger, _info.Id, _info.ClientAddress, "no startup packet within the startup timeout");
                return false;
            }

            var buffer = result.Buffer;
            switch (StartupPacket.TryRead(buffer, out var packet, out var error))
            {
                case StartupPacketStatus.NeedMoreData:
                    if (result.IsCompleted || result.IsCanceled)
                    {
                        if (!buffer.IsEmpty)
                        {
                            Log.SessionRejected(_logger, _info.Id, _info.ClientAddress, "the client closed the connection in the middle of a startup packet");
                        }

                        return false;
                    }

                    _clientReader.AdvanceTo(buffer.Start, buffer.End);
                    continue;

                case StartupPacketStatus.Invalid:
                    Log.ProtocolViolation(_logger, _info.Id, _info.ClientAddress, error!);
                    await RefuseAsync(PostgresError.CreateFatal(SqlState.ProtocolViolation, error!,
                        "Connect with a PostgreSQL client (protocol 3.x) to this address."), timeout.Token);
                    return false;
            }

            var packetBytes = buffer.Slice(0, packet.Length);
            switch (packet.Kind)
            {
                case StartupPacketKind.SslRequest:
                case StartupPacketKind.GssEncRequest:
                    // TLS and GSSAPI encryption are not offered: 'N' tells the client to go on in the
                    // clear (or give up, if it demands encryption), with its next startup packet on
                    // this same socket.
                    _clientReader.AdvanceTo(packetBytes.End);
                    Log.EncryptionDeclined(_logger, _info.Id, _info.ClientAddress, packet.Kind.ToString());
                    await SendAllAsync(_client, DeclineEncryption, timeout.Token);
                    continue;

                case StartupPacketKind.CancelRequest:
                    var cancel = packetBytes.ToArray();
                    _clientReader.AdvanceTo(packetBytes.End);

                    // The server first: it cancels the statement running now. Once it has the
                    // request, a GENDB command stopping between two statements cannot have the
                    // cancel land on the ROLLBACK or the next statement it sends.
                    await ForwardCancelAsync(cancel, timeout.Token);
                    CancelLeasedCommand(cancel);
                    return false;

                case StartupPacketKind.Unsupported:
                    var message = $"unsupported frontend protocol {StartupCodes.MajorVersion(packet.Code)}.{StartupCodes.MinorVersion(packet.Code)}: server supports 3.0 to 3.x";
                    Log.ProtocolViolation(_logger, _info.Id, _info.ClientAddress, message);
                    await RefuseAsync(PostgresError.CreateFatal(SqlState.ProtocolViolation, message,
                        "Use a client that speaks PostgreSQL protocol 3."), timeout.Token);
                    return false;

                default:
                    return await StartRelayedSessionAsync(packetBytes, timeout.Token);
            }
        }
    }

    private async Task<bool> StartRelayedSessionAsync(ReadOnlySequence<byte> packetBytes, CancellationToken cancellationToken)
    {
        var startup = packetBytes.ToArray();
        _clientReader.AdvanceTo(packetBytes.End);
        if (StartupParameters.TryParse(startup.AsSpan(8), out var parameters))
        {
            _info.User = parameters.GetValueOrDefault("user", string.Empty);
            _info.Database = parameters.GetValueOrDefault("database", _info.User);
            _info.ApplicationName = parameters.GetValueOrDefault("application_name");
        }

        if (!_limiter.TryAcquire())
        {
            Log.SessionRejected(_logger, _info.Id, _info.ClientAddress, $"too many connections (limit {_options.MaxConnections})");
            await RefuseAsync(PostgresError.CreateFatal(SqlState.TooManyConnections,
                "sorry, too many clients already",
                $"GenDB relays at most {_options.MaxConnections} sessions at once; close idle connections or start it with a larger --max-connections."),
                cancellationToken);
            return false;
        }

        _holdsSlot = true;
        try
        {
            _backend = await _options.Upstream.ConnectAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is SocketException or IOException or OperationCanceledException)
        {
            Log.UpstreamUnreachable(_logger, _info.Id, _info.ClientAddress, _options.Upstream, ex);
            var reason = ex is OperationCanceledException ? "timed out" : ex.Message;
            await RefuseAsync(PostgresError.CreateFatal(SqlState.SqlClientUnableToEstablishSqlConnection,
                $"GenDB could not connect to the PostgreSQL server at {_options.Upstream}: {reason}",
                "Check that PostgreSQL is running there, or start gendb serve with --upstream HOST:PORT."),
                cancellationToken);
            return false;
        }

        _backendReader = CreateReader(_backend, _options);

        // Forwarded byte for byte: the server negotiates the protocol version (NegotiateProtocolVersion
        // for 3.2 or unknown minors and options) and runs authentication with the client directly.
        // The server answers a StartupMessage with one ReadyForQuery, once authentication is over.
        _pendingReadyForQuery = 1;
        await SendAllAsync(_backend, startup, cancellationToken);
        Interlocked.Add(ref _bytesFromClient, startup.Length);
        return true;
    }

    /// <summary>
    /// A CancelRequest goes to the server unchanged over a new connection; the client expects no
    /// reply on its cancel socket, only that it is closed.
    /// </summary>
    private async Task ForwardCancelAsync(byte[] cancel, CancellationToken cancellationToken)
    {
        try
        {
            using var upstream = await _options.Upstream.ConnectAsync(cancellationToken);
            await SendAllAsync(upstream, cancel, cancellationToken);
            upstream.Shutdown(SocketShutdown.Send);

            // The server closes once it has read the request; waiting for that keeps the request
            // from being cut off by an early reset.
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            wait.CancelAfter(TimeSpan.FromSeconds(2));
            var sink = new byte[64];
            while (await upstream.ReceiveAsync(sink, SocketFlags.None, wait.Token) > 0)
            {
            }

            Log.CancelForwarded(_logger, _info.Id, _info.ClientAddress, _options.Upstream);
        }
        catch (Exception ex) when (ex is SocketException or IOException or OperationCanceledException)
        {
            Log.CancelForwardFailed(_logger, _info.Id, _info.ClientAddress, _options.Upstream, ex);
        }
    }

    /// <summary>
    /// PostgreSQL cancels only a statement that is running, and drops a cancel that arrives between
    /// two; a GENDB command runs many statements, so the proxy stops it itself, through its lease.
    /// </summary>
    private void CancelLeasedCommand(ReadOnlySpan<byte> cancel)
    {
        if (_leaseCanceller is null || cancel.Length <= CancelKeyOffset)
        {
            return;
        }

        var processId = BinaryPrimitives.ReadInt32BigEndian(cancel[8..]);
        if (_leaseCanceller(processId, cancel[CancelKeyOffset..]))
        {
            Log.LeasedCommandCancelled(_logger, _info.Id, _info.ClientAddress, processId);
        }
    }

    /// <summary>
    /// Whether a CancelRequest with this process id and secret key names this session. The key is
    /// compared in constant time, as PostgreSQL does, so that timing does not reveal it.
    /// </summary>
    internal bool IsNamedBy(int processId, ReadOnlySpan<byte> secretKey)
    {
        var secret = _cancelSecret;
        return secret is not null && _info.BackendProcessId == processId && CryptographicOperations.FixedTimeEquals(secret, secretKey);
    }

    /// <summary>Sends a FATAL error during startup; the connection closes after it.</summary>
    private async Task RefuseAsync(PostgresError error, CancellationToken cancellationToken)
    {
        _closeDecided = 1;
        try
        {
            await SendAllAsync(_client, new MessageBuilder().ErrorResponse(error).Written, cancellationToken);
        }
        catch (Exception ex) when (ex is SocketException or IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The client left first.
        }
    }
}
