using GenDb.Proxy;

namespace GenDb.IntegrationTests.Relay;

/// <summary>Parsing and printing where the real server is; no server involved.</summary>
public sealed class UpstreamEndpointTests
{
    private static UpstreamEndpoint Parsed(string text)
    {
        var parsed = UpstreamEndpoint.TryParse(text, out var endpoint, out var error);
        Assert.True(parsed, error);
        Assert.Null(error);
        return endpoint;
    }

    [Theory]
    [InlineData("db.example.com", "db.example.com", 5432)]
    [InlineData("  db.example.com  ", "db.example.com", 5432)]
    [InlineData("db.example.com:6543", "db.example.com", 6543)]
    [InlineData("10.0.0.7:5433", "10.0.0.7", 5433)]
    [InlineData("localhost:1", "localhost", 1)]
    [InlineData("localhost:65535", "localhost", 65535)]
    [InlineData("[::1]:6543", "::1", 6543)]
    [InlineData("[::1]", "::1", 5432)]
    [InlineData("[2001:db8::5]:5433", "2001:db8::5", 5433)]
    [InlineData("::1", "::1", 5432)]
    [InlineData("2001:db8::5", "2001:db8::5", 5432)]
    public void TryParse_HostForms_TcpEndpoint(string text, string host, int port)
    {
        var endpoint = Parsed(text);

        Assert.Equal(UpstreamEndpoint.Tcp(host, port), endpoint);
        Assert.Null(endpoint.SocketPath);
    }

    [Theory]
    [InlineData("postgres://db.example.com:6543/shop", "db.example.com", 6543)]
    [InlineData("postgresql://db.example.com/shop", "db.example.com", 5432)]
    [InlineData("postgres://db.example.com", "db.example.com", 5432)]
    [InlineData("postgres://alice:s3cret@db.example.com:6543/shop?sslmode=disable", "db.example.com", 6543)]
    [InlineData("postgresql://alice@db.example.com/shop", "db.example.com", 5432)]
    [InlineData("postgres://[::1]:6000/shop", "::1", 6000)]
    [InlineData("PostgreSQL://db.example.com:6543", "db.example.com", 6543)]
    public void TryParse_Uri_HostAndPortOnly(string text, string host, int port)
    {
        Assert.Equal(UpstreamEndpoint.Tcp(host, port), Parsed(text));
    }

    [Theory]
    [InlineData("/var/run/postgresql", "/var/run/postgresql", 5432, "/var/run/postgresql/.s.PGSQL.5432")]
    [InlineData("/tmp:6543", "/tmp", 6543, "/tmp/.s.PGSQL.6543")]
    [InlineData("/var/run/postgresql/", "/var/run/postgresql/", 5432, "/var/run/postgresql/.s.PGSQL.5432")]
    public void TryParse_SocketDirectory_UnixSocket(string text, string directory, int port, string socketPath)
    {
        var endpoint = Parsed(text);

        Assert.Equal(directory, endpoint.Host);
        Assert.Equal(port, endpoint.Port);
        Assert.Equal(socketPath, endpoint.SocketPath);
        Assert.Equal(UpstreamEndpoint.UnixSocket(directory, port), endpoint);
    }

    [Fact]
    public void TryParse_SocketFilePath_ThatFile()
    {
        var endpoint = Parsed("/var/run/postgresql/.s.PGSQL.5432");

        Assert.Equal("/var/run/postgresql/.s.PGSQL.5432", endpoint.SocketPath);
        Assert.Equal("/var/run/postgresql", endpoint.Host);
        Assert.Equal(UpstreamEndpoint.UnixSocket("/var/run/postgresql", 5432), endpoint);
    }

    /// <summary>The port is part of the socket file's name; <see cref="UpstreamEndpoint.Port"/> should agree with it.</summary>
    [Fact]
    public void TryParse_SocketFilePathForOtherPort_PortFromFileName()
    {
        var endpoint = Parsed("/tmp/.s.PGSQL.6543");

        Assert.Equal("/tmp/.s.PGSQL.6543", endpoint.SocketPath);
        Assert.Equal(6543, endpoint.Port);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\n")]
    public void TryParse_EmptyOrWhitespace_False(string? text)
    {
        var parsed = UpstreamEndpoint.TryParse(text, out _, out var error);

        Assert.False(parsed);
        Assert.Equal("the upstream address is empty", error);
    }

    [Theory]
    [InlineData("db:0")]
    [InlineData("db:65536")]
    [InlineData("db:99999")]
    [InlineData("db:-1")]
    [InlineData("db:+5")]
    [InlineData("db:port")]
    [InlineData("db:")]
    [InlineData("[::1]:0")]
    [InlineData("[::1]:x")]
    public void TryParse_BadPort_FalseNamingThePort(string text)
    {
        var parsed = UpstreamEndpoint.TryParse(text, out _, out var error);

        Assert.False(parsed);
        Assert.NotNull(error);
        Assert.Contains("is not a port number", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[::1", "unclosed")]
    [InlineData("[::1]6000", "is not HOST:PORT")]
    [InlineData(":5432", "has no host")]
    [InlineData("[]:5432", "has no host")]
    [InlineData("postgres://", "not a valid postgres:// URI")]
    [InlineData("postgres:///shop", "not a valid postgres:// URI")]
    public void TryParse_Malformed_FalseWithReason(string text, string reason)
    {
        var parsed = UpstreamEndpoint.TryParse(text, out _, out var error);

        Assert.False(parsed);
        Assert.NotNull(error);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1", 1)]
    [InlineData("5432", 5432)]
    [InlineData("65535", 65535)]
    public void TryParsePort_InRange_True(string text, int expected)
    {
        Assert.True(UpstreamEndpoint.TryParsePort(text, out var port));
        Assert.Equal(expected, port);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("65536")]
    [InlineData("-1")]
    [InlineData(" 5432")]
    [InlineData("5432,5433")]
    [InlineData("")]
    public void TryParsePort_OutOfRangeOrNotDigits_False(string text)
    {
        Assert.False(UpstreamEndpoint.TryParsePort(text, out _));
    }

    [Theory]
    [InlineData("db.example.com", 5432, "db.example.com:5432")]
    [InlineData("127.0.0.1", 6543, "127.0.0.1:6543")]
    [InlineData("::1", 6000, "[::1]:6000")]
    [InlineData("2001:db8::5", 5432, "[2001:db8::5]:5432")]
    public void ToString_Tcp_ParsesBackEqual(string host, int port, string text)
    {
        var endpoint = UpstreamEndpoint.Tcp(host, port);

        Assert.Equal(text, endpoint.ToString());
        Assert.Equal(endpoint, Parsed(endpoint.ToString()));
    }

    [Theory]
    [InlineData("/var/run/postgresql", 5432)]
    [InlineData("/tmp", 6543)]
    public void ToString_UnixSocket_SocketPathParsesBackEqual(string directory, int port)
    {
        var endpoint = UpstreamEndpoint.UnixSocket(directory, port);

        var parsed = Parsed(endpoint.ToString());

        Assert.Equal($"{directory}/.s.PGSQL.{port}", endpoint.ToString());
        Assert.Equal((endpoint.Host, endpoint.Port, endpoint.SocketPath), (parsed.Host, parsed.Port, parsed.SocketPath));
        Assert.Equal(endpoint, parsed);
    }
}
