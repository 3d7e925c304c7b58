using Xunit;

namespace GenDb.Embedded.Tests;

/// <summary>A cluster with the shop sample loaded into a fresh database called <c>shop</c>.</summary>
public sealed class ShopSampleFixture : IAsyncLifetime
{
    public const string Database = "shop";

    private EmbeddedCluster? _cluster;

    public EmbeddedCluster Cluster => _cluster ?? throw new InvalidOperationException("The fixture has not started yet.");

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        _cluster = await EmbeddedCluster.StartAsync(new ClusterOptions(), ct: ct);
        await _cluster.CreateDatabaseAsync(Database, ct: ct);
        await _cluster.RunSqlAsync(EmbeddedCluster.LoadSample("shop"), Database, ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }
}
