using System.Buffers;
using System.IO.Pipelines;
using GenDb.Protocol;

namespace GenDb.Proxy;

internal sealed partial class ProxySession
{
    private volatile bool _parkRequested;
    private TaskCompletionSource? _parkedSignal;
    private TaskCompletionSource? _resumeSignal;
    private bool _leaseHeld;

    // The held lease's ClientCancellation. A cancel request for this session arrives on another
    // connection's thread; the gate keeps it from cancelling a source the lease is disposing.
    private readonly Lock _leaseCancellationGate = new();
    private CancellationTokenSource? _leaseCancellation;

    // Stops the watch on the client socket when the lease ends.
    private CancellationTokenSource? _clientWatch;

    /// <summary>How often a held lease looks whether its client has gone.</summary>
    internal static readonly TimeSpan ClientWatchInterval = TimeSpan.FromMilliseconds(200);

    public async ValueTask<IBackendLease> AcquireBackendAsync(CancellationToken cancellationToken)
    {
        if (_leaseHeld)
        {
            throw new InvalidOperationException("The server connection is already leased.");
        }

        var parked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var resume = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _resumeSignal = resume;
        _parkedSignal = parked;
        _parkRequested = true;

        // Wakes the server loop if it is waiting for bytes; it parks as soon as every reply owed
        // to the client has been relayed.
        _backendReader!.CancelPendingRead();
        try
        {
            await parked.Task.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            _parkRequested = false;
            resume.TrySetResult();
            throw;
        }

        var clientCancellation = new CancellationTokenSource();
        lock (_leaseCancellationGate)
        {
            _leaseCancellation = clientCancellation;
        }

        _leaseHeld = true;
        var watch = new CancellationTokenSource();
        _clientWatch = watch;
        _ = WatchClientAsync(watch.Token);
        return new BackendLease(this, clientCancellation.Token);
    }

    /// <summary>
    /// A client's CancelRequest named this session: cancels the held lease's
    /// <see cref="IBackendLease.ClientCancellation"/>. False when no lease is held.
    /// </summary>
    internal bool CancelLease()
    {
        lock (_leaseCancellationGate)
        {
            if (_leaseCancellation is null)
            {
                return false;
            }

            // Callbacks run on the thread pool, not here under the gate: a command that stops on
            // the token releases its lease, which takes the gate.
            _ = _leaseCancellation.CancelAsync();
            return true;
        }
    }

    /// <summary>
    /// While a command holds the server connection nobody reads the client socket, so a client
    /// that went away (closed its connection, crashed) would only be noticed when the command next
    /// writes to it, possibly minutes of generation later. The watch looks at the socket and
    /// cancels the lease as a CancelRequest would.
    /// </summary>
    private async Task WatchClientAsync(CancellationToken stop)
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                await Task.Delay(ClientWatchInterval, stop);
                if (ClientHasGone())
                {
                    CancelLease();
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>
    /// Readable with nothing to read means the peer closed (or reset) the connection. Bytes the
    /// client already pipelined make it readable too; then it has not gone, as far as can be told.
    /// </summary>
    private bool ClientHasGone()
    {
        try
        {
            return _client.Poll(0, System.Net.Sockets.SelectMode.SelectRead) && _client.Available == 0;
        }
        catch (Exception ex) when (ex is System.Net.Sockets.SocketException or ObjectDisposedException)
        {
            return true;
        }
    }

    private Task ParkAsync()
    {
        _parkRequested = false;
        var resume = _resumeSignal!;
        _parkedSignal!.TrySetResult();
        return resume.Task;
    }

    private void FailPendingLease()
    {
        _parkedSignal?.TrySetException(new IOException("The server connection closed."));
    }

    private void ReleaseLease()
    {
        CancellationTokenSource? clientCancellation;
        lock (_leaseCancellationGate)
        {
            clientCancellation = _leaseCancellation;
            _leaseCancellation = null;
        }

        clientCancellation?.Dispose();
        var watch = Interlocked.Exchange(ref _clientWatch, null);
        watch?.Cancel();
        watch?.Dispose();
        _leaseHeld = false;
        _resumeSignal?.TrySetResult();
    }

    private async ValueTask<BackendMessage> ReadBackendMessageAsync(CancellationToken cancellationToken)
    {
        var reader = _backendReader!;
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken);
            if (TryTakeBackendMessage(reader, result, out var message))
            {
                return message;
            }
        }
    }

    private async ValueTask<BackendMessage?> TryReadBackendMessageAsync(CancellationToken cancellationToken)
    {
        var reader = _backendReader!;
        if (reader.TryRead(out var buffered) && TryTakeBackendMessage(reader, buffered, out var message))
        {
            return message;
        }

        // TryRead sees only what the pipe already holds; bytes still in the socket's receive
        // buffer need a read, which returns at once when there are some.
        if (_backend!.Available == 0)
        {
            return null;
        }

        var result = await reader.ReadAsync(cancellationToken);
        return TryTakeBackendMessage(reader, result, out message) ? message : null;
    }

    /// <summary>
    /// Takes the whole message at the front of a read, if it is there, and tracks it as the relay
    /// would; otherwise marks the bytes examined, so the next read waits for more.
    /// </summary>
    private bool TryTakeBackendMessage(PipeReader reader, in ReadResult result, out BackendMessage message)
    {
        var buffer = result.Buffer;
        if (FrameHeader.TryRead(buffer, out var header))
        {
            if (!header.IsValid)
            {
                reader.AdvanceTo(buffer.Start);
                throw new IOException($"The server at {_options.Upstream} sent an invalid message length.");
            }

            if (buffer.Length >= header.FrameLength)
            {
                var body = buffer.Slice(FrameHeader.Size, header.BodyLength).ToArray();
                reader.AdvanceTo(buffer.GetPosition(header.FrameLength));
                TrackBackendMessage(header.Type, new ReadOnlySequence<byte>(body), answersClient: false);
                message = new BackendMessage((BackendMessageType)header.Type, body);
                return true;
            }
        }

        if (result.IsCompleted)
        {
            reader.AdvanceTo(buffer.Start);
            throw new IOException($"The server at {_options.Upstream} closed the connection.");
        }

        // A read cancelled by the park request returns what was buffered: look again at once.
        reader.AdvanceTo(buffer.Start, result.IsCanceled ? buffer.Start : buffer.End);
        message = default;
        return false;
    }

    private ValueTask SendWholeMessageToClientAsync(BackendMessage message, CancellationToken cancellationToken)
    {
        var frame = new MessageBuilder(message.Body.Length + FrameHeader.Size)
            .Begin(message.Type).WriteBytes(message.Body).End();
        return SendAllAsync(_client, frame.Written, cancellationToken);
    }

    private sealed class BackendLease(ProxySession session, CancellationToken clientCancellation) : IBackendLease
    {
        private bool _disposed;

        public TransactionStatus TransactionStatus => session._transactionStatus;

        public CancellationToken ClientCancellation => clientCancellation;

        public ValueTask SendToBackendAsync(ReadOnlyMemory<byte> messages, CancellationToken cancellationToken)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (EndsBatch(messages.Span))
            {
                session._unsyncedExtended = false;
            }

            return SendAllAsync(session._backend!, messages, cancellationToken);
        }

        /// <summary>A Query or Sync closes any extended-protocol batch the server was in.</summary>
        private static bool EndsBatch(ReadOnlySpan<byte> messages)
        {
            var ends = false;
            while (messages.Length >= FrameHeader.Size)
            {
                var type = messages[0];
                ends |= type is (byte)FrontendMessageType.Sync or (byte)FrontendMessageType.Query;
                var length = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(messages[1..]);
                if (length < 4 || length + 1 > messages.Length)
                {
                    break;
                }

                messages = messages[(length + 1)..];
            }

            return ends;
        }

        public async ValueTask<BackendMessage> ReadBackendMessageAsync(CancellationToken cancellationToken)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            while (true)
            {
                var message = await session.ReadBackendMessageAsync(cancellationToken);

                // Notifications and parameter changes belong to the session, not to the statement
                // the hook sent: the client gets them as it would have without the hook. Once
                // taken from the server a message is passed on whole, whatever the token says.
                if (message.Type is not (BackendMessageType.NotificationResponse or BackendMessageType.ParameterStatus))
                {
                    return message;
                }

                await session.SendWholeMessageToClientAsync(message, CancellationToken.None);
            }
        }

        public async ValueTask<BackendMessage?> TryReadBackendMessageAsync(CancellationToken cancellationToken)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            while (await session.TryReadBackendMessageAsync(cancellationToken) is { } message)
            {
                if (message.Type is not (BackendMessageType.NotificationResponse or BackendMessageType.ParameterStatus))
                {
                    return message;
                }

                await session.SendWholeMessageToClientAsync(message, CancellationToken.None);
            }

            return null;
        }

        public ValueTask SendToClientAsync(ReadOnlyMemory<byte> messages, CancellationToken cancellationToken)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return SendAllAsync(session._client, messages, cancellationToken);
        }

        public ValueTask ForwardToClientAsync(BackendMessage message, CancellationToken cancellationToken)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return session.SendWholeMessageToClientAsync(message, cancellationToken);
        }

        public ValueTask DisposeAsync()
        {
            if (!_disposed)
            {
                _disposed = true;
                session.ReleaseLease();
            }

            return ValueTask.CompletedTask;
        }
    }
}
