using Xunit;

namespace GenDb.Embedded.Tests;

public sealed class ShopSampleTests(ShopSampleFixture fixture) : IClassFixture<ShopSampleFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<string> QueryAsync(string sql) => fixture.Cluster.RunSqlAsync(sql, ShopSampleFixture.Database, Ct);

    [Theory]
    [InlineData("categories", 12)]
    [InlineData("customers", 40)]
    [InlineData("products", 30)]
    [InlineData("orders", 60)]
    [InlineData("order_items", 150)]
    [InlineData("reviews", 50)]
    public async Task LoadSample_Shop_TableHasExpectedRowCount(string table, int rows)
    {
        Assert.Equal(rows.ToString(System.Globalization.CultureInfo.InvariantCulture), await QueryAsync($"select count(*) from {table}"));
    }

    [Fact]
    public async Task LoadSample_Shop_KeysAndForeignKeysExist()
    {
        // Columns in key order; for foreign keys the referenced table and confdeltype (a = no action, c = cascade).
        var constraints = await QueryAsync("""
            select c.contype::text || ' ' || c.conrelid::regclass || '(' ||
                   (select string_agg(a.attname, ',' order by k.ord)
                      from unnest(c.conkey) with ordinality k(attnum, ord)
                      join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum) || ')' ||
                   case when c.contype = 'f' then ' -> ' || c.confrelid::regclass || ' ' || c.confdeltype::text else '' end
              from pg_constraint c
             where c.connamespace = 'public'::regnamespace and c.contype in ('p', 'u', 'f')
             order by 1
            """);

        Assert.Equal(
            [
                "f categories(parent_id) -> categories a",
                "f order_items(order_id) -> orders c",
                "f order_items(product_id) -> products a",
                "f orders(customer_id) -> customers a",
                "f products(category_id) -> categories a",
                "f reviews(customer_id) -> customers a",
                "f reviews(product_id) -> products a",
                "p categories(id)",
                "p customers(id)",
                "p order_items(order_id,product_id)",
                "p orders(id)",
                "p products(id)",
                "p reviews(id)",
                "u categories(name)",
                "u customers(email)",
                "u products(sku)",
                "u reviews(product_id,customer_id)",
            ],
            constraints.Split('\n'));
    }

    [Fact]
    public async Task LoadSample_Shop_CheckConstraintsExist()
    {
        var checks = await QueryAsync("""
            select c.conrelid::regclass || '(' ||
                   (select string_agg(a.attname, ',' order by a.attname)
                      from pg_attribute a where a.attrelid = c.conrelid and a.attnum = any (c.conkey)) || ')'
              from pg_constraint c
             where c.connamespace = 'public'::regnamespace and c.contype = 'c'
             order by 1
            """);

        Assert.Equal(
            [
                "customers(email)",
                "order_items(quantity)",
                "order_items(unit_price)",
                "orders(ordered_at,shipped_at)",
                "orders(status)",
                "products(price)",
                "products(stock)",
                "reviews(rating)",
            ],
            checks.Split('\n'));
    }

    [Theory]
    [InlineData("insert into customers (first_name, last_name, email, city, country) values ('A', 'B', 'no-at-sign', 'C', 'D')", "customers_email_check")]
    [InlineData("insert into products (sku, name, category_id, price) values ('X-1', 'Free', 5, 0)", "products_price_check")]
    [InlineData("update orders set status = 'lost' where id = 1", "orders_status_check")]
    [InlineData("update orders set shipped_at = ordered_at - interval '1 day' where id = 1", "orders_shipped_after_ordered")]
    [InlineData("update reviews set rating = 6 where id = 1", "reviews_rating_check")]
    public async Task LoadSample_Shop_ChecksRejectBadRows(string statement, string constraint)
    {
        var ex = await Assert.ThrowsAsync<PostgresCommandException>(() => QueryAsync($"begin;\n{statement};\nrollback;"));

        Assert.Contains($"violates check constraint \"{constraint}\"", ex.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadSample_Shop_SequencesContinueAfterLoadedIds()
    {
        // Other tests may have drawn sequence values already (nextval ignores rollback), so each new id is
        // compared with the largest id in the table as the insert's snapshot saw it.
        var fresh = await QueryAsync("""
            begin;
            with n as (insert into categories (name, parent_id) values ('Camping', 4) returning id)
            select n.id > (select max(id) from categories) from n;
            with n as (insert into customers (first_name, last_name, email, city, country)
                       values ('Ada', 'Lovelace', 'ada@example.com', 'London', 'United Kingdom') returning id)
            select n.id > (select max(id) from customers) from n;
            with n as (insert into products (sku, name, category_id, price) values ('CYC-8005', 'Bottle Cage', 12, 9.90) returning id)
            select n.id > (select max(id) from products) from n;
            with n as (insert into orders (customer_id) values (1) returning id)
            select n.id > (select max(id) from orders) from n;
            with n as (insert into reviews (product_id, customer_id, rating)
                       select 1, min(c.id), 5 from customers c
                        where not exists (select 1 from reviews r where r.product_id = 1 and r.customer_id = c.id)
                       returning id)
            select n.id > (select max(id) from reviews) from n;
            rollback;
            """);

        Assert.Equal(["t", "t", "t", "t", "t"], fresh.Split('\n'));
    }

    [Fact]
    public async Task LoadSample_Shop_CategoriesFormTwoLevelTree()
    {
        var shape = await QueryAsync("""
            select count(*) filter (where c.parent_id is null) || ' roots, ' ||
                   count(*) filter (where p.parent_id is null and c.parent_id is not null) || ' children, ' ||
                   count(*) filter (where p.parent_id is not null) || ' deeper'
              from categories c left join categories p on p.id = c.parent_id
            """);

        Assert.Equal("4 roots, 8 children, 0 deeper", shape);
    }

    [Fact]
    public async Task LoadSample_Shop_RowsAreConsistent()
    {
        var violations = await QueryAsync("""
            select (select count(*) from orders where (shipped_at is not null) <> (status in ('shipped', 'delivered')))
                || ',' || (select count(*) from reviews r
                            where not exists (select 1 from order_items i join orders o on o.id = i.order_id
                                               where i.product_id = r.product_id and o.customer_id = r.customer_id
                                                 and o.status = 'delivered' and o.shipped_at < r.created_at))
                || ',' || (select count(*) from orders o join customers c on c.id = o.customer_id where o.ordered_at < c.created_at)
            """);

        Assert.Equal("0,0,0", violations);
    }

    [Fact]
    public async Task LoadSample_Shop_KeepsNonAsciiTextAndComments()
    {
        Assert.Equal("Kraków", await QueryAsync("select city from customers where email like 'jakub.nowak@%'"));
        Assert.Equal("O'Connor", await QueryAsync("select last_name from customers where email like 'liam.oconnor@%'"));
        Assert.Equal("6", await QueryAsync("""
            select count(*) from pg_class c
             where c.relnamespace = 'public'::regnamespace and c.relkind = 'r' and obj_description(c.oid, 'pg_class') is not null
            """));
    }

    [Fact]
    public void LoadSample_UnknownName_ThrowsListingSamples()
    {
        var ex = Assert.Throws<ArgumentException>(() => EmbeddedCluster.LoadSample("nope"));

        Assert.Contains("'nope'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("shop", ex.Message, StringComparison.Ordinal);
    }
}
