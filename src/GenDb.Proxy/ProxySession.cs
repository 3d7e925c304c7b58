using System.Diagnostics;
using System.IO.Pipelines;
using System.Net.Sockets;
using GenDb.Protocol;
using Microsoft.Extensions.Logging;

namespace GenDb.Proxy;

/// <summary>
/// One client connection and the server connection opened for it. Startup is handled in
/// <c>ProxySession.Startup.cs</c>, the two relay loops in <c>ProxySession.Relay.cs</c>, and the
/// hook's exclusive use of the server connection in <c>ProxySession.Lease.cs</c>.
/// </summary>
internal sealed partial class ProxySession : ISessionChannel
{
    private readonly Socket _client;
    private readonly PipeReader _clientReader;
    private readonly ProxyOptions _options;
    private readonly ConnectionLimiter _limiter;
    private readonly Func<SessionInfo, IClientMessageHook?>? _hookFactory;
    private readonly LeaseCanceller? _leaseCanceller;
    private readonly ILogger _logger;
    private readonly SessionInfo _info;
    private readonly long _startedAt = Stopwatch.GetTimestamp();
    private readonly CancellationTokenSource _abort = new();

    private Socket? _backend;
    private PipeReader? _backendReader;
    private IClientMessageHook? _hook;
    private bool _holdsSlot;

    // The first reason to close wins; it is sent to the client as a FATAL ErrorResponse once both
    // relay loops have stopped, so it never interleaves with relayed bytes.
    private PostgresError? _closingError;
    private string _closeReason = "client disconnected";
    private int _closeDecided;

    private long _bytesFromClient;
    private long _bytesFromServer;

    public ProxySession(
        long id,
        Socket client,
        ProxyOptions options,
        ConnectionLimiter limiter,
        Func<SessionInfo, IClientMessageHook?>? hookFactory,
        LeaseCanceller? leaseCanceller,
        ILogger logger)
    {
        _client = client;
        _options = options;
        _limiter = limiter;
        _hookFactory = hookFactory;
        _leaseCanceller = leaseCanceller;
        _logger = logger;
        _info = new SessionInfo(id, client.RemoteEndPoint?.ToString() ?? "unknown");
        _client.NoDelay = true;
        _clientReader = CreateReader(client, options);
    }

    public SessionInfo Info => _info;

    /// <summary>Runs the session to its end; never throws.</summary>
    public async Task RunAsync()
    {
        var relayed = false;
        try
        {
            if (!await RunStartupAsync(_abort.Token))
            {
                return;
            }

            relayed = true;
            Log.SessionOpened(_logger, _info.Id, _info.ClientAddress, _info.User, _info.Database);
            _hook = _hookFactory?.Invoke(_info);
            await RelayAsync();
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
        {
            Log.SideFailed(_logger, _info.Id, _info.ClientAddress, "client", ex);
        }
        finally
        {
            await CloseAsync();
            if (relayed)
            {
                Log.SessionClosed(
                    _logger, _info.Id, _info.ClientAddress, _info.User, _info.Database,
                    (long)Stopwatch.GetElapsedTime(_startedAt).TotalMilliseconds,
                    Interlocked.Read(ref _bytesFromClient), Interlocked.Read(ref _bytesFromServer), _closeReason);
            }

            if (_holdsSlot)
            {
                _limiter.Release();
            }
        }
    }

    /// <summary>Ends the session from outside (proxy shutdown): the client is told why.</summary>
    public void Abort(PostgresError reason)
    {
        SetClosing(reason, reason.Message);
        _abort.Cancel();
        try
        {
            _backend?.Shutdown(SocketShutdown.Both);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // Already gone.
        }

        _clientReader.CancelPendingRead();
    }

    private void SetClosing(PostgresError? error, string reason)
    {
        if (Interlocked.Exchange(ref _closeDecided, 1) != 0)
        {
            return;
        }

        _closingError = error;
        _closeReason = reason;
    }

    private async Task CloseAsync()
    {
        var error = _closingError;
        if (error is not null)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await SendAllAsync(_client, new MessageBuilder().ErrorResponse(error).Written, timeout.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
            {
                // The client is gone; nobody to tell.
            }
        }

        await _clientReader.CompleteAsync();
        if (_backendReader is not null)
        {
            await _backendReader.CompleteAsync();
        }

        _backend?.Dispose();
        _client.Dispose();
        _abort.Dispose();
    }

    /// <summary>
    /// A pipe reader over the socket, which is then made non-blocking so that relayed bytes can be
    /// written with one plain send(2) (<c>SendAsync</c> in ProxySession.Relay.cs). NetworkStream
    /// insists on a blocking socket when it is made, and reads through the async path either way.
    /// </summary>
    private static PipeReader CreateReader(Socket socket, ProxyOptions options)
    {
        var reader = PipeReader.Create(
            new NetworkStream(socket, ownsSocket: false),
            new StreamPipeReaderOptions(bufferSize: options.ReadBufferSize, minimumReadSize: 1024, leaveOpen: true));
        socket.Blocking = false;
        return reader;
    }

    private static async ValueTask SendAllAsync(Socket socket, ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        while (!data.IsEmpty)
        {
            var sent = await socket.SendAsync(data, SocketFlags.None, cancellationToken);
            data = data[sent..];
        }
    }
}
