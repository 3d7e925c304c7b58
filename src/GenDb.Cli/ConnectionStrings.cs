using System.Globalization;
using System.Text;
using Npgsql;

namespace GenDb.Cli;

/// <summary>
/// <c>--db</c> as psql takes it, turned into an Npgsql connection string: a
/// <c>postgres://</c>/<c>postgresql://</c> URI, a libpq <c>key=value</c> string, or an Npgsql
/// connection string; whatever it leaves out comes from libpq's environment (<c>PGHOST</c>,
/// <c>PGPORT</c>, <c>PGUSER</c>, <c>PGPASSWORD</c>, <c>PGDATABASE</c> …), then libpq's defaults.
/// </summary>
/// <remarks>
/// The forms are told apart as libpq would not need to: a URI by its scheme; a libpq string when
/// every key is a libpq keyword (they are lower case) and no <c>;</c> stands outside quotes; else
/// Npgsql's <c>Key=Value;…</c>. A libpq value holding <c>;</c> is therefore quoted
/// (<c>password='a;b'</c>). See https://www.postgresql.org/docs/current/libpq-connect.html#LIBPQ-CONNSTRING.
/// </remarks>
internal static class ConnectionStrings
{
    /// <summary>libpq keywords and the Npgsql keyword each becomes.</summary>
    private static readonly Dictionary<string, string> LibpqKeywords = new(StringComparer.Ordinal)
    {
        ["host"] = "Host",
        ["hostaddr"] = "Host",
        ["port"] = "Port",
        ["dbname"] = "Database",
        ["user"] = "Username",
        ["password"] = "Password",
        ["passfile"] = "Passfile",
        ["connect_timeout"] = "Timeout",
        ["client_encoding"] = "Client Encoding",
        ["options"] = "Options",
        ["application_name"] = "Application Name",
        ["fallback_application_name"] = "Application Name",
        ["keepalives"] = "Tcp Keepalive",
        ["keepalives_idle"] = "Tcp Keepalive Time",
        ["keepalives_interval"] = "Tcp Keepalive Interval",
        ["sslmode"] = "SSL Mode",
        ["sslcert"] = "SSL Certificate",
        ["sslkey"] = "SSL Key",
        ["sslpassword"] = "SSL Password",
        ["sslrootcert"] = "Root Certificate",
        ["channel_binding"] = "Channel Binding",
        ["gssencmode"] = "GSS Encryption Mode",
        ["krbsrvname"] = "Kerberos Service Name",
        ["target_session_attrs"] = "Target Session Attributes",
        ["load_balance_hosts"] = "Load Balance Hosts",
    };

    /// <summary>libpq's environment variables, in the order libpq documents them, with the keyword each stands for.</summary>
    private static readonly (string Variable, string Keyword)[] EnvironmentVariables =
    [
        ("PGHOST", "host"),
        ("PGHOSTADDR", "hostaddr"),
        ("PGPORT", "port"),
        ("PGDATABASE", "dbname"),
        ("PGUSER", "user"),
        ("PGPASSWORD", "password"),
        ("PGPASSFILE", "passfile"),
        ("PGCHANNELBINDING", "channel_binding"),
        ("PGOPTIONS", "options"),
        ("PGAPPNAME", "application_name"),
        ("PGSSLMODE", "sslmode"),
        ("PGSSLCERT", "sslcert"),
        ("PGSSLKEY", "sslkey"),
        ("PGSSLROOTCERT", "sslrootcert"),
        ("PGGSSENCMODE", "gssencmode"),
        ("PGKRBSRVNAME", "krbsrvname"),
        ("PGCONNECT_TIMEOUT", "connect_timeout"),
        ("PGCLIENTENCODING", "client_encoding"),
        ("PGTARGETSESSIONATTRS", "target_session_attrs"),
        ("PGLOADBALANCEHOSTS", "load_balance_hosts"),
    ];

    /// <summary>Where libpq looks for the server's Unix socket when no host is given (Debian's directory first).</summary>
    private static readonly string[] SocketDirectories = ["/var/run/postgresql", "/tmp"];

    /// <summary>The connection for <paramref name="db"/> (null: the environment alone).</summary>
    /// <exception cref="ConnectionStringException">The text is not a connection string GenDB can use.</exception>
    public static NpgsqlConnectionStringBuilder Resolve(string? db, Func<string, string?> environment) =>
        Resolve(db, environment, File.Exists);

    internal static NpgsqlConnectionStringBuilder Resolve(string? db, Func<string, string?> environment, Func<string, bool> fileExists)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var text = db?.Trim() ?? string.Empty;
        var builder = text.Length == 0 ? new NpgsqlConnectionStringBuilder()
            : IsUri(text) ? FromLibpq(ParseUri(text), "the URI")
            : LooksLikeLibpq(text, out var keywords) ? FromLibpq(keywords, "the connection string")
            : FromNpgsql(text);

        // libpq's rule: the environment fills in what the connection string leaves out.
        var explicitKeys = builder.Keys.Cast<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);
        var fallback = new List<KeyValuePair<string, string>>();
        foreach (var (variable, keyword) in EnvironmentVariables)
        {
            if (environment(variable) is { Length: > 0 } value && !explicitKeys.Contains(LibpqKeywords[keyword]))
            {
                fallback.Add(new(keyword, value));
            }
        }

        Apply(builder, fallback, "the environment");
        ApplyDefaults(builder, fileExists);
        return builder;
    }

    /// <summary>Who and where, for messages: <c>user@host:port/database</c>, never the password.</summary>
    public static string Describe(NpgsqlConnectionStringBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var host = builder.Host ?? "localhost";
        var endpoint = host.Contains(',', StringComparison.Ordinal) || host.StartsWith('/') ? host : $"{host}:{builder.Port.ToString(CultureInfo.InvariantCulture)}";
        return $"{builder.Username}@{endpoint}/{builder.Database}";
    }

    internal static bool IsUri(string text) =>
        text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// <c>postgresql://[user[:password]@][host][:port][,…][/dbname][?param=value&amp;…]</c>, every part
    /// percent-decoded; query parameters are libpq keywords and win over the parts before them.
    /// </summary>
    internal static List<KeyValuePair<string, string>> ParseUri(string uri)
    {
        var rest = uri[(uri.IndexOf("://", StringComparison.Ordinal) + 3)..];
        var result = new List<KeyValuePair<string, string>>();

        string? query = null;
        if (rest.IndexOf('?', StringComparison.Ordinal) is var q and >= 0)
        {
            query = rest[(q + 1)..];
            rest = rest[..q];
        }

        string? path = null;
        if (rest.IndexOf('/', StringComparison.Ordinal) is var slash and >= 0)
        {
            path = rest[(slash + 1)..];
            rest = rest[..slash];
        }

        // The password may hold '@' only percent-encoded, so the last '@' ends the user part.
        if (rest.LastIndexOf('@') is var at and >= 0)
        {
            var userInfo = rest[..at];
            rest = rest[(at + 1)..];
            var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
            var user = Decode(colon >= 0 ? userInfo[..colon] : userInfo);
            if (user.Length > 0)
            {
                result.Add(new("user", user));
            }

            if (colon >= 0)
            {
                result.Add(new("password", Decode(userInfo[(colon + 1)..])));
            }
        }

        if (rest.Length > 0)
        {
            var hosts = new List<string>();
            var ports = new List<string>();
            foreach (var part in rest.Split(','))
            {
                var (host, port) = SplitHostPort(part, uri);
                hosts.Add(Decode(host));
                ports.Add(port);
            }

            if (hosts.Any(h => h.Length > 0))
            {
                result.Add(new("host", string.Join(',', hosts)));
            }

            if (ports.Any(p => p.Length > 0))
            {
                result.Add(new("port", string.Join(',', ports)));
            }
        }

        if (path is { Length: > 0 })
        {
            result.Add(new("dbname", Decode(path)));
        }

        foreach (var parameter in (query ?? string.Empty).Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = parameter.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new ConnectionStringException($"the URI's parameter '{parameter}' is not key=value");
            }

            result.Add(new(Decode(parameter[..equals]), Decode(parameter[(equals + 1)..])));
        }

        return result;
    }

    /// <summary><c>host</c>, <c>host:port</c>, <c>[::1]:port</c> or <c>:port</c> of a URI.</summary>
    private static (string Host, string Port) SplitHostPort(string part, string uri)
    {
        if (part.StartsWith('['))
        {
            var close = part.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                throw new ConnectionStringException($"the URI '{Redact(uri)}' opens an IPv6 address with '[' but does not close it");
            }

            var after = part[(close + 1)..];
            return (part[1..close], after.StartsWith(':') ? after[1..] : after.Length == 0 ? string.Empty
                : throw new ConnectionStringException($"the URI '{Redact(uri)}' has '{after}' after an IPv6 address; expected :port"));
        }

        var colon = part.LastIndexOf(':');
        return colon >= 0 ? (part[..colon], part[(colon + 1)..]) : (part, string.Empty);
    }

    /// <summary>
    /// libpq's <c>key=value</c> list: whitespace between pairs and around <c>=</c>; a value in
    /// single quotes may hold spaces, <c>\'</c> and <c>\\</c>. False when it is not that form.
    /// </summary>
    internal static bool LooksLikeLibpq(string text, out List<KeyValuePair<string, string>> keywords)
    {
        keywords = [];
        var i = 0;
        while (true)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i == text.Length)
            {
                return keywords.Count > 0;
            }

            var keyStart = i;
            while (i < text.Length && text[i] != '=' && !char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            var key = text[keyStart..i];
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i == text.Length || text[i] != '=' || (!LibpqKeywords.ContainsKey(key) && !IsUnsupportedLibpqKeyword(key)))
            {
                return false;
            }

            i++;
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            var value = new StringBuilder();
            if (i < text.Length && text[i] == '\'')
            {
                i++;
                while (true)
                {
                    if (i == text.Length)
                    {
                        throw new ConnectionStringException($"the value of '{key}' opens a quote and does not close it");
                    }

                    if (text[i] == '\\' && i + 1 < text.Length)
                    {
                        value.Append(text[i + 1]);
                        i += 2;
                    }
                    else if (text[i] == '\'')
                    {
                        i++;
                        break;
                    }
                    else
                    {
                        value.Append(text[i++]);
                    }
                }
            }
            else
            {
                while (i < text.Length && !char.IsWhiteSpace(text[i]))
                {
                    if (text[i] == ';')
                    {
                        // Npgsql's separator: a libpq value with ';' must be quoted.
                        return false;
                    }

                    if (text[i] == '\\' && i + 1 < text.Length)
                    {
                        i++;
                    }

                    value.Append(text[i++]);
                }
            }

            keywords.Add(new(key, value.ToString()));
        }
    }

    /// <summary>libpq keywords that Npgsql has no counterpart for: named as such rather than taken for an Npgsql key.</summary>
    private static bool IsUnsupportedLibpqKeyword(string key) => key is
        "service" or "requiressl" or "sslcompression" or "sslcrl" or "sslcrldir" or "sslsni" or "sslnegotiation" or
        "requirepeer" or "ssl_min_protocol_version" or "ssl_max_protocol_version" or "gsslib" or "gssdelegation" or
        "replication" or "tcp_user_timeout" or "keepalives_count" or "require_auth" or "sslcertmode";

    private static NpgsqlConnectionStringBuilder FromNpgsql(string text)
    {
        try
        {
            return new NpgsqlConnectionStringBuilder(text);
        }
        catch (ArgumentException ex)
        {
            throw new ConnectionStringException(
                $"--db is not a postgres:// URI, a libpq 'key=value' string or an Npgsql connection string: {ex.Message}");
        }
    }

    private static NpgsqlConnectionStringBuilder FromLibpq(List<KeyValuePair<string, string>> keywords, string origin)
    {
        var builder = new NpgsqlConnectionStringBuilder();
        Apply(builder, keywords, origin);
        return builder;
    }

    /// <summary>Sets libpq <paramref name="keywords"/> on <paramref name="builder"/>; later ones win, as in libpq.</summary>
    private static void Apply(NpgsqlConnectionStringBuilder builder, List<KeyValuePair<string, string>> keywords, string origin)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in keywords)
        {
            if (!LibpqKeywords.ContainsKey(key))
            {
                throw new ConnectionStringException(IsUnsupportedLibpqKeyword(key)
                    ? $"{origin} sets '{key}', which gendb does not support"
                    : $"{origin} sets '{key}', which is not a libpq connection keyword (host, port, dbname, user, password, sslmode …)");
            }

            values[key] = value;
        }

        // hostaddr stands in for host only when no host is given: Npgsql has one host setting.
        if (values.Remove("hostaddr", out var hostaddr))
        {
            values.TryAdd("host", hostaddr);
        }

        if (values.Remove("fallback_application_name", out var fallbackName))
        {
            values.TryAdd("application_name", fallbackName);
        }

        SetHostsAndPorts(builder, values, origin);
        foreach (var (key, value) in values)
        {
            var npgsqlValue = key switch
            {
                "sslmode" => Choose(key, value, origin, ("disable", "Disable"), ("allow", "Allow"), ("prefer", "Prefer"), ("require", "Require"), ("verify-ca", "VerifyCA"), ("verify-full", "VerifyFull")),
                "channel_binding" => Choose(key, value, origin, ("disable", "Disable"), ("prefer", "Prefer"), ("require", "Require")),
                "gssencmode" => Choose(key, value, origin, ("disable", "Disable"), ("prefer", "Prefer"), ("require", "Require")),
                "load_balance_hosts" => Choose(key, value, origin, ("disable", "false"), ("random", "true")),
                "keepalives" => Choose(key, value, origin, ("0", "false"), ("1", "true")),
                "connect_timeout" or "keepalives_idle" or "keepalives_interval" => Number(key, value, origin),
                _ => value,
            };
            Set(builder, LibpqKeywords[key], npgsqlValue, key, value, origin);
        }
    }

    /// <summary>
    /// libpq lists hosts and ports separately (<c>host=a,b port=5432,5433</c>); Npgsql takes
    /// <c>Host=a:5432,b:5433</c>, or one port for all.
    /// </summary>
    private static void SetHostsAndPorts(NpgsqlConnectionStringBuilder builder, Dictionary<string, string> values, string origin)
    {
        values.Remove("host", out var hostText);
        values.Remove("port", out var portText);
        var hosts = hostText?.Split(',') ?? [];
        var ports = portText?.Split(',') ?? [];
        foreach (var port in ports.Where(p => p.Length > 0))
        {
            if (!int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number is < 1 or > 65535)
            {
                throw new ConnectionStringException($"{origin} gives port '{port}', which is not a port number (1 to 65535)");
            }
        }

        if (ports.Length > 1 && hosts.Length != ports.Length)
        {
            throw new ConnectionStringException($"{origin} gives {hosts.Length} hosts and {ports.Length} ports; give one port, or one per host");
        }

        if (ports.Length == 1 && ports[0].Length > 0)
        {
            builder.Port = int.Parse(ports[0], CultureInfo.InvariantCulture);
        }

        if (hosts.Length == 1 && hosts[0].Length > 0)
        {
            builder.Host = hosts[0];
        }
        else if (hosts.Length > 1)
        {
            builder.Host = string.Join(',', hosts.Select((h, i) => ports.Length > 1 && ports[i].Length > 0 ? $"{h}:{ports[i]}" : h));
        }
    }

    private static string Choose(string key, string value, string origin, params (string Libpq, string Npgsql)[] choices) =>
        choices.FirstOrDefault(c => c.Libpq == value).Npgsql
        ?? throw new ConnectionStringException($"{origin} gives {key}={value}; {key} takes {string.Join(", ", choices.Select(c => c.Libpq))}");

    private static string Number(string key, string value, string origin) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _)
            ? value
            : throw new ConnectionStringException($"{origin} gives {key}={value}; {key} takes a whole number of seconds");

    private static void Set(NpgsqlConnectionStringBuilder builder, string npgsqlKey, string value, string key, string libpqValue, string origin)
    {
        try
        {
            builder[npgsqlKey] = value;
        }
        catch (ArgumentException)
        {
            throw new ConnectionStringException($"{origin} gives {key}={(key == "password" ? "…" : libpqValue)}, which is not a valid value for {key}");
        }
    }

    /// <summary>libpq's defaults: the local Unix socket if there is one (else localhost), the OS user, a database named after the user.</summary>
    private static void ApplyDefaults(NpgsqlConnectionStringBuilder builder, Func<string, bool> fileExists)
    {
        if (string.IsNullOrEmpty(builder.Host))
        {
            var socket = $".s.PGSQL.{builder.Port.ToString(CultureInfo.InvariantCulture)}";
            builder.Host = SocketDirectories.FirstOrDefault(d => fileExists(Path.Combine(d, socket))) ?? "localhost";
        }

        if (string.IsNullOrEmpty(builder.Username))
        {
            builder.Username = Environment.UserName;
        }

        if (string.IsNullOrEmpty(builder.Database))
        {
            builder.Database = builder.Username;
        }

        if (string.IsNullOrEmpty(builder.ApplicationName))
        {
            builder.ApplicationName = "gendb";
        }

        // Npgsql otherwise replaces an error's detail, which may name the offending row, with a notice saying so.
        builder.IncludeErrorDetail = true;

        // One connection for one command: nothing to pool, and closing it really closes it.
        builder.Pooling = false;

        // libpq has no client-side statement timeout; Npgsql's 30 s default would cut a long COPY short.
        if (!builder.Keys.Cast<string>().Contains("Command Timeout", StringComparer.OrdinalIgnoreCase))
        {
            builder.CommandTimeout = 0;
        }
    }

    private static string Decode(string text)
    {
        try
        {
            return Uri.UnescapeDataString(text);
        }
        catch (UriFormatException)
        {
            throw new ConnectionStringException($"'{text}' in the URI is not valid percent-encoding");
        }
    }

    /// <summary>The URI without its password, for messages.</summary>
    private static string Redact(string uri)
    {
        var start = uri.IndexOf("://", StringComparison.Ordinal) + 3;
        var at = uri.IndexOf('@', start);
        var colon = uri.IndexOf(':', start);
        return at > 0 && colon > 0 && colon < at ? uri[..(colon + 1)] + "…" + uri[at..] : uri;
    }
}

/// <summary><c>--db</c> (or libpq's environment) is not a connection string: a usage error, exit 64.</summary>
internal sealed class ConnectionStringException : Exception
{
    public ConnectionStringException(string message)
        : base(message)
    {
    }

    public ConnectionStringException()
    {
    }

    public ConnectionStringException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
