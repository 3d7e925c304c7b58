using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using GenDb.Protocol;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace GenDb.Proxy;

/// <summary>
/// Accepts client connections and runs a <see cref="ProxySession"/> for each, relaying it to the
/// upstream PostgreSQL server.
/// </summary>
public sealed class ProxyServer : IAsyncDisposable
{
    private readonly ProxyOptions _options;
    private readonly Func<SessionInfo, IClientMessageHook?>? _hookFactory;
    private readonly ILogger _logger;
    private readonly ConnectionLimiter _limiter;
    private readonly ConcurrentDictionary<long, (ProxySession Session, Task Run)> _sessions = new();
    private readonly CancellationTokenSource _stopping = new();
    private Socket? _listener;
    private IPEndPoint? _localEndPoint;
    private Task? _acceptLoop;
    private long _nextSessionId;
    private int _stopped;

    /// <param name="hookFactory">Makes the hook of each new session, once its startup packet is through; null for a plain relay.</param>
    public ProxyServer(ProxyOptions options, ILoggerFactory? loggerFactory = null, Func<SessionInfo, IClientMessageHook?>? hookFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.MaxConnections < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "MaxConnections must be at least 1.");
        }

        _options = options;
        _hookFactory = hookFactory;
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("GenDb.Proxy");
        _limiter = new ConnectionLimiter(options.MaxConnections);
    }

    /// <summary>The bound address, once started (the real port when 0 was asked for).</summary>
    public IPEndPoint LocalEndPoint => _localEndPoint ?? throw new InvalidOperationException("The proxy is not started.");

    public ProxyOptions Options => _options;

    /// <summary>Sessions currently relayed (past their startup packet).</summary>
    public int ActiveSessions => _limiter.Count;

    /// <summary>Binds the listening socket and starts accepting; throws if the address is taken.</summary>
    public void Start()
    {
        if (_listener is not null)
        {
            throw new InvalidOperationException("The proxy is already started.");
        }

        var listener = new Socket(_options.Listen.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            listener.Bind(_options.Listen);
            listener.Listen(512);
        }
        catch
        {
            listener.Dispose();
            throw;
        }

        _listener = listener;
        _localEndPoint = (IPEndPoint)listener.LocalEndPoint!;
        Log.Listening(_logger, listener.LocalEndPoint!, _options.Upstream);
        _acceptLoop = AcceptLoopAsync(listener, _stopping.Token);
    }

    private async Task AcceptLoopAsync(Socket listener, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await listener.AcceptAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException ex)
            {
                // EMFILE and friends: keep serving the sessions there are, try again shortly.
                Log.AcceptFailed(_logger, ex);
                await Task.Delay(100, CancellationToken.None);
                continue;
            }

            var id = Interlocked.Increment(ref _nextSessionId);
            var session = new ProxySession(id, client, _options, _limiter, _hookFactory, CancelLeasedCommand, _logger);
            var run = Task.Run(session.RunAsync, CancellationToken.None);
            _sessions[id] = (session, run);
            _ = run.ContinueWith(_ => _sessions.TryRemove(id, out var _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    /// <summary>
    /// A CancelRequest named a session of this proxy: if that session runs a GENDB command under a
    /// backend lease, the command is cancelled. A scan, as PostgreSQL's own: cancels are rare and
    /// sessions few.
    /// </summary>
    private bool CancelLeasedCommand(int processId, ReadOnlySpan<byte> secretKey)
    {
        foreach (var (_, (session, _)) in _sessions)
        {
            if (session.IsNamedBy(processId, secretKey))
            {
                return session.CancelLease();
            }
        }

        return false;
    }

    /// <summary>
    /// Stops accepting, gives open sessions <see cref="ProxyOptions.ShutdownTimeout"/> to end on
    /// their own, then closes the rest with FATAL 57P01.
    /// </summary>
    public async Task StopAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0)
        {
            return;
        }

        await _stopping.CancelAsync();
        _listener?.Dispose();
        if (_acceptLoop is not null)
        {
            await _acceptLoop;
        }

        var open = _sessions.Values.ToArray();
        if (open.Length == 0)
        {
            return;
        }

        Log.Stopping(_logger, open.Length, _options.ShutdownTimeout);
        var all = Task.WhenAll(open.Select(s => s.Run));
        if (await Task.WhenAny(all, Task.Delay(_options.ShutdownTimeout)) == all)
        {
            return;
        }

        var left = _sessions.Values.ToArray();
        Log.ClosingLeftoverSessions(_logger, left.Length);
        var shutdown = PostgresError.CreateFatal(SqlState.AdminShutdown,
            "terminating connection because GenDB is shutting down",
            "Reconnect when the proxy is back, or connect to PostgreSQL directly.");
        foreach (var (session, _) in left)
        {
            session.Abort(shutdown);
        }

        await Task.WhenAny(Task.WhenAll(left.Select(s => s.Run)), Task.Delay(TimeSpan.FromSeconds(5)));
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stopping.Dispose();
    }
}
