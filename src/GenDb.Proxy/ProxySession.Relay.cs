using System.Buffers;
using System.Buffers.Binary;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using GenDb.Protocol;

namespace GenDb.Proxy;

/// <summary>Where a copy sub-protocol stands, as announced by the server.</summary>
public enum CopyState
{
    None,
    CopyIn,
    CopyOut,
    CopyBoth,
}

internal sealed partial class ProxySession
{
    /// <summary>Server messages tracked for session state are small; a larger one is streamed unseen.</summary>
    private const int TrackedMessageLimit = 64 * 1024;

    private enum ScanStop
    {
        /// <summary>Every byte up to the end of the buffer may go.</summary>
        EndOfBuffer,
        /// <summary>A frame the relay must see whole is incomplete: read more first.</summary>
        NeedMoreData,
        /// <summary>The hook claimed the frame that follows the forwarded bytes.</summary>
        Claimed,
        /// <summary>The client sent Terminate (forwarded).</summary>
        Terminated,
        /// <summary>A length field below 4: the peer is not speaking the protocol.</summary>
        InvalidLength,
    }

    // Replies the server still owes for relayed Query, FunctionCall and Sync messages. Raised by the
    // client loop, lowered by each ReadyForQuery the server sends; at zero (or below, were a count
    // ever off) everything relayed so far has been answered.
    private int _pendingReadyForQuery;

    // Syncs since the last Execute or Query: if CopyData/CopyDone/CopyFail follow, the server was in
    // copy-in mode when it read them, and it ignores Sync there (protocol docs, "COPY Operations").
    private int _syncsSinceExecute;

    // Bytes still to stream of a frame whose start was already relayed; each owned by one loop.
    private long _clientSkip;
    private long _backendSkip;

    private volatile TransactionStatus _transactionStatus;
    private volatile CopyState _copyState;

    // Parse/Bind/Describe/Execute/Close/Flush were relayed since the last Sync: a safe point for the
    // proxy's own commands is after a Sync, never inside an extended-protocol batch.
    private volatile bool _unsyncedExtended;
    private volatile bool _clientTerminated;

    // The server sent its first ReadyForQuery, or reported DISCARD ALL/TEMP: the hook is told
    // before the client's next message goes on.
    private volatile bool _sessionReset;
    private bool _clientMidMessage;
    private volatile bool _backendSentFatal;

    /// <summary>The transaction status of the server's last ReadyForQuery.</summary>
    public TransactionStatus TransactionStatus => _transactionStatus;

    public CopyState CopyState => _copyState;

    public bool HasUnsyncedExtendedMessages => _unsyncedExtended;

    private async Task RelayAsync()
    {
        // The relay loops take no cancellation token: registering one on every read and send
        // costs more than the relaying itself. They end when their socket does: Abort shuts the
        // server connection down and cancels the client read.
        var clientTask = RelayClientAsync();
        var backendTask = RelayBackendAsync();
        var first = await Task.WhenAny(clientTask, backendTask);

        // Whichever side ended first, the other one must end too: the server rolls back an open
        // transaction when its connection goes, and the client loop stops on a cancelled read.
        ShutdownQuietly(_backend);
        if (first == backendTask)
        {
            _clientReader.CancelPendingRead();
        }

        await Task.WhenAll(clientTask, backendTask);
    }

    private async Task RelayClientAsync()
    {
        var reader = _clientReader;
        var backend = _backend!;
        try
        {
            while (true)
            {
                var result = await reader.ReadAsync();
                var buffer = result.Buffer;
                if (result.IsCanceled)
                {
                    reader.AdvanceTo(buffer.Start);
                    return;
                }

                if (_sessionReset && _hook is not null && !buffer.IsEmpty)
                {
                    // The session became ready or was reset since the client last spoke: the hook
                    // restores its state before the client's next message reaches the server.
                    _sessionReset = false;
                    if (!await RunHookAsync(h => h.OnSessionResetAsync(this, _abort.Token), _abort.Token))
                    {
                        reader.AdvanceTo(buffer.Start);
                        return;
                    }
                }

                while (true)
                {
                    var stop = ScanClient(buffer, out var forward, out var claimedLength);
                    if (forward > 0)
                    {
                        await SendAsync(backend, buffer.Slice(0, forward));
                        Interlocked.Add(ref _bytesFromClient, forward);
                        buffer = buffer.Slice(forward);
                    }

                    if (stop == ScanStop.Claimed)
                    {
                        var frame = buffer.Slice(0, claimedLength);
                        var type = frame.FirstSpan[0];
                        var body = frame.Slice(FrameHeader.Size).ToArray();
                        buffer = buffer.Slice(claimedLength);
                        Interlocked.Add(ref _bytesFromClient, claimedLength);
                        if (!await RunHookAsync(h => h.HandleAsync(type, body, this, _abort.Token), _abort.Token))
                        {
                            reader.AdvanceTo(buffer.Start);
                            return;
                        }

                        continue;
                    }

                    switch (stop)
                    {
                        case ScanStop.NeedMoreData:
                            _clientMidMessage = true;
                            reader.AdvanceTo(buffer.Start, buffer.End);
                            break;
                        case ScanStop.Terminated:
                            SetClosing(null, "client sent Terminate");
                            reader.AdvanceTo(buffer.End);
                            return;
                        case ScanStop.InvalidLength:
                            Log.ProtocolViolation(_logger, _info.Id, _info.ClientAddress, "a message length below 4");
                            SetClosing(PostgresError.CreateFatal(SqlState.ProtocolViolation, "invalid message length",
                                "The client sent bytes that are not a PostgreSQL protocol message; the connection is closed."),
                                "protocol violation by the client");
                            reader.AdvanceTo(buffer.Start);
                            return;
                        default:
                            _clientMidMessage = _clientSkip > 0;
                            reader.AdvanceTo(buffer.End);
                            break;
                    }

                    break;
                }

                if (result.IsCompleted)
                {
                    SetClosing(null, _clientMidMessage ? "client vanished in the middle of a message" : "client disconnected");
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Abort: the reason was set by whoever aborted.
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException)
        {
            Log.SideFailed(_logger, _info.Id, _info.ClientAddress, "client", ex);
            SetClosing(null, (_clientMidMessage ? "client vanished in the middle of a message: " : "client connection lost: ") + ex.Message);
        }
    }

    /// <summary>
    /// Walks the client's frames from the start of <paramref name="buffer"/>: counts what the server
    /// will answer, finds where the bytes that may be relayed as they are end, and why.
    /// </summary>
    private ScanStop ScanClient(in ReadOnlySequence<byte> buffer, out long forward, out long claimedLength)
    {
        claimedLength = 0;
        var length = buffer.Length;
        var offset = SkipStreamed(ref _clientSkip, length);
        var hook = _hook;
        while (true)
        {
            if (!TryFrameAt(buffer, offset, out var rest, out var header, out var stop))
            {
                forward = offset;
                return stop;
            }

            var available = length - offset;
            var frameLength = header.FrameLength;
            if (hook is not null && frameLength <= _options.MaxHookedMessageSize && hook.IsCandidate(header.Type))
            {
                if (available < frameLength)
                {
                    forward = offset;
                    return ScanStop.NeedMoreData;
                }

                if (HookClaims(hook, header.Type, rest.Slice(FrameHeader.Size, header.BodyLength)))
                {
                    forward = offset;
                    claimedLength = frameLength;
                    return ScanStop.Claimed;
                }
            }

            TrackClientMessage(header.Type);
            if (available < frameLength)
            {
                _clientSkip = frameLength - available;
                forward = length;
                return ScanStop.EndOfBuffer;
            }

            offset += frameLength;
            if (header.Type == (byte)FrontendMessageType.Terminate)
            {
                // Known before the Terminate is sent: the server closes at once on it, and its
                // end must not be taken for a server that died.
                _clientTerminated = true;
                forward = offset;
                return ScanStop.Terminated;
            }
        }
    }

    private static bool HookClaims(IClientMessageHook hook, byte type, in ReadOnlySequence<byte> body)
    {
        if (body.IsSingleSegment)
        {
            return hook.Claims(type, body.FirstSpan);
        }

        var rented = ArrayPool<byte>.Shared.Rent((int)body.Length);
        try
        {
            body.CopyTo(rented);
            return hook.Claims(type, rented.AsSpan(0, (int)body.Length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private void TrackClientMessage(byte type)
    {
        switch ((FrontendMessageType)type)
        {
            case FrontendMessageType.Query:
                _syncsSinceExecute = 0;
                Interlocked.Increment(ref _pendingReadyForQuery);
                break;
            case FrontendMessageType.FunctionCall:
                Interlocked.Increment(ref _pendingReadyForQuery);
                break;
            case FrontendMessageType.Sync:
                _unsyncedExtended = false;
                _syncsSinceExecute++;
                Interlocked.Increment(ref _pendingReadyForQuery);
                break;
            case FrontendMessageType.Execute:
                _syncsSinceExecute = 0;
                _unsyncedExtended = true;
                break;
            case FrontendMessageType.Parse:
            case FrontendMessageType.Bind:
            case FrontendMessageType.Describe:
            case FrontendMessageType.Close:
            case FrontendMessageType.Flush:
                _unsyncedExtended = true;
                break;
            case FrontendMessageType.CopyData:
            case FrontendMessageType.CopyDone:
            case FrontendMessageType.CopyFail:
                if (_syncsSinceExecute > 0)
                {
                    Interlocked.Add(ref _pendingReadyForQuery, -_syncsSinceExecute);
                    _syncsSinceExecute = 0;
                }

                break;
            default:
                break;
        }
    }

    private async Task<bool> RunHookAsync(Func<IClientMessageHook, ValueTask> call, CancellationToken cancellationToken)
    {
        try
        {
            await call(_hook!);
            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return false;
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException)
        {
            Log.SideFailed(_logger, _info.Id, _info.ClientAddress, "server", ex);
            SetClosing(ServerLost(), "server connection lost while GenDB was using it");
            return false;
        }
        catch (Exception ex)
        {
            // The hook's own failures are ErrorResponses it sends itself; reaching here is a bug,
            // and the session's protocol state can no longer be trusted.
            Log.HookFailed(_logger, _info.Id, _info.ClientAddress, ex);
            SetClosing(PostgresError.CreateFatal(SqlState.InternalError, "GenDB internal error: " + ex.Message,
                "This is a bug in GenDB; the proxy's log has the details. Reconnect to go on."), "hook failed");
            return false;
        }
    }

    private async Task RelayBackendAsync()
    {
        var reader = _backendReader!;
        var client = _client;
        try
        {
            while (true)
            {
                if (_parkRequested && _backendSkip == 0 && Volatile.Read(ref _pendingReadyForQuery) <= 0)
                {
                    await ParkAsync();
                }

                var result = await reader.ReadAsync();
                var buffer = result.Buffer;
                if (result.IsCanceled && buffer.IsEmpty && !result.IsCompleted)
                {
                    reader.AdvanceTo(buffer.Start);
                    continue;
                }

                var stop = ScanBackend(buffer, out var forward);
                if (forward > 0)
                {
                    await SendAsync(client, buffer.Slice(0, forward));
                    Interlocked.Add(ref _bytesFromServer, forward);
                }

                if (stop == ScanStop.InvalidLength)
                {
                    SetClosing(PostgresError.CreateFatal(SqlState.ProtocolViolation,
                        $"the server at {_options.Upstream} sent an invalid message",
                        "Check that --upstream points at a PostgreSQL server."), "protocol violation by the server");
                    reader.AdvanceTo(buffer.Start);
                    return;
                }

                if (stop == ScanStop.NeedMoreData)
                {
                    reader.AdvanceTo(buffer.GetPosition(forward), buffer.End);
                }
                else
                {
                    reader.AdvanceTo(buffer.End);
                }

                if (result.IsCompleted)
                {
                    if (_clientTerminated)
                    {
                        SetClosing(null, "client sent Terminate");
                    }
                    else if (_backendSentFatal)
                    {
                        SetClosing(null, "server ended the session");
                    }
                    else
                    {
                        SetClosing(ServerLost(), "server closed the connection");
                    }

                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Abort: the reason was set by whoever aborted.
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException)
        {
            Log.SideFailed(_logger, _info.Id, _info.ClientAddress, "server", ex);
            SetClosing(_clientTerminated ? null : ServerLost(), "connection lost: " + ex.Message);
        }
        finally
        {
            FailPendingLease();
        }
    }

    private ScanStop ScanBackend(in ReadOnlySequence<byte> buffer, out long forward)
    {
        var length = buffer.Length;
        var offset = SkipStreamed(ref _backendSkip, length);
        while (true)
        {
            if (!TryFrameAt(buffer, offset, out var rest, out var header, out var stop))
            {
                forward = offset;
                return stop;
            }

            var available = length - offset;
            var frameLength = header.FrameLength;
            if (IsTracked(header.Type) && frameLength <= TrackedMessageLimit)
            {
                if (available < frameLength)
                {
                    forward = offset;
                    return ScanStop.NeedMoreData;
                }

                TrackBackendMessage(header.Type, rest.Slice(FrameHeader.Size, header.BodyLength), answersClient: true);
            }

            if (available < frameLength)
            {
                _backendSkip = frameLength - available;
                forward = length;
                return ScanStop.EndOfBuffer;
            }

            offset += frameLength;
        }
    }

    /// <summary>The bytes at the start of a buffer that still belong to a frame already partly relayed.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static long SkipStreamed(ref long skip, long length)
    {
        var skipped = Math.Min(skip, length);
        skip -= skipped;
        return skipped;
    }

    /// <summary>
    /// The frame whose header starts at <paramref name="offset"/>, or why there is none to look
    /// at: the buffer ends there, its header is cut short, or its length field is below 4.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryFrameAt(in ReadOnlySequence<byte> buffer, long offset, out ReadOnlySequence<byte> rest, out FrameHeader header, out ScanStop stop)
    {
        header = default;
        rest = default;
        if (offset == buffer.Length)
        {
            stop = ScanStop.EndOfBuffer;
            return false;
        }

        rest = buffer.Slice(offset);
        if (!FrameHeader.TryRead(rest, out header))
        {
            stop = ScanStop.NeedMoreData;
            return false;
        }

        stop = ScanStop.InvalidLength;
        return header.IsValid;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsTracked(byte type) => (BackendMessageType)type is
        BackendMessageType.ReadyForQuery or BackendMessageType.BackendKeyData or BackendMessageType.ParameterStatus or
        BackendMessageType.ErrorResponse or BackendMessageType.CopyInResponse or BackendMessageType.CopyOutResponse or
        BackendMessageType.CopyBothResponse or BackendMessageType.CopyDone or BackendMessageType.CommandComplete;

    // Connection pools reset a session with these; they drop its temp objects (PostgreSQL docs, DISCARD).
    private static bool IsTempReset(in ReadOnlySequence<byte> tag) =>
        tag.FirstSpan.StartsWith("DISCARD ALL"u8) || tag.FirstSpan.StartsWith("DISCARD TEMP"u8);

    private void TrackBackendMessage(byte type, in ReadOnlySequence<byte> body, bool answersClient)
    {
        switch ((BackendMessageType)type)
        {
            case BackendMessageType.ReadyForQuery:
                _transactionStatus = (TransactionStatus)FirstByte(body);
                _copyState = CopyState.None;
                if (!_info.IsAuthenticated)
                {
                    _info.IsAuthenticated = true;
                    _sessionReset = true;
                }

                if (answersClient)
                {
                    Interlocked.Decrement(ref _pendingReadyForQuery);
                }

                break;
            case BackendMessageType.BackendKeyData when body.Length >= 4:
                Span<byte> pid = stackalloc byte[4];
                body.Slice(0, 4).CopyTo(pid);
                _info.BackendProcessId = BinaryPrimitives.ReadInt32BigEndian(pid);
                _cancelSecret = body.Slice(4).ToArray();
                break;
            case BackendMessageType.ParameterStatus:
                var pair = body.ToArray();
                if (StartupParameters.TryParse(pair, out var values) || values.Count > 0)
                {
                    foreach (var (name, value) in values)
                    {
                        _info.SetServerParameter(name, value);
                    }
                }

                break;
            case BackendMessageType.ErrorResponse:
                _copyState = CopyState.None;
                if (PostgresError.Parse(body.ToArray()).IsFatal)
                {
                    _backendSentFatal = true;
                }

                break;
            case BackendMessageType.CopyInResponse:
                _copyState = CopyState.CopyIn;
                break;
            case BackendMessageType.CopyOutResponse:
                _copyState = CopyState.CopyOut;
                break;
            case BackendMessageType.CopyBothResponse:
                _copyState = CopyState.CopyBoth;
                break;
            case BackendMessageType.CopyDone:
                _copyState = CopyState.None;
                break;
            case BackendMessageType.CommandComplete when answersClient && IsTempReset(body):
                _sessionReset = true;
                break;
            default:
                break;
        }
    }

    private static byte FirstByte(in ReadOnlySequence<byte> body) => body.IsEmpty ? (byte)0 : body.FirstSpan[0];

    private PostgresError ServerLost() => PostgresError.CreateFatal(SqlState.ConnectionFailure,
        $"the PostgreSQL server at {_options.Upstream} closed the connection unexpectedly",
        "The server process ended (a restart, a crash, or pg_terminate_backend); reconnect to start a new session.");

    /// <summary>
    /// Writes relayed bytes. The sockets are non-blocking, so the common case — room in the
    /// kernel's send buffer — is one send(2) with no async machinery; only a full buffer (a slow
    /// reader) falls back to awaiting, which is also what applies backpressure.
    /// </summary>
    private static ValueTask SendAsync(Socket socket, in ReadOnlySequence<byte> data)
    {
        if (!data.IsSingleSegment)
        {
            return SendSegmentsAsync(socket, data);
        }

        var memory = data.First;
        var sent = socket.Send(memory.Span, SocketFlags.None, out var error);
        if (error == SocketError.Success && sent == memory.Length)
        {
            return default;
        }

        if (error is not (SocketError.Success or SocketError.WouldBlock))
        {
            throw new SocketException((int)error);
        }

        return SendAllAsync(socket, memory[Math.Max(sent, 0)..], CancellationToken.None);
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private static async ValueTask SendSegmentsAsync(Socket socket, ReadOnlySequence<byte> data)
    {
        foreach (var segment in data)
        {
            await SendAllAsync(socket, segment, CancellationToken.None);
        }
    }

    private static void ShutdownQuietly(Socket? socket)
    {
        try
        {
            socket?.Shutdown(SocketShutdown.Both);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // Already closed.
        }
    }
}
