using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace GenDb.Proxy;

/// <summary>
/// Where the real PostgreSQL server listens: a TCP host and port, or a Unix-domain socket.
/// </summary>
public sealed record UpstreamEndpoint
{
    public const int DefaultPort = 5432;

    private UpstreamEndpoint(string host, int port, string? socketPath)
    {
        Host = host;
        Port = port;
        SocketPath = socketPath;
    }

    public string Host { get; }
    public int Port { get; }

    /// <summary>The socket file (<c>dir/.s.PGSQL.port</c>) when the upstream is a Unix-domain socket.</summary>
    public string? SocketPath { get; }

    public static UpstreamEndpoint Tcp(string host, int port) => new(host, port, null);

    public static UpstreamEndpoint UnixSocket(string directory, int port = DefaultPort) =>
        new(directory, port, Path.Combine(directory, $".s.PGSQL.{port.ToString(CultureInfo.InvariantCulture)}"));

    /// <summary>
    /// Accepts <c>host</c>, <c>host:port</c>, <c>[v6addr]:port</c>, <c>postgres://host:port/…</c>
    /// (also <c>postgresql://</c>), and a Unix socket directory (<c>/var/run/postgresql</c>,
    /// optionally <c>/dir:port</c>) as libpq's PGHOST does.
    /// </summary>
    public static bool TryParse(string? text, out UpstreamEndpoint endpoint, out string? error)
    {
        endpoint = Tcp("127.0.0.1", DefaultPort);
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "the upstream address is empty";
            return false;
        }

        text = text.Trim();
        if (text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) ||
            text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
            {
                error = $"'{text}' is not a valid postgres:// URI";
                return false;
            }

            endpoint = Tcp(uri.Host.Trim('[', ']'), uri.IsDefaultPort || uri.Port <= 0 ? DefaultPort : uri.Port);
            return true;
        }

        if (text.StartsWith('/'))
        {
            var colon = text.LastIndexOf(':');
            var port = DefaultPort;
            if (colon > 0 && int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var p))
            {
                port = p;
                text = text[..colon];
            }

            // A path to the socket file itself is accepted too.
            var name = Path.GetFileName(text);
            if (name.StartsWith(".s.PGSQL.", StringComparison.Ordinal))
            {
                if (!TryParsePort(name[".s.PGSQL.".Length..], out port))
                {
                    error = $"'{text}' is not a PostgreSQL socket file (.s.PGSQL.PORT)";
                    return false;
                }

                endpoint = new UpstreamEndpoint(Path.GetDirectoryName(text) ?? "/", port, text);
                return true;
            }

            endpoint = UnixSocket(text, port);
            return true;
        }

        string host;
        var portText = (string?)null;
        if (text.StartsWith('['))
        {
            var close = text.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                error = $"'{text}' has an unclosed '['";
                return false;
            }

            host = text[1..close];
            if (close + 1 < text.Length)
            {
                if (text[close + 1] != ':')
                {
                    error = $"'{text}' is not HOST:PORT";
                    return false;
                }

                portText = text[(close + 2)..];
            }
        }
        else
        {
            var colon = text.LastIndexOf(':');
            if (colon >= 0 && text.IndexOf(':', StringComparison.Ordinal) == colon)
            {
                host = text[..colon];
                portText = text[(colon + 1)..];
            }
            else
            {
                host = text; // no port, or a bare IPv6 address
            }
        }

        var portNumber = DefaultPort;
        if (portText is not null && !TryParsePort(portText, out portNumber))
        {
            error = $"'{portText}' is not a port number (1-65535)";
            return false;
        }

        if (host.Length == 0)
        {
            error = $"'{text}' has no host";
            return false;
        }

        endpoint = Tcp(host, portNumber);
        return true;
    }

    public static bool TryParsePort(string text, out int port) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out port) && port is > 0 and <= 65535;

    /// <summary>Opens a connection with Nagle off, as every PostgreSQL client does.</summary>
    public async Task<Socket> ConnectAsync(CancellationToken cancellationToken)
    {
        if (SocketPath is not null)
        {
            var unix = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            try
            {
                await unix.ConnectAsync(new UnixDomainSocketEndPoint(SocketPath), cancellationToken);
                return unix;
            }
            catch
            {
                unix.Dispose();
                throw;
            }
        }

        EndPoint target = IPAddress.TryParse(Host, out var address)
            ? new IPEndPoint(address, Port)
            : new DnsEndPoint(Host, Port);
        var socket = target is IPEndPoint ip
            ? new Socket(ip.AddressFamily, SocketType.Stream, ProtocolType.Tcp)
            : new Socket(SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.NoDelay = true;
            await socket.ConnectAsync(target, cancellationToken);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public override string ToString() =>
        SocketPath ?? (Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]:{Port}" : $"{Host}:{Port}");
}
