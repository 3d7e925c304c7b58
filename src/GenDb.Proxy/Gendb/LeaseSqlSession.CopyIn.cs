using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using GenDb.Protocol;
using GenDb.Sql;

namespace GenDb.Proxy.Gendb;

/// <summary>
/// <c>COPY … FROM STDIN</c> through the lease (PostgreSQL docs, "COPY Operations"): Query, then
/// CopyInResponse, CopyData messages, CopyDone, and CommandComplete <c>COPY n</c>.
/// </summary>
internal sealed partial class LeaseSqlSession
{
    /// <summary>
    /// COPY data per CopyData message. The server takes any size, but each message is read whole
    /// into its memory; 64 KiB is what psql and libpq send at most.
    /// </summary>
    private const int CopyDataPayload = 64 * 1024;

    /// <summary>CopyData messages per send: one system call for 256 KiB of data.</summary>
    private const int CopyDataPerSend = 4;

    private const int CopySendSize = CopyDataPerSend * (FrameHeader.Size + CopyDataPayload);

    public async Task<long> CopyInAsync(string copyStatement, IAsyncEnumerable<ReadOnlyMemory<byte>> data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        cancellationToken.ThrowIfCancellationRequested();
        _builder.Clear();
        await lease.SendToBackendAsync(_builder.Query(copyStatement).Written, CancellationToken.None);
        await ReadCopyInResponseAsync();

        // Sends below take no token: a send cut short would leave half a message on the wire, and
        // the server reads COPY data as long as it is in copy mode, and drops it once it is not.
        var buffer = ArrayPool<byte>.Shared.Rent(CopySendSize + FrameHeader.Size);
        try
        {
            var batch = new CopyDataBatch(buffer, CopySendSize);
            await using (var chunks = data.GetAsyncEnumerator(cancellationToken))
            {
                while (true)
                {
                    bool more;
                    try
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        more = await chunks.MoveNextAsync();
                    }
                    catch (Exception ex)
                    {
                        await FailCopyAsync(cancellationToken.IsCancellationRequested
                            ? "canceled by GenDB"
                            : "the data source of GenDB failed: " + ex.Message);
                        throw;
                    }

                    if (!more)
                    {
                        break;
                    }

                    var chunk = chunks.Current;
                    while (true)
                    {
                        chunk = batch.Append(chunk);
                        if (!batch.IsFull)
                        {
                            break;
                        }

                        if (await SendCopyDataAsync(batch.Take()) is { } error)
                        {
                            // The server left copy mode when it failed and ignores the rest: the
                            // producer is not asked for more. CopyFail is ignored as well; it is
                            // sent so that no path leaves the server in copy mode.
                            await FailCopyAsync("the server reported an error");
                            throw new SqlErrorException(error);
                        }
                    }
                }
            }

            await lease.SendToBackendAsync(batch.TakeWithCopyDone(), CancellationToken.None);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return await ReadCopyResultAsync();
    }

    /// <summary>Reads up to CopyInResponse; anything else ends in an exception, after ReadyForQuery.</summary>
    private async Task ReadCopyInResponseAsync()
    {
        PostgresError? error = null;
        string? tag = null;
        while (true)
        {
            var message = await lease.ReadBackendMessageAsync(CancellationToken.None);
            switch (message.Type)
            {
                case BackendMessageType.CopyInResponse:
                    return;
                case BackendMessageType.ErrorResponse:
                    error = PostgresError.Parse(message.Body);
                    break;
                case BackendMessageType.CommandComplete:
                    tag = ReadTag(message.Body);
                    break;
                case BackendMessageType.ReadyForQuery:
                    throw new SqlErrorException(error ?? PostgresError.CreateError(SqlState.InternalError,
                        $"GenDB expected a COPY ... FROM STDIN statement; the server answered {tag ?? "no command"}"));
                default:
                    // Notices; the rows of a COPY TO STDOUT or of a statement that was not a COPY.
                    break;
            }
        }
    }

    /// <summary>
    /// Sends CopyData messages, reading what the server says meanwhile; returns the error it sent
    /// if it failed the COPY (a bad value, a constraint, a cancel): from then on it ignores the data.
    /// </summary>
    /// <remarks>
    /// A send waits when the server reads no more, and a server busy writing notices (a trigger's
    /// RAISE NOTICE for every row) reads no more until they are read: so, as libpq does, the
    /// server's messages are read while a send waits. A NoticeResponse is GenDB's own business, as
    /// in QueryAsync. Reading stops at an ErrorResponse: the ReadyForQuery after it is left for
    /// the caller.
    /// </remarks>
    private async Task<PostgresError?> SendCopyDataAsync(ReadOnlyMemory<byte> messages)
    {
        var send = lease.SendToBackendAsync(messages, CancellationToken.None);
        if (!send.IsCompletedSuccessfully)
        {
            var sending = send.AsTask();
            using var sent = new CancellationTokenSource();
            while (true)
            {
                var reading = lease.ReadBackendMessageAsync(sent.Token).AsTask();
                if (await Task.WhenAny(sending, reading) == sending)
                {
                    await sent.CancelAsync();
                    try
                    {
                        if (ErrorOf(await reading) is { } error)
                        {
                            await sending;
                            return error;
                        }
                    }
                    catch (OperationCanceledException) when (sent.IsCancellationRequested)
                    {
                        // Nothing more had come.
                    }

                    break;
                }

                if (ErrorOf(await reading) is { } failed)
                {
                    await sending;
                    return failed;
                }
            }

            await sending;
        }

        while (await lease.TryReadBackendMessageAsync(CancellationToken.None) is { } message)
        {
            if (ErrorOf(message) is { } error)
            {
                return error;
            }
        }

        return null;
    }

    private static PostgresError? ErrorOf(BackendMessage message) =>
        message.Type == BackendMessageType.ErrorResponse ? PostgresError.Parse(message.Body) : null;

    /// <summary>
    /// Ends the COPY with CopyFail: the server rolls back what it took (the statement fails with
    /// 57014, "COPY from stdin failed: reason") and the session goes on.
    /// </summary>
    private async Task FailCopyAsync(string reason)
    {
        _builder.Clear();
        _builder.Begin(FrontendMessageType.CopyFail).WriteCString(reason).End();
        await lease.SendToBackendAsync(_builder.Written, CancellationToken.None);
        while ((await lease.ReadBackendMessageAsync(CancellationToken.None)).Type != BackendMessageType.ReadyForQuery)
        {
        }
    }

    /// <summary>After CopyDone: the row count of the <c>COPY n</c> tag, or the server's error.</summary>
    private async Task<long> ReadCopyResultAsync()
    {
        PostgresError? error = null;
        long rows = 0;
        while (true)
        {
            var message = await lease.ReadBackendMessageAsync(CancellationToken.None);
            switch (message.Type)
            {
                case BackendMessageType.CommandComplete:
                    var tag = ReadTag(message.Body);
                    if (tag.StartsWith("COPY ", StringComparison.Ordinal))
                    {
                        rows = long.Parse(tag.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture);
                    }

                    break;
                case BackendMessageType.ErrorResponse:
                    error = PostgresError.Parse(message.Body);
                    break;
                case BackendMessageType.ReadyForQuery:
                    return error is null ? rows : throw new SqlErrorException(error);
                default:
                    break;
            }
        }
    }

    /// <summary>
    /// COPY data cut into CopyData messages of <see cref="CopyDataPayload"/> bytes, several to one
    /// send buffer: small chunks share a message, large ones span several.
    /// </summary>
    /// <param name="buffer">At least <paramref name="capacity"/> bytes and a CopyDone more.</param>
    /// <param name="capacity">A whole number of full CopyData messages.</param>
    private sealed class CopyDataBatch(byte[] buffer, int capacity)
    {
        private int _length;
        private int _messageStart = -1;

        public bool IsFull => _length == capacity;

        /// <summary>Copies from the front of <paramref name="data"/> until all of it is in or the batch is full; returns the rest.</summary>
        public ReadOnlyMemory<byte> Append(ReadOnlyMemory<byte> data)
        {
            var source = data.Span;
            var taken = 0;
            while (taken < source.Length && _length < capacity)
            {
                if (_messageStart < 0)
                {
                    _messageStart = _length;
                    buffer[_length] = (byte)FrontendMessageType.CopyData;
                    _length += FrameHeader.Size;
                }

                var room = CopyDataPayload - (_length - _messageStart - FrameHeader.Size);
                var count = Math.Min(room, source.Length - taken);
                source.Slice(taken, count).CopyTo(buffer.AsSpan(_length));
                _length += count;
                taken += count;
                if (count == room)
                {
                    EndMessage();
                }
            }

            return data[taken..];
        }

        /// <summary>The messages so far; the batch is empty again once they are sent.</summary>
        public ReadOnlyMemory<byte> Take()
        {
            EndMessage();
            var messages = buffer.AsMemory(0, _length);
            _length = 0;
            return messages;
        }

        /// <summary>The messages so far and CopyDone, which ends the data.</summary>
        public ReadOnlyMemory<byte> TakeWithCopyDone()
        {
            EndMessage();
            buffer[_length] = (byte)FrontendMessageType.CopyDone;
            BinaryPrimitives.WriteInt32BigEndian(buffer.AsSpan(_length + 1), 4);
            _length += FrameHeader.Size;
            return Take();
        }

        private void EndMessage()
        {
            if (_messageStart < 0)
            {
                return;
            }

            BinaryPrimitives.WriteInt32BigEndian(buffer.AsSpan(_messageStart + 1), _length - _messageStart - 1);
            _messageStart = -1;
        }
    }
}
