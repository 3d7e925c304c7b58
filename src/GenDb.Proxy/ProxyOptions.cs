using System.Net;

namespace GenDb.Proxy;

/// <summary>How <see cref="ProxyServer"/> listens and where it relays.</summary>
public sealed record ProxyOptions
{
    /// <summary>Where clients connect. Default 127.0.0.1:5433, next to PostgreSQL's own 5432.</summary>
    public IPEndPoint Listen { get; init; } = new(IPAddress.Loopback, 5433);

    /// <summary>The real server. Default 127.0.0.1:5432.</summary>
    public UpstreamEndpoint Upstream { get; init; } = UpstreamEndpoint.Tcp("127.0.0.1", UpstreamEndpoint.DefaultPort);

    /// <summary>Relayed sessions at once; one more gets FATAL 53300, as from the server itself. Default 1000.</summary>
    public int MaxConnections { get; init; } = 1000;

    /// <summary>
    /// How long a client may take to send its startup packet, and the upstream to accept a connection.
    /// Default 60 s, PostgreSQL's own <c>authentication_timeout</c>.
    /// </summary>
    public TimeSpan StartupTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>On stop, how long open sessions may run on before they are closed. Default 10 s.</summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The largest client message that is held whole so that a hook can look at it; a larger one is
    /// streamed through unseen. Default 1 MiB: a gendb call is a few hundred bytes.
    /// </summary>
    public int MaxHookedMessageSize { get; init; } = 1 << 20;

    /// <summary>Size of each buffer rented from the pool for reading a socket. Default 16 KiB.</summary>
    public int ReadBufferSize { get; init; } = 16 * 1024;
}
