using System.Net;
using GenDb.Embedded;
using GenDb.Proxy;
using GenDb.Proxy.Gendb;
using Npgsql;

[assembly: AssemblyFixture(typeof(GenDb.IntegrationTests.Infrastructure.PostgresFixture))]

namespace GenDb.IntegrationTests.Infrastructure;

/// <summary>
/// One throwaway PostgreSQL 15 for the whole test run, and a GenDB proxy in front of it, in this
/// process. Roles: the superuser (trust), <see cref="ScramUser"/> (scram-sha-256) and
/// <see cref="Md5User"/> (md5). Missing server binaries fail the run with how to install them.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    public const string ScramUser = "scram_user";
    public const string ScramPassword = "scram secret ü";
    public const string Md5User = "md5_user";
    public const string Md5Password = "md5-secret";
    public const string Database = "gendb_test";

    private EmbeddedCluster? _cluster;
    private ProxyServer? _proxy;

    public EmbeddedCluster Cluster => _cluster ?? throw new InvalidOperationException("Not started.");
    public ProxyServer Proxy => _proxy ?? throw new InvalidOperationException("Not started.");
    public CapturingLoggerProvider ProxyLog { get; } = new();

    public IPEndPoint ProxyEndPoint => Proxy.LocalEndPoint;

    public async ValueTask InitializeAsync()
    {
        _cluster = await EmbeddedCluster.StartAsync(new ClusterOptions
        {
            Roles =
            [
                new ClusterRole(ScramUser, ScramPassword, PasswordMethod.ScramSha256),
                new ClusterRole(Md5User, Md5Password, PasswordMethod.Md5),
            ],
            MaxConnections = 300,
        });
        await _cluster.CreateDatabaseAsync(Database, ScramUser);
        await _cluster.RunSqlAsync($"GRANT ALL ON DATABASE {Database} TO {Md5User};");
        // The proxy as gendb serve runs it: with the gendb hook, so every relay test also shows
        // that the interception leaves ordinary traffic alone.
        _proxy = StartProxy(new ProxyOptions(), GendbHooks.Factory());
    }

    /// <summary>Another proxy in front of the same server, for tests that need their own options.</summary>
    public ProxyServer StartProxy(ProxyOptions options, Func<SessionInfo, IClientMessageHook?>? hookFactory = null, CapturingLoggerProvider? log = null)
    {
        var loggerFactory = (log ?? ProxyLog).CreateFactory();
        var proxy = new ProxyServer(
            options with
            {
                Listen = new IPEndPoint(IPAddress.Loopback, 0),
                Upstream = UpstreamEndpoint.Tcp(Cluster.Host, Cluster.Port),
            },
            loggerFactory,
            hookFactory);
        proxy.Start();
        return proxy;
    }

    public string DirectConnectionString(string user = ScramUser, string? password = ScramPassword, string database = Database) =>
        new NpgsqlConnectionStringBuilder(Cluster.ConnectionString(database, user, password)) { Pooling = false, Timeout = 15, CommandTimeout = 60 }.ConnectionString;

    public string ProxyConnectionString(string user = ScramUser, string? password = ScramPassword, string database = Database, ProxyServer? proxy = null) =>
        new NpgsqlConnectionStringBuilder(DirectConnectionString(user, password, database))
        {
            Host = "127.0.0.1",
            Port = (proxy ?? Proxy).LocalEndPoint.Port,
        }.ConnectionString;

    public async Task<NpgsqlConnection> OpenProxyAsync(Action<NpgsqlConnectionStringBuilder>? configure = null)
    {
        var builder = new NpgsqlConnectionStringBuilder(ProxyConnectionString());
        configure?.Invoke(builder);
        var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        return connection;
    }

    public async Task<NpgsqlConnection> OpenDirectAsync(Action<NpgsqlConnectionStringBuilder>? configure = null)
    {
        var builder = new NpgsqlConnectionStringBuilder(DirectConnectionString());
        configure?.Invoke(builder);
        var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        if (_proxy is not null)
        {
            await _proxy.DisposeAsync();
        }

        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }
}
