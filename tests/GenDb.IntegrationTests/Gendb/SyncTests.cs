using GenDb.Embedded;
using GenDb.IntegrationTests.Infrastructure;
using Npgsql;

namespace GenDb.IntegrationTests.Gendb;

/// <summary>
/// gendb.sync and gendb.drop_scenario through the proxy, on a database of their own loaded with
/// the shop sample (a real schema with serials, checks, composite keys and foreign keys).
/// </summary>
public sealed class SyncTests(PostgresFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<string> CreateShopAsync()
    {
        var database = "sync_" + Guid.NewGuid().ToString("N")[..8];
        await fixture.Cluster.CreateDatabaseAsync(database, PostgresFixture.ScramUser, Ct);
        await fixture.Cluster.RunSqlAsync($"SET ROLE {PostgresFixture.ScramUser};\n" + EmbeddedCluster.LoadSample("shop"), database, Ct);
        return database;
    }

    private async Task<NpgsqlConnection> OpenAsync(string database, string user = PostgresFixture.ScramUser, string password = PostgresFixture.ScramPassword)
    {
        var connection = new NpgsqlConnection(fixture.ProxyConnectionString(user, password, database));
        await connection.OpenAsync(Ct);
        return connection;
    }

    [Fact]
    public async Task Sync_CreatesCopies_ThenUpToDate_AndCopiesBehaveLikeRealTables()
    {
        var database = await CreateShopAsync();
        await using var connection = await OpenAsync(database);

        var first = await connection.RowsAsync("CALL gendb.sync(include => 'reviews')");
        Assert.Equal(
            ["categories", "customers", "products", "reviews"],
            first.Select(r => (string)r[1]!).Order(StringComparer.Ordinal));
        Assert.All(first, r => Assert.Equal("created", r[3]));

        var second = await connection.RowsAsync("CALL gendb.sync(include => 'reviews')");
        Assert.All(second, r => Assert.Equal("up to date", r[3]));

        var realSequence = await connection.ScalarAsync("SELECT last_value FROM public.customers_id_seq");
        await connection.RowsAsync("CALL gendb.return_generated(include => 'customers,categories,products,reviews')");
        await connection.RowsAsync("INSERT INTO categories (name) VALUES ('synthetic category')");
        await connection.RowsAsync("INSERT INTO customers (first_name, last_name, email, city, country) VALUES ('Syn', 'Thetic', 'syn@example.com', 'Oslo', 'Norway')");
        Assert.Equal(1L, await connection.ScalarAsync("SELECT count(*) FROM customers"));
        Assert.Equal(realSequence, await connection.ScalarAsync("SELECT last_value FROM public.customers_id_seq"));

        // Each violation fails in the copy exactly as in the real table: same SQLSTATE, same constraint.
        string[] violations =
        [
            "INSERT INTO {0}customers (first_name, last_name, email, city, country) VALUES ('No', 'At', 'no-at-sign', 'Oslo', 'Norway')",
            "INSERT INTO {0}customers (first_name, last_name, email, city, country) VALUES ('Dup', 'Licate', (SELECT email FROM {0}customers LIMIT 1), 'Oslo', 'Norway')",
            "INSERT INTO {0}products (sku, name, category_id, price, stock) VALUES ('X-1', 'x', 999999, 1, 1)",
            "INSERT INTO {0}reviews (product_id, customer_id, rating) VALUES ((SELECT min(id) FROM {0}products), (SELECT min(id) FROM {0}customers), 9)",
        ];
        await connection.RowsAsync("INSERT INTO products (sku, name, category_id, price) VALUES ('P-1', 'p', (SELECT min(id) FROM categories), 1)");
        foreach (var violation in violations)
        {
            var inCopy = await Assert.ThrowsAsync<PostgresException>(() => connection.RowsAsync(string.Format(null, violation, "")));
            var inReal = await Assert.ThrowsAsync<PostgresException>(() => connection.RowsAsync(string.Format(null, violation, "public.")));
            Assert.Equal((inReal.SqlState, inReal.ConstraintName), (inCopy.SqlState, inCopy.ConstraintName));
        }
    }

    [Fact]
    public async Task Sync_AfterMigration_RecreatesChangedCopy_RefusesWhileAnotherSessionRoutesToIt()
    {
        var database = await CreateShopAsync();
        await using var connection = await OpenAsync(database);
        await connection.RowsAsync("CALL gendb.sync(include => 'customers')");
        await using var other = await OpenAsync(database);
        await other.RowsAsync("CALL gendb.return_generated(include => 'customers')");
        await using (var direct = new NpgsqlConnection(fixture.DirectConnectionString(database: database)))
        {
            await direct.OpenAsync(Ct);
            await using var migrate = new NpgsqlCommand("ALTER TABLE customers ADD COLUMN loyalty_points int NOT NULL DEFAULT 0", direct);
            await migrate.ExecuteNonQueryAsync(Ct);
        }

        var refused = await Assert.ThrowsAsync<PostgresException>(() => connection.RowsAsync("CALL gendb.sync(include => 'customers')"));
        Assert.Equal("55006", refused.SqlState);
        Assert.Contains("gendb_default__public.customers", refused.MessageText, StringComparison.Ordinal);

        var forced = await connection.RowsAsync("CALL gendb.sync(include => 'customers', force => true)");
        Assert.Equal("recreated", Assert.Single(forced, r => (string)r[1]! == "customers")[3]);
        Assert.Equal(0L, await connection.ScalarAsync("SELECT count(loyalty_points) FROM gendb_default__public.customers"));

        // A new constraint is a change too.
        await using (var direct = new NpgsqlConnection(fixture.DirectConnectionString(database: database)))
        {
            await direct.OpenAsync(Ct);
            await using var migrate = new NpgsqlCommand("ALTER TABLE customers ADD CONSTRAINT loyalty_not_negative CHECK (loyalty_points >= 0)", direct);
            await migrate.ExecuteNonQueryAsync(Ct);
        }

        var again = await connection.RowsAsync("CALL gendb.sync(include => 'customers', force => true)");
        Assert.Equal("recreated", Assert.Single(again, r => (string)r[1]! == "customers")[3]);
        var violation = await Assert.ThrowsAsync<PostgresException>(() => connection.RowsAsync("INSERT INTO gendb_default__public.customers (first_name, last_name, email, city, country, loyalty_points) VALUES ('a', 'b', 'c@d', 'e', 'f', -1)"));
        Assert.Equal(("23514", "loyalty_not_negative"), (violation.SqlState, violation.ConstraintName));
    }

    [Fact]
    public async Task DropScenario_RemovesItsSchemasOnly_RealTablesUntouched()
    {
        var database = await CreateShopAsync();
        await using var connection = await OpenAsync(database);
        await connection.RowsAsync("CALL gendb.sync(scenario => 'demo')");
        var realCount = await connection.ScalarAsync("SELECT count(*) FROM orders");

        var dropped = await connection.RowsAsync("CALL gendb.drop_scenario(scenario => 'demo')");

        Assert.Equal("gendb_demo__public", Assert.Single(dropped)[2]);
        Assert.Equal(0L, await connection.ScalarAsync("SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'gendb%'"));
        Assert.Equal(realCount, await connection.ScalarAsync("SELECT count(*) FROM orders"));
        var again = await Assert.ThrowsAsync<PostgresException>(() => connection.RowsAsync("CALL gendb.drop_scenario(scenario => 'demo')"));
        Assert.Equal("22023", again.SqlState);
    }

    [Fact]
    public async Task Sync_RoleWithoutCreateOnDatabase_Gets42501NamingTheGrant()
    {
        var database = await CreateShopAsync();
        await using (var owner = await OpenAsync(database))
        {
            await owner.RowsAsync($"GRANT SELECT ON customers TO {PostgresFixture.Md5User}");
        }

        await using var connection = await OpenAsync(database, PostgresFixture.Md5User, PostgresFixture.Md5Password);
        var error = await Assert.ThrowsAsync<PostgresException>(() => connection.RowsAsync("CALL gendb.sync(include => 'customers')"));

        Assert.Equal("42501", error.SqlState);
        Assert.Contains("GRANT CREATE ON DATABASE", error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reset_EmptiesCopiesAndTheirReferrers_RestartsSequences()
    {
        var database = await CreateShopAsync();
        await using var connection = await OpenAsync(database);
        await connection.RowsAsync("CALL gendb.sync(include => 'reviews')");
        await connection.RowsAsync("INSERT INTO gendb_default__public.categories (name) VALUES ('a'), ('b')");
        await connection.RowsAsync("INSERT INTO gendb_default__public.products (sku, name, category_id, price) VALUES ('S-1', 'p', 1, 9.99)");

        var reset = await connection.RowsAsync("CALL gendb.reset(include => 'categories')");

        Assert.Equal(["categories", "products", "reviews"], reset.Select(r => (string)r[1]!).Order(StringComparer.Ordinal));
        Assert.Equal(0L, await connection.ScalarAsync("SELECT count(*) FROM gendb_default__public.products"));
        await connection.RowsAsync("INSERT INTO gendb_default__public.categories (name) VALUES ('again')");
        Assert.Equal(1, await connection.ScalarAsync("SELECT id FROM gendb_default__public.categories"));
        Assert.True((long)(await connection.ScalarAsync("SELECT count(*) FROM public.categories"))! > 0);
    }

    [Fact]
    public async Task Describe_Table_ShowsColumnsConstraintsEdgesAndOrder()
    {
        var database = await CreateShopAsync();
        await using var connection = await OpenAsync(database);

        var rows = await connection.RowsAsync("CALL gendb.describe(table => 'categories')");

        Assert.Contains(rows, r => (string)r[0]! == "table" && (string)r[1]! == "public.categories");
        Assert.Contains(rows, r => (string)r[0]! == "synthetic copy" && (string)r[1]! == "gendb_default__public.categories");
        Assert.Contains(rows, r => (string)r[0]! == "column" && (string)r[1]! == "id" && ((string)r[2]!).StartsWith("integer, not null, default nextval", StringComparison.Ordinal));
        Assert.Contains(rows, r => (string)r[0]! == "primary key");
        Assert.Contains(rows, r => (string)r[0]! == "referenced by" && (string)r[1]! == "public.products");
        Assert.Contains(rows, r => (string)r[0]! == "cycle" && ((string)r[2]!).StartsWith("breakable", StringComparison.Ordinal));
        var missing = await Assert.ThrowsAsync<PostgresException>(() => connection.RowsAsync("CALL gendb.describe(table => 'nope')"));
        Assert.Equal("42P01", missing.SqlState);
    }
}
