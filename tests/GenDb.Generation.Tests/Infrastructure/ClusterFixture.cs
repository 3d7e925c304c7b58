using GenDb.Embedded;
using Npgsql;

[assembly: AssemblyFixture(typeof(GenDb.Generation.Tests.Infrastructure.ClusterFixture))]

namespace GenDb.Generation.Tests.Infrastructure;

/// <summary>One throwaway PostgreSQL 15 for the generation tests; each test class makes its own database.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    private EmbeddedCluster? _cluster;
    private int _databases;

    public EmbeddedCluster Cluster => _cluster ?? throw new InvalidOperationException("Not started.");

    public async ValueTask InitializeAsync() =>
        _cluster = await EmbeddedCluster.StartAsync(new ClusterOptions { MaxConnections = 200 });

    /// <summary>A new empty database, optionally loaded from a SQL script file; returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix, string? scriptPath = null)
    {
        var name = $"{prefix}_{Interlocked.Increment(ref _databases)}";
        await Cluster.CreateDatabaseAsync(name);
        if (scriptPath is not null)
        {
            await Cluster.RunSqlFileAsync(scriptPath, name);
        }

        return new NpgsqlConnectionStringBuilder(Cluster.ConnectionString(name)) { Pooling = false }.ConnectionString;
    }

    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }

    /// <summary>A file under ../shared/schemas beside the clone.</summary>
    public static string SharedSchema(string fileName) => Path.Combine(RepositoryRoot(), "..", "shared", "schemas", fileName);

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "GenDb.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No GenDb.slnx above {AppContext.BaseDirectory}.");
    }
}
