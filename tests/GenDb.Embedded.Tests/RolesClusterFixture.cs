using Xunit;

namespace GenDb.Embedded.Tests;

/// <summary>One cluster for a test class, with a SCRAM role, an md5 role and a few extra settings.</summary>
public sealed class RolesClusterFixture : IAsyncLifetime
{
    // Quotes and separators prove the password survives CREATE ROLE and the connection string intact.
    public static readonly ClusterRole ScramRole = new("alice_scram", "s3cret; it's 'quoted'", PasswordMethod.ScramSha256);
    public static readonly ClusterRole Md5Role = new("bob_md5", "hunter2=\"x\"", PasswordMethod.Md5);

    private EmbeddedCluster? _cluster;

    public EmbeddedCluster Cluster => _cluster ?? throw new InvalidOperationException("The fixture has not started yet.");

    public static ClusterRole Role(string name) =>
        name == ScramRole.Name ? ScramRole : name == Md5Role.Name ? Md5Role : throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown role.");

    public async ValueTask InitializeAsync()
    {
        _cluster = await EmbeddedCluster.StartAsync(
            new ClusterOptions
            {
                Roles = [ScramRole, Md5Role],
                MaxConnections = 50,
                Settings = new Dictionary<string, string> { ["work_mem"] = "8MB" },
            },
            ct: TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }
}
