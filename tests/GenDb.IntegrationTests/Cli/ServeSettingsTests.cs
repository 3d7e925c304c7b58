using System.Net;
using GenDb.Cli;
using GenDb.Proxy;
using Microsoft.Extensions.Logging;

namespace GenDb.IntegrationTests.Cli;

/// <summary>How <c>gendb serve</c> turns flags and environment into options; no server involved.</summary>
public sealed class ServeSettingsTests
{
    private static Func<string, string?> Environment(params (string Name, string Value)[] variables)
    {
        var map = variables.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);
        return name => map.GetValueOrDefault(name);
    }

    private static readonly Func<string, string?> NoEnvironment = Environment();

    private static ProxyOptions Resolve(ServeArguments arguments, Func<string, string?>? environment = null)
    {
        var resolved = ServeSettings.TryResolve(arguments, environment ?? NoEnvironment, out var options, out _, out var error);
        Assert.True(resolved, error);
        Assert.Null(error);
        return options;
    }

    private static string Refused(ServeArguments arguments, Func<string, string?>? environment = null)
    {
        var resolved = ServeSettings.TryResolve(arguments, environment ?? NoEnvironment, out _, out _, out var error);
        Assert.False(resolved);
        Assert.NotNull(error);
        return error;
    }

    [Fact]
    public void TryResolve_NothingGiven_LoopbackDefaults()
    {
        var resolved = ServeSettings.TryResolve(new ServeArguments(), NoEnvironment, out var options, out var level, out var error);

        Assert.True(resolved);
        Assert.Null(error);
        Assert.Equal(new IPEndPoint(IPAddress.Loopback, 5433), options.Listen);
        Assert.Equal(UpstreamEndpoint.Tcp("127.0.0.1", 5432), options.Upstream);
        Assert.Null(options.Upstream.SocketPath);
        Assert.Equal(new ProxyOptions().MaxConnections, options.MaxConnections);
        Assert.Equal(LogLevel.Information, level);
    }

    [Fact]
    public void TryResolve_ListenFlagAndEnvironment_FlagWins()
    {
        var options = Resolve(new ServeArguments { Listen = "127.0.0.1:7001" }, Environment(("GENDB_LISTEN", "127.0.0.1:7002")));

        Assert.Equal(new IPEndPoint(IPAddress.Loopback, 7001), options.Listen);
    }

    [Fact]
    public void TryResolve_ListenOnlyInEnvironment_EnvironmentUsed()
    {
        var options = Resolve(new ServeArguments(), Environment(("GENDB_LISTEN", "0.0.0.0:7002")));

        Assert.Equal(new IPEndPoint(IPAddress.Any, 7002), options.Listen);
    }

    [Fact]
    public void TryResolve_UpstreamFlagAndEveryVariable_FlagWins()
    {
        var environment = Environment(("GENDB_UPSTREAM", "env-host:6001"), ("PGHOST", "pg-host"), ("PGPORT", "6002"));

        var options = Resolve(new ServeArguments { Upstream = "flag-host:6000" }, environment);

        Assert.Equal(UpstreamEndpoint.Tcp("flag-host", 6000), options.Upstream);
    }

    [Fact]
    public void TryResolve_GenDbUpstreamAndPgHost_GenDbUpstreamWins()
    {
        var environment = Environment(("GENDB_UPSTREAM", "env-host:6001"), ("PGHOST", "pg-host"), ("PGPORT", "6002"));

        var options = Resolve(new ServeArguments(), environment);

        Assert.Equal(UpstreamEndpoint.Tcp("env-host", 6001), options.Upstream);
    }

    [Fact]
    public void TryResolve_GenDbUpstreamSet_BadPgPortNotLookedAt()
    {
        var options = Resolve(new ServeArguments(), Environment(("GENDB_UPSTREAM", "env-host"), ("PGPORT", "not-a-port")));

        Assert.Equal(UpstreamEndpoint.Tcp("env-host", 5432), options.Upstream);
    }

    [Fact]
    public void TryResolve_PgHostAndPgPort_Used()
    {
        var options = Resolve(new ServeArguments(), Environment(("PGHOST", "pg-host"), ("PGPORT", "6002")));

        Assert.Equal(UpstreamEndpoint.Tcp("pg-host", 6002), options.Upstream);
    }

    [Fact]
    public void TryResolve_OnlyPgPort_LoopbackOnThatPort()
    {
        var options = Resolve(new ServeArguments(), Environment(("PGPORT", "6002")));

        Assert.Equal(UpstreamEndpoint.Tcp("127.0.0.1", 6002), options.Upstream);
    }

    [Fact]
    public void TryResolve_OnlyPgHost_DefaultPort()
    {
        var options = Resolve(new ServeArguments(), Environment(("PGHOST", "pg-host")));

        Assert.Equal(UpstreamEndpoint.Tcp("pg-host", 5432), options.Upstream);
    }

    [Fact]
    public void TryResolve_EmptyPgHostAndPgPort_TreatedAsUnset()
    {
        var options = Resolve(new ServeArguments(), Environment(("PGHOST", ""), ("PGPORT", "")));

        Assert.Equal(UpstreamEndpoint.Tcp("127.0.0.1", 5432), options.Upstream);
    }

    [Theory]
    [InlineData(null, "/var/run/postgresql/.s.PGSQL.5432")]
    [InlineData("6543", "/var/run/postgresql/.s.PGSQL.6543")]
    public void TryResolve_PgHostSocketDirectory_UnixSocketUpstream(string? pgPort, string socketPath)
    {
        var environment = pgPort is null
            ? Environment(("PGHOST", "/var/run/postgresql"))
            : Environment(("PGHOST", "/var/run/postgresql"), ("PGPORT", pgPort));

        var options = Resolve(new ServeArguments(), environment);

        Assert.Equal(socketPath, options.Upstream.SocketPath);
        Assert.Equal("/var/run/postgresql", options.Upstream.Host);
        Assert.Equal(socketPath, options.Upstream.ToString());
    }

    [Theory]
    [InlineData("primary,standby", "primary", null)]
    [InlineData("/tmp,standby", "/tmp", "/tmp/.s.PGSQL.5432")]
    public void TryResolve_PgHostList_FirstHost(string pgHost, string host, string? socketPath)
    {
        var options = Resolve(new ServeArguments(), Environment(("PGHOST", pgHost)));

        Assert.Equal(host, options.Upstream.Host);
        Assert.Equal(5432, options.Upstream.Port);
        Assert.Equal(socketPath, options.Upstream.SocketPath);
    }

    /// <summary>
    /// libpq takes PGPORT as a comma-separated list that goes with a PGHOST list (or one port for all);
    /// as the first host is taken from PGHOST, its port should be taken from PGPORT.
    /// </summary>
    [Fact]
    public void TryResolve_PgHostAndPgPortLists_FirstOfEach()
    {
        var options = Resolve(new ServeArguments(), Environment(("PGHOST", "primary,standby"), ("PGPORT", "6001,6002")));

        Assert.Equal(UpstreamEndpoint.Tcp("primary", 6001), options.Upstream);
    }

    [Theory]
    [InlineData("127.0.0.1:7001")]
    [InlineData(null)]
    public void TryResolve_PortFlag_OverridesListenPort(string? listen)
    {
        var options = Resolve(new ServeArguments { Listen = listen, Port = 7100 }, Environment(("GENDB_LISTEN", "0.0.0.0:7002")));

        Assert.Equal(new IPEndPoint(listen is null ? IPAddress.Any : IPAddress.Loopback, 7100), options.Listen);
    }

    [Fact]
    public void TryResolve_PortFlagAlone_LoopbackOnThatPort()
    {
        var options = Resolve(new ServeArguments { Port = 0 });

        Assert.Equal(new IPEndPoint(IPAddress.Loopback, 0), options.Listen);
    }

    [Fact]
    public void TryResolve_DbHostname_ReplacesHostKeepsPort()
    {
        var options = Resolve(new ServeArguments { Upstream = "db:6000", DbHostname = "other" });

        Assert.Equal(UpstreamEndpoint.Tcp("other", 6000), options.Upstream);
    }

    [Fact]
    public void TryResolve_DbPort_ReplacesPortKeepsHost()
    {
        var options = Resolve(new ServeArguments { DbPort = 6100 }, Environment(("GENDB_UPSTREAM", "db:6000")));

        Assert.Equal(UpstreamEndpoint.Tcp("db", 6100), options.Upstream);
    }

    [Fact]
    public void TryResolve_DbHostnameAndDbPort_OverridePgHostAndPgPort()
    {
        var options = Resolve(new ServeArguments { DbHostname = "flag-host", DbPort = 6100 }, Environment(("PGHOST", "pg-host"), ("PGPORT", "6002")));

        Assert.Equal(UpstreamEndpoint.Tcp("flag-host", 6100), options.Upstream);
    }

    [Fact]
    public void TryResolve_DbPortWithSocketDirectory_SocketFileForThatPort()
    {
        var options = Resolve(new ServeArguments { DbPort = 6100 }, Environment(("PGHOST", "/var/run/postgresql")));

        Assert.Equal("/var/run/postgresql/.s.PGSQL.6100", options.Upstream.SocketPath);
    }

    [Fact]
    public void TryResolve_DbHostnameSocketDirectory_UnixSocketKeepingPort()
    {
        var options = Resolve(new ServeArguments { Upstream = "db:6000", DbHostname = "/tmp" });

        Assert.Equal("/tmp/.s.PGSQL.6000", options.Upstream.SocketPath);
        Assert.Equal(6000, options.Upstream.Port);
    }

    [Fact]
    public void TryResolve_MaxConnections_Used()
    {
        Assert.Equal(7, Resolve(new ServeArguments { MaxConnections = 7 }).MaxConnections);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("0")]
    [InlineData("65536")]
    [InlineData("-1")]
    public void TryResolve_BadPgPort_FalseNamingPgPort(string pgPort)
    {
        var error = Refused(new ServeArguments(), Environment(("PGPORT", pgPort)));

        Assert.Contains("PGPORT", error, StringComparison.Ordinal);
        Assert.Contains(pgPort, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void TryResolve_MaxConnectionsBelowOne_FalseNamingFlag(int maxConnections)
    {
        var error = Refused(new ServeArguments { MaxConnections = maxConnections });

        Assert.Contains("--max-connections", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryResolve_UnknownLogLevel_FalseNamingFlagAndValue()
    {
        var error = Refused(new ServeArguments { LogLevel = "loud" });

        Assert.Contains("--log-level", error, StringComparison.Ordinal);
        Assert.Contains("'loud'", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("localhost:99999")]
    [InlineData("[::1")]
    [InlineData("[::1]")]
    [InlineData("127.0.0.1:")]
    [InlineData("127.0.0.1:-1")]
    [InlineData("127.0.0.1:port")]
    public void TryResolve_BadListen_FalseNamingFlag(string listen)
    {
        var error = Refused(new ServeArguments { Listen = listen });

        Assert.Contains("--listen", error, StringComparison.Ordinal);
        Assert.Contains(listen, error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryResolve_BadGenDbListen_FalseShowingValue()
    {
        var error = Refused(new ServeArguments(), Environment(("GENDB_LISTEN", "127.0.0.1:99999")));

        Assert.Contains("127.0.0.1:99999", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(65536)]
    public void TryResolve_PortOutOfRange_FalseNamingFlag(int port)
    {
        var error = Refused(new ServeArguments { Port = port });

        Assert.Contains("--port", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(65536)]
    public void TryResolve_DbPortOutOfRange_FalseNamingFlag(int port)
    {
        var error = Refused(new ServeArguments { DbPort = port });

        Assert.Contains("--db-port", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("db:0")]
    [InlineData("")]
    [InlineData("[::1")]
    public void TryResolve_BadUpstream_FalseNamingFlag(string upstream)
    {
        var error = Refused(new ServeArguments { Upstream = upstream });

        Assert.StartsWith("--upstream", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, LogLevel.Information)]
    [InlineData("", LogLevel.Information)]
    [InlineData("trace", LogLevel.Trace)]
    [InlineData("TRACE", LogLevel.Trace)]
    [InlineData("Debug", LogLevel.Debug)]
    [InlineData("info", LogLevel.Information)]
    [InlineData("Information", LogLevel.Information)]
    [InlineData("warn", LogLevel.Warning)]
    [InlineData("WARNING", LogLevel.Warning)]
    [InlineData("eRrOr", LogLevel.Error)]
    [InlineData("critical", LogLevel.Critical)]
    [InlineData("Fatal", LogLevel.Critical)]
    [InlineData("none", LogLevel.None)]
    [InlineData(" off ", LogLevel.None)]
    public void TryResolve_LogLevel_ParsedCaseInsensitively(string? text, LogLevel expected)
    {
        var resolved = ServeSettings.TryResolve(new ServeArguments { LogLevel = text }, NoEnvironment, out _, out var level, out var error);

        Assert.True(resolved, error);
        Assert.Equal(expected, level);
    }

    [Theory]
    [InlineData("127.0.0.1:6000", "127.0.0.1", 6000)]
    [InlineData("  127.0.0.1:6000  ", "127.0.0.1", 6000)]
    [InlineData("6000", "127.0.0.1", 6000)]
    [InlineData(":6000", "127.0.0.1", 6000)]
    [InlineData("*:6000", "0.0.0.0", 6000)]
    [InlineData("0.0.0.0:6000", "0.0.0.0", 6000)]
    [InlineData("localhost:6000", "127.0.0.1", 6000)]
    [InlineData("LOCALHOST:6000", "127.0.0.1", 6000)]
    [InlineData("[::1]:6000", "::1", 6000)]
    [InlineData("[::]:6000", "::", 6000)]
    [InlineData("10.1.2.3:0", "10.1.2.3", 0)]
    [InlineData("127.0.0.1:65535", "127.0.0.1", 65535)]
    public void TryParseListen_AcceptedForms_EndPoint(string text, string address, int port)
    {
        var parsed = ServeSettings.TryParseListen(text, out var endPoint, out var error);

        Assert.True(parsed, error);
        Assert.Equal(new IPEndPoint(IPAddress.Parse(address), port), endPoint);
    }

    [Fact]
    public void TryParseListen_Star_EveryAddress()
    {
        ServeSettings.TryParseListen("*:5433", out var endPoint, out _);

        Assert.Equal(IPAddress.Any, endPoint.Address);
        Assert.Equal("0.0.0.0", endPoint.Address.ToString());
    }

    /// <summary>The doc comment lists a lone <c>*</c> beside <c>PORT</c> and <c>:PORT</c> as an accepted form.</summary>
    [Fact]
    public void TryParseListen_StarAlone_EveryAddressOnDefaultPort()
    {
        var parsed = ServeSettings.TryParseListen("*", out var endPoint, out var error);

        Assert.True(parsed, error);
        Assert.Equal(new IPEndPoint(IPAddress.Any, ServeSettings.DefaultListenPort), endPoint);
    }

    [Fact]
    public void TryParseListen_BracketedV6Loopback_IPv6Loopback()
    {
        var parsed = ServeSettings.TryParseListen("[::1]:6000", out var endPoint, out _);

        Assert.True(parsed);
        Assert.Equal(IPAddress.IPv6Loopback, endPoint.Address);
        Assert.Equal(System.Net.Sockets.AddressFamily.InterNetworkV6, endPoint.AddressFamily);
        Assert.Equal(6000, endPoint.Port);
    }

    [Theory]
    [InlineData("host:99999", "'99999' is not a port number")]
    [InlineData("[::1", "is not [ADDRESS]:PORT")]
    [InlineData("[::1]6000", "is not [ADDRESS]:PORT")]
    [InlineData("", "is not a port number")]
    [InlineData("127.0.0.1:+5", "is not a port number")]
    public void TryParseListen_Malformed_FalseWithReason(string text, string reason)
    {
        var parsed = ServeSettings.TryParseListen(text, out _, out var error);

        Assert.False(parsed);
        Assert.NotNull(error);
        Assert.StartsWith("--listen", error, StringComparison.Ordinal);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }
}
