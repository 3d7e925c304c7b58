using System.Globalization;
using System.Net;
using GenDb.Proxy;
using Microsoft.Extensions.Logging;

namespace GenDb.Cli;

/// <summary>The command-line values of <c>gendb serve</c>, before defaults and environment are applied.</summary>
internal sealed record ServeArguments
{
    public string? Listen { get; init; }
    public string? Upstream { get; init; }
    public int? Port { get; init; }
    public string? DbHostname { get; init; }
    public int? DbPort { get; init; }
    public int? MaxConnections { get; init; }
    public string? LogLevel { get; init; }
    public IReadOnlyList<string> Routes { get; init; } = [];
    public string? ConfigPath { get; init; }
}

/// <summary>
/// Turns <see cref="ServeArguments"/> into <see cref="ProxyOptions"/>. Flags win over
/// <c>GENDB_LISTEN</c>/<c>GENDB_UPSTREAM</c>, which win over libpq's <c>PGHOST</c>/<c>PGPORT</c>,
/// which win over the defaults 127.0.0.1:5433 → 127.0.0.1:5432.
/// </summary>
internal static class ServeSettings
{
    public const int DefaultListenPort = 5433;

    public static bool TryResolve(
        ServeArguments arguments,
        Func<string, string?> environment,
        out ProxyOptions options,
        out LogLevel logLevel,
        out string? error)
    {
        options = new ProxyOptions();
        logLevel = LogLevel.Information;

        if (!TryResolveListen(arguments, environment, out var listen, out error) ||
            !TryResolveUpstream(arguments, environment, out var upstream, out error))
        {
            return false;
        }

        if (arguments.MaxConnections is < 1)
        {
            error = $"--max-connections must be at least 1, not {arguments.MaxConnections}";
            return false;
        }

        if (!Logging.TryParseLevel(arguments.LogLevel, out logLevel))
        {
            error = $"--log-level '{arguments.LogLevel}' is not one of trace, debug, information, warning, error, critical, none";
            return false;
        }

        options = options with
        {
            Listen = listen,
            Upstream = upstream,
            MaxConnections = arguments.MaxConnections ?? options.MaxConnections,
        };
        return true;
    }

    private static bool TryResolveListen(ServeArguments arguments, Func<string, string?> environment, out IPEndPoint listen, out string? error)
    {
        var text = arguments.Listen ?? environment("GENDB_LISTEN");
        listen = new IPEndPoint(IPAddress.Loopback, DefaultListenPort);
        error = null;
        if (text is not null && !TryParseListen(text, out listen, out error, arguments.Listen is null ? "GENDB_LISTEN" : "--listen"))
        {
            return false;
        }

        if (arguments.Port is { } port)
        {
            if (port is < 0 or > 65535)
            {
                error = $"--port {port} is not a port number (0-65535)";
                return false;
            }

            listen = new IPEndPoint(listen.Address, port);
        }

        return true;
    }

    private static bool TryResolveUpstream(ServeArguments arguments, Func<string, string?> environment, out UpstreamEndpoint upstream, out string? error)
    {
        upstream = UpstreamEndpoint.Tcp("127.0.0.1", UpstreamEndpoint.DefaultPort);
        error = null;
        var text = arguments.Upstream ?? environment("GENDB_UPSTREAM");
        if (text is not null)
        {
            if (!UpstreamEndpoint.TryParse(text, out upstream, out error))
            {
                error = $"{(arguments.Upstream is null ? "GENDB_UPSTREAM" : "--upstream")}: {error}";
                return false;
            }
        }
        else
        {
            var host = environment("PGHOST");
            var portText = environment("PGPORT");
            var port = UpstreamEndpoint.DefaultPort;
            // libpq takes comma-separated lists that pair hosts with ports; a proxy relays to one
            // server, the first.
            portText = portText?.Split(',')[0];
            if (!string.IsNullOrEmpty(portText) && !UpstreamEndpoint.TryParsePort(portText, out port))
            {
                error = $"PGPORT '{portText}' is not a port number";
                return false;
            }

            if (!string.IsNullOrEmpty(host))
            {
                host = host.Split(',')[0];
                upstream = host.StartsWith('/') ? UpstreamEndpoint.UnixSocket(host, port) : UpstreamEndpoint.Tcp(host, port);
            }
            else
            {
                upstream = UpstreamEndpoint.Tcp("127.0.0.1", port);
            }
        }

        if (arguments.DbHostname is not null || arguments.DbPort is not null)
        {
            if (arguments.DbPort is { } dbPort && dbPort is < 1 or > 65535)
            {
                error = $"--db-port {dbPort} is not a port number (1-65535)";
                return false;
            }

            var host = arguments.DbHostname ?? upstream.Host;
            var port = arguments.DbPort ?? upstream.Port;
            upstream = host.StartsWith('/') ? UpstreamEndpoint.UnixSocket(host, port) : UpstreamEndpoint.Tcp(host, port);
        }

        return true;
    }

    /// <summary>Accepts <c>HOST:PORT</c>, <c>[v6]:PORT</c>, <c>:PORT</c>, <c>PORT</c>, and <c>*</c> for every address.</summary>
    /// <param name="source">Where the value came from, for the error: the flag or the variable.</param>
    public static bool TryParseListen(string text, out IPEndPoint endPoint, out string? error, string source = "--listen")
    {
        endPoint = new IPEndPoint(IPAddress.Loopback, DefaultListenPort);
        error = null;
        text = text.Trim();
        string host = "127.0.0.1";
        string? portText;
        if (text.StartsWith('['))
        {
            var close = text.IndexOf(']', StringComparison.Ordinal);
            if (close < 0 || close + 1 >= text.Length || text[close + 1] != ':')
            {
                error = $"{source} '{text}' is not [ADDRESS]:PORT";
                return false;
            }

            host = text[1..close];
            portText = text[(close + 2)..];
        }
        else
        {
            var colon = text.LastIndexOf(':');
            if (text == "*")
            {
                host = "*";
                portText = DefaultListenPort.ToString(CultureInfo.InvariantCulture);
            }
            else if (colon < 0)
            {
                portText = text;
            }
            else
            {
                host = colon == 0 ? "127.0.0.1" : text[..colon];
                portText = text[(colon + 1)..];
            }
        }

        if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
        {
            error = $"{source} '{text}': '{portText}' is not a port number";
            return false;
        }

        IPAddress? address;
        if (host is "*" or "0.0.0.0")
        {
            address = IPAddress.Any;
        }
        else if (host == "::")
        {
            address = IPAddress.IPv6Any;
        }
        else if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            address = IPAddress.Loopback;
        }
        else if (!IPAddress.TryParse(host, out address))
        {
            try
            {
                address = Dns.GetHostAddresses(host).OrderBy(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 0 : 1).FirstOrDefault();
            }
            catch (System.Net.Sockets.SocketException)
            {
                address = null;
            }

            if (address is null)
            {
                error = $"{source} '{text}': cannot resolve '{host}'";
                return false;
            }
        }

        endPoint = new IPEndPoint(address, port);
        return true;
    }
}
