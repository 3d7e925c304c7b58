using Npgsql;
using Xunit;

namespace GenDb.Embedded.Tests;

public sealed class EmbeddedClusterTests(RolesClusterFixture fixture) : IClassFixture<RolesClusterFixture>
{
    private const string InvalidPassword = "28P01";

    private EmbeddedCluster Cluster => fixture.Cluster;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task StartAsync_DefaultSuperuser_AnswersSelectVersionWithoutPassword()
    {
        await using var connection = new NpgsqlConnection(Cluster.ConnectionString());
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand("select version(), current_user, inet_server_addr()::text", connection);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        Assert.True(await reader.ReadAsync(Ct));

        Assert.StartsWith("PostgreSQL ", reader.GetString(0), StringComparison.Ordinal);
        Assert.Equal("postgres", reader.GetString(1));
        Assert.Equal("127.0.0.1/32", reader.GetString(2));
    }

    [Fact]
    public void Properties_RunningCluster_DescribeLoopbackAndTemporaryDirectory()
    {
        Assert.Equal("127.0.0.1", Cluster.Host);
        Assert.Equal("postgres", Cluster.SuperUser);
        Assert.InRange(Cluster.Port, 1, 65535);
        Assert.StartsWith("gendb-pg-", Path.GetFileName(Cluster.SocketDirectory), StringComparison.Ordinal);
        Assert.StartsWith(Path.GetFullPath(Path.GetTempPath()), Cluster.SocketDirectory, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(Cluster.DataDirectory, "PG_VERSION")));
        Assert.True(File.Exists(Path.Combine(Cluster.SocketDirectory, $".s.PGSQL.{Cluster.Port}")));
    }

    [Theory]
    [InlineData("alice_scram")]
    [InlineData("bob_md5")]
    public async Task PasswordRole_RightPassword_LogsInAsThatRole(string roleName)
    {
        var role = RolesClusterFixture.Role(roleName);
        await using var connection = new NpgsqlConnection(Cluster.ConnectionString(user: role.Name, password: role.Password));
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand("select current_user", connection);

        Assert.Equal(role.Name, await command.ExecuteScalarAsync(Ct));
    }

    [Theory]
    [InlineData("alice_scram")]
    [InlineData("bob_md5")]
    public async Task PasswordRole_WrongPassword_Fails28P01(string roleName)
    {
        var role = RolesClusterFixture.Role(roleName);
        await using var connection = new NpgsqlConnection(Cluster.ConnectionString(user: role.Name, password: role.Password + "-wrong"));

        var ex = await Assert.ThrowsAsync<PostgresException>(() => connection.OpenAsync(Ct));
        Assert.Equal(InvalidPassword, ex.SqlState);
    }

    [Theory]
    [InlineData("alice_scram", "SCRAM-SHA-256$")]
    [InlineData("bob_md5", "md5")]
    public async Task PasswordRole_StoredPassword_IsHashedForItsMethod(string roleName, string prefix)
    {
        var stored = await Cluster.RunSqlAsync($"select rolpassword from pg_authid where rolname = '{roleName}'", ct: Ct);

        Assert.StartsWith(prefix, stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RoleCreatedLater_WithScramPassword_MustUseItsPassword()
    {
        await Cluster.RunSqlAsync("create role carol_later login password 'later-pass'", ct: Ct);
        await using var wrong = new NpgsqlConnection(Cluster.ConnectionString(user: "carol_later", password: "nope"));
        var ex = await Assert.ThrowsAsync<PostgresException>(() => wrong.OpenAsync(Ct));
        Assert.Equal(InvalidPassword, ex.SqlState);

        await using var right = new NpgsqlConnection(Cluster.ConnectionString(user: "carol_later", password: "later-pass"));
        await right.OpenAsync(Ct);
        Assert.Equal(System.Data.ConnectionState.Open, right.State);
    }

    [Fact]
    public async Task StartAsync_Options_AppliedToServerSettings()
    {
        var settings = await Cluster.RunSqlAsync(
            "select name || '=' || setting from pg_settings where name in ('fsync', 'synchronous_commit', 'full_page_writes', 'max_connections', 'work_mem', 'listen_addresses') order by name",
            ct: Ct);

        Assert.Equal(
            ["fsync=off", "full_page_writes=off", "listen_addresses=127.0.0.1", "max_connections=50", "synchronous_commit=off", "work_mem=8192"],
            settings.Split('\n'));
    }

    [Fact]
    public async Task RunSqlAsync_SeveralStatements_ReturnsEveryRowUnaligned()
    {
        var output = await Cluster.RunSqlAsync("select 1, 'a';\nselect g from generate_series(2, 3) g;", ct: Ct);

        Assert.Equal("1|a\n2\n3", output);
    }

    [Fact]
    public async Task RunSqlAsync_InvalidSql_ThrowsWithPsqlStderr()
    {
        var ex = await Assert.ThrowsAsync<PostgresCommandException>(
            () => Cluster.RunSqlAsync("select 1;\nselect * from no_such_table;\nselect 2;", ct: Ct));

        Assert.Equal(3, ex.ExitCode);
        Assert.Contains("relation \"no_such_table\" does not exist", ex.StandardError, StringComparison.Ordinal);
        Assert.Contains("psql", ex.Command, StringComparison.Ordinal);
        Assert.Contains("no_such_table", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunSqlAsync_NonAsciiText_RoundTripsAsUtf8()
    {
        Assert.Equal("Kraków · Zoë · 東京", await Cluster.RunSqlAsync("select 'Kraków · Zoë · 東京'", ct: Ct));
    }

    [Fact]
    public async Task RunSqlFileAsync_ScriptFile_RunsEveryStatement()
    {
        var path = Path.Combine(Path.GetTempPath(), $"gendb-test-{Guid.NewGuid():N}.sql");
        await File.WriteAllTextAsync(path, "create table file_made (n int);\ninsert into file_made values (1), (2);\n", Ct);
        try
        {
            await Cluster.RunSqlFileAsync(path, ct: Ct);
        }
        finally
        {
            File.Delete(path);
        }

        Assert.Equal("2", await Cluster.RunSqlAsync("select count(*) from file_made", ct: Ct));
    }

    [Fact]
    public async Task CreateDatabaseAsync_WithOwner_DatabaseOwnedByThatRole()
    {
        await Cluster.CreateDatabaseAsync("Owned By-Alice", RolesClusterFixture.ScramRole.Name, Ct);

        var owner = await Cluster.RunSqlAsync(
            "select pg_get_userbyid(datdba) from pg_database where datname = 'Owned By-Alice'", ct: Ct);
        Assert.Equal(RolesClusterFixture.ScramRole.Name, owner);

        await using var connection = new NpgsqlConnection(Cluster.ConnectionString(
            "Owned By-Alice", RolesClusterFixture.ScramRole.Name, RolesClusterFixture.ScramRole.Password));
        await connection.OpenAsync(Ct);
        Assert.Equal("Owned By-Alice", connection.Database);
    }

    [Fact]
    public void ConnectionString_WithPassword_NamesEveryPart()
    {
        var builder = new NpgsqlConnectionStringBuilder(Cluster.ConnectionString("shop", "alice", "p;w'd"));

        Assert.Equal("127.0.0.1", builder.Host);
        Assert.Equal(Cluster.Port, builder.Port);
        Assert.Equal("alice", builder.Username);
        Assert.Equal("shop", builder.Database);
        Assert.Equal("p;w'd", builder.Password);
    }

    [Fact]
    public void ConnectionString_Defaults_SuperuserWithoutPassword()
    {
        Assert.Equal(
            $"Host=127.0.0.1;Port={Cluster.Port};Username=postgres;Database=postgres",
            Cluster.ConnectionString());
    }
}
