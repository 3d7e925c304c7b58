using GenDb.IntegrationTests.Infrastructure;
using Npgsql;

namespace GenDb.IntegrationTests.Gendb;

/// <summary>
/// No GENDB command writes to a real table, sequence, view or type: checksums of every real
/// table's rows and of the real catalog objects are equal before and after a run of commands,
/// failing ones included.
/// </summary>
public sealed class RealDataSafetyTests(PostgresFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string DatabaseName = "gendb_safety";

    // Every real relation with its kind, columns and definition, and every row of every real table.
    internal const string Fingerprint = """
        SELECT md5(string_agg(x, E'\n' ORDER BY x)) FROM (
          SELECT format('%s.%s %s %s', n.nspname, c.relname, c.relkind,
                        coalesce(pg_get_viewdef(c.oid), '') || coalesce((SELECT string_agg(a.attname || ':' || format_type(a.atttypid, a.atttypmod), ',' ORDER BY a.attnum)
                          FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped), '')) AS x
          FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname NOT LIKE 'pg\_%' AND n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'gendb\_%'
          UNION ALL
          SELECT format('%s.%s rows %s', n.nspname, c.relname,
                        (xpath('/row/h/text()', query_to_xml(format('SELECT md5(coalesce(string_agg(t::text, %L ORDER BY t::text), %L)) AS h FROM %I.%I t', ',', '', n.nspname, c.relname), false, true, '')))[1]::text)
          FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE c.relkind IN ('r', 'p') AND n.nspname NOT LIKE 'pg\_%' AND n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'gendb\_%'
          UNION ALL
          SELECT format('seq %s.%s %s', n.nspname, c.relname, pg_sequence_last_value(c.oid))
          FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE c.relkind = 'S' AND n.nspname NOT LIKE 'gendb\_%'
          UNION ALL
          SELECT format('type %s.%s %s', n.nspname, t.typname, t.typtype) FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
          WHERE n.nspname NOT LIKE 'pg\_%' AND n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'gendb\_%'
        ) fingerprint
        """;

    [Fact]
    public async Task GendbCommands_AnySequence_RealTablesSequencesViewsAndTypesUnchanged()
    {
        await fixture.Cluster.CreateDatabaseAsync(DatabaseName, PostgresFixture.ScramUser, Ct);
        await fixture.Cluster.RunSqlAsync(
            $"""
            SET ROLE {PostgresFixture.ScramUser};
            CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
            CREATE TABLE customers (id serial PRIMARY KEY, name text NOT NULL, mood mood);
            CREATE TABLE orders (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, customer_id int REFERENCES customers, total numeric(10,2));
            INSERT INTO customers (name, mood) SELECT 'real ' || i, 'ok' FROM generate_series(1, 50) i;
            INSERT INTO orders (customer_id, total) SELECT 1 + i % 50, i * 1.25 FROM generate_series(1, 200) i;
            CREATE VIEW big_orders AS SELECT * FROM orders WHERE total > 100;
            CREATE SCHEMA gendb_default__public;
            CREATE TABLE gendb_default__public.customers (id serial PRIMARY KEY, name text NOT NULL, mood mood);
            CREATE TABLE gendb_default__public.orders (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, customer_id int REFERENCES gendb_default__public.customers, total numeric(10,2));
            INSERT INTO gendb_default__public.customers (name) VALUES ('fake');
            """,
            DatabaseName,
            Ct);

        await using var direct = new NpgsqlConnection(fixture.DirectConnectionString(database: DatabaseName));
        await direct.OpenAsync(Ct);
        var before = await ScalarAsync(direct, Fingerprint);

        await using var proxied = new NpgsqlConnection(fixture.ProxyConnectionString(database: DatabaseName));
        await proxied.OpenAsync(Ct);
        string[] commands =
        [
            "CALL gendb.help()",
            "CALL gendb.status()",
            "CALL gendb.return_generated()",
            "INSERT INTO customers (name) VALUES ('written through the routed view')",
            "UPDATE orders SET total = 0",
            "DELETE FROM customers WHERE name = 'fake'",
            "SELECT * FROM big_orders",
            "CALL gendb.return_generated(include => 'orders', scope => 'session')",
            "CALL gendb.return_actual(include => 'customers')",
            "CALL gendb.return_actual()",
            "CALL gendb.return_generated(include => 'nothing_matches')",
            "CALL gendb.return_generated(scenario => 'missing')",
            "CALL gendb.nope()",
        ];
        foreach (var sql in commands)
        {
            await using var command = new NpgsqlCommand(sql, proxied);
            try
            {
                await command.ExecuteNonQueryAsync(Ct);
            }
            catch (PostgresException)
            {
                // Failing calls are part of the run.
            }
        }

        Assert.Equal(before, await ScalarAsync(direct, Fingerprint));
        Assert.Equal(1L, (long)(await ScalarDirect(direct, "SELECT count(*) FROM gendb_default__public.customers WHERE name = 'written through the routed view'"))!);
    }

    private static async Task<string> ScalarAsync(NpgsqlConnection connection, string sql) => (string)(await ScalarDirect(connection, sql))!;

    private static async Task<object?> ScalarDirect(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync(Ct);
    }
}
