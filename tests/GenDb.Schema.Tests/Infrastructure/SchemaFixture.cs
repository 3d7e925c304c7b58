using GenDb.Embedded;
using GenDb.Sql.Npgsql;
using Npgsql;

namespace GenDb.Schema.Tests.Infrastructure;

/// <summary>
/// A throwaway PostgreSQL with one database per SQL script, each read once by the introspector.
/// One per test class: the subclasses name the scripts.
/// </summary>
public abstract class SchemaFixture : IAsyncLifetime
{
    private readonly Dictionary<string, (DatabaseModel Model, int QueryCount)> _models = [];
    private EmbeddedCluster? _cluster;

    public EmbeddedCluster Cluster => _cluster ?? throw new InvalidOperationException("Not started.");

    /// <summary>Database name → SQL script path.</summary>
    protected abstract IReadOnlyDictionary<string, string> Scripts { get; }

    public DatabaseModel Model(string database) => _models[database].Model;

    public int QueryCount(string database) => _models[database].QueryCount;

    public async ValueTask InitializeAsync()
    {
        _cluster = await EmbeddedCluster.StartAsync(new ClusterOptions());
        foreach (var (database, script) in Scripts)
        {
            await _cluster.CreateDatabaseAsync(database);
            await _cluster.RunSqlFileAsync(script, database);
            _models[database] = await ReadAsync(database);
        }
    }

    public async Task<(DatabaseModel Model, int QueryCount)> ReadAsync(string database)
    {
        var builder = new NpgsqlConnectionStringBuilder(Cluster.ConnectionString(database)) { Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        var session = new CountingSqlSession(new NpgsqlSqlSession(connection));
        var model = await SchemaIntrospector.ReadAsync(session, CancellationToken.None);
        return (model, session.QueryCount);
    }

    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    protected static string SharedSchema(string fileName) => Path.Combine(RepositoryRoot(), "..", "shared", "schemas", fileName);

    protected static string TestSchema(string fileName) => Path.Combine(AppContext.BaseDirectory, "Schemas", fileName);

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

public sealed class PagilaFixture : SchemaFixture
{
    public const string Database = "pagila";

    protected override IReadOnlyDictionary<string, string> Scripts { get; } = new Dictionary<string, string>
    {
        [Database] = SharedSchema("pagila-schema.sql"),
    };
}

public sealed class ChinookFixture : SchemaFixture
{
    public const string Database = "chinook";

    protected override IReadOnlyDictionary<string, string> Scripts { get; } = new Dictionary<string, string>
    {
        [Database] = SharedSchema("chinook.sql"),
    };
}

public sealed class KitchenSinkFixture : SchemaFixture
{
    public const string Database = "kitchen_sink";

    protected override IReadOnlyDictionary<string, string> Scripts { get; } = new Dictionary<string, string>
    {
        [Database] = TestSchema("kitchen-sink.sql"),
    };
}
