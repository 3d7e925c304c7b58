using GenDb.Cli;
using Npgsql;

namespace GenDb.IntegrationTests.Cli;

/// <summary>How <c>--db</c> and libpq's environment become an Npgsql connection; no server involved.</summary>
public sealed class ConnectionStringsTests
{
    private static NpgsqlConnectionStringBuilder Resolve(string? db, params (string Name, string Value)[] environment)
    {
        var variables = environment.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);
        return ConnectionStrings.Resolve(db, name => variables.GetValueOrDefault(name), _ => false);
    }

    [Fact]
    public void Uri_EveryPart_ReadAndPercentDecoded()
    {
        var builder = Resolve("postgresql://alice:p%40ss%3Aw%C3%B6rd@db.example.com:6543/my%20db?sslmode=verify-full&application_name=nightly");

        Assert.Equal("db.example.com", builder.Host);
        Assert.Equal(6543, builder.Port);
        Assert.Equal("alice", builder.Username);
        Assert.Equal("p@ss:wörd", builder.Password);
        Assert.Equal("my db", builder.Database);
        Assert.Equal(SslMode.VerifyFull, builder.SslMode);
        Assert.Equal("nightly", builder.ApplicationName);
    }

    [Fact]
    public void Uri_PostgresSchemeWithoutPortOrUser_DefaultsLikeLibpq()
    {
        var builder = Resolve("postgres://localhost/shop");

        Assert.Equal("localhost", builder.Host);
        Assert.Equal(5432, builder.Port);
        Assert.Equal("shop", builder.Database);
        Assert.Equal(Environment.UserName, builder.Username);
    }

    [Fact]
    public void Uri_IPv6AndSeveralHosts_EachWithItsPort()
    {
        Assert.Equal("::1", Resolve("postgresql://[::1]:5433/db").Host);
        Assert.Equal(5433, Resolve("postgresql://[::1]:5433/db").Port);
        Assert.Equal("a:5432,b:5433", Resolve("postgresql://a:5432,b:5433/db").Host);
    }

    [Fact]
    public void Uri_UnknownParameter_RefusedNamingIt()
    {
        var refused = Assert.Throws<ConnectionStringException>(() => Resolve("postgresql://localhost/db?sslmod=require"));

        Assert.Contains("'sslmod'", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Keywords_QuotedValuesAndSpacesAroundEquals_Read()
    {
        var builder = Resolve(@"host=/var/run/postgresql port = 5444 dbname='my db' user=bob password='it\'s; secret' sslmode=disable connect_timeout=7");

        Assert.Equal("/var/run/postgresql", builder.Host);
        Assert.Equal(5444, builder.Port);
        Assert.Equal("my db", builder.Database);
        Assert.Equal("bob", builder.Username);
        Assert.Equal("it's; secret", builder.Password);
        Assert.Equal(SslMode.Disable, builder.SslMode);
        Assert.Equal(7, builder.Timeout);
    }

    [Fact]
    public void Keywords_SeveralHostsAndPorts_PairedUp()
    {
        Assert.Equal("a:1,b:2", Resolve("host=a,b port=1,2 dbname=x").Host);
    }

    [Theory]
    [InlineData("host=x sslmode=sometimes", "sslmode")]
    [InlineData("host=x port=abc", "port 'abc'")]
    [InlineData("host=x service=prod", "'service'")]
    [InlineData("host=x dbname='unclosed", "quote")]
    public void Keywords_BadValue_RefusedNamingTheKeyword(string db, string named)
    {
        var refused = Assert.Throws<ConnectionStringException>(() => Resolve(db));

        Assert.Contains(named, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Npgsql_ConnectionString_TakenAsItIs()
    {
        var builder = Resolve("Host=10.0.0.5;Port=5999;Database=app;Username=svc;Password=pw;Command Timeout=12");

        Assert.Equal("10.0.0.5", builder.Host);
        Assert.Equal(5999, builder.Port);
        Assert.Equal("app", builder.Database);
        Assert.Equal("svc", builder.Username);
        Assert.Equal("pw", builder.Password);
        Assert.Equal(12, builder.CommandTimeout);
    }

    [Fact]
    public void Npgsql_UnknownKey_RefusedAsNoKnownForm()
    {
        var refused = Assert.Throws<ConnectionStringException>(() => Resolve("Hots=x;Database=y"));

        Assert.Contains("not a postgres:// URI", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NoDb_EnvironmentGivesEverything()
    {
        var builder = Resolve(null, ("PGHOST", "pg.internal"), ("PGPORT", "5500"), ("PGUSER", "etl"), ("PGPASSWORD", "s3cret"), ("PGDATABASE", "warehouse"), ("PGSSLMODE", "require"));

        Assert.Equal("pg.internal", builder.Host);
        Assert.Equal(5500, builder.Port);
        Assert.Equal("etl", builder.Username);
        Assert.Equal("s3cret", builder.Password);
        Assert.Equal("warehouse", builder.Database);
        Assert.Equal(SslMode.Require, builder.SslMode);
    }

    [Theory]
    [InlineData("postgresql://uri-host/uri-db")]
    [InlineData("host=uri-host dbname=uri-db")]
    [InlineData("Host=uri-host;Database=uri-db")]
    public void AnyForm_EnvironmentFillsOnlyWhatItLeavesOut(string db)
    {
        var builder = Resolve(db, ("PGHOST", "env-host"), ("PGDATABASE", "env-db"), ("PGPASSWORD", "env-password"), ("PGUSER", "env-user"));

        Assert.Equal("uri-host", builder.Host);
        Assert.Equal("uri-db", builder.Database);
        Assert.Equal("env-password", builder.Password);
        Assert.Equal("env-user", builder.Username);
    }

    [Fact]
    public void NoHostAnywhere_LocalSocketDirectoryWhenTheSocketExists()
    {
        var builder = ConnectionStrings.Resolve("dbname=x", _ => null, path => path == "/tmp/.s.PGSQL.5432");

        Assert.Equal("/tmp", builder.Host);
    }

    [Fact]
    public void AnyForm_ErrorDetailOnPoolingOffNoCommandTimeout()
    {
        var builder = Resolve("postgresql://h/db");

        Assert.True(builder.IncludeErrorDetail);
        Assert.False(builder.Pooling);
        Assert.Equal(0, builder.CommandTimeout);
        Assert.Equal("gendb", builder.ApplicationName);
    }

    [Fact]
    public void Describe_NamesUserHostPortDatabase_NeverThePassword()
    {
        var text = ConnectionStrings.Describe(Resolve("postgresql://u:hunter2@h:1234/d"));

        Assert.Equal("u@h:1234/d", text);
    }
}
